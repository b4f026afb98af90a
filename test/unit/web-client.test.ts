// The web app's API client on its own, with no session and no browser: who is
// signed in comes through the port the shell connects (connectApi), so a test
// connects its own, against a real HTTP server on a free port.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, connectApi } from '../../web/api/client.ts';
import { ApiError } from '../../web/api/problem.ts';
import { activateLocale } from '../../web/i18n/locale.ts';

let server: Server;
let baseUrl = '';
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
/** What the server answers next. */
let answer = { status: 200, body: { items: [], nextCursor: null } as unknown };

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(answer.status, { 'content-type': answer.status < 400 ? 'application/json' : 'application/problem+json' });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(async () => {
  seen.length = 0;
  answer = { status: 200, body: { items: [], nextCursor: null } };
  await activateLocale('en');
});

describe('the API client, connected through its port', () => {
  it('sends the token the port holds, to the base the port names', async () => {
    let refusals = 0;
    connectApi({ baseUrl, token: () => 'token-of-ada', refused: () => refusals++ });
    expect(await api('orders.list', { query: { limit: 1 } })).toEqual({ items: [], nextCursor: null });
    expect(seen).toEqual([expect.objectContaining({ url: '/orders?limit=1' })]);
    expect(seen[0]?.headers.authorization).toBe('Bearer token-of-ada');
    expect(refusals).toBe(0);
  });

  it('sends no authorization when nobody is signed in', async () => {
    connectApi({ baseUrl, token: () => undefined, refused: () => undefined });
    await api('orders.list');
    expect(seen[0]?.headers).not.toHaveProperty('authorization');
  });

  it('tells the port when the API refuses the token (401), and throws the problem', async () => {
    let refusals = 0;
    connectApi({ baseUrl, token: () => 'expired', refused: () => refusals++ });
    answer = { status: 401, body: { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'The token has expired.', errors: [] } };
    const failure = await api('orders.list').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect(refusals).toBe(1);
  });

  it('keeps the token on any other refusal', async () => {
    let refusals = 0;
    connectApi({ baseUrl, token: () => 'token-of-ada', refused: () => refusals++ });
    answer = { status: 403, body: { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Not for you.', errors: [] } };
    await expect(api('orders.list')).rejects.toBeInstanceOf(ApiError);
    expect(refusals).toBe(0);
  });
});
