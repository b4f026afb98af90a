// The API Gateway stand-in of the local stack (infra/local/api-server.ts): JWT
// refusals and routing on the shared stack, then the event it builds and the
// answers it writes back, with an injected handler.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHandler, startApiServer } from '#infra/local/api-server';
import { badTokens, signToken } from '#infra/local/jwt';
import { env } from '../support/env.ts';

describe('API Gateway stand-in (shared stack)', () => {
  const get = (path: string, token?: string) => fetch(`${env('API_URL')}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it.each([
    ['no token', async () => undefined],
    ['an expired token', () => badTokens.expired()],
    ['a wrong issuer', () => badTokens.wrongIssuer()],
    ['a wrong audience', () => badTokens.wrongAudience()],
    ['alg none', () => badTokens.unsigned()],
    ['a foreign key', () => badTokens.foreignKey()],
  ])('refuses a protected route with %s: 401 problem+json', async (_, token) => {
    const response = await get('/orders', await token());
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ type: expect.any(String), title: 'Unauthorized', status: 401, detail: expect.any(String) });
  });

  it('answers 404 problem+json on an unknown path and 405 on a known path with another method', async () => {
    const missing = await get('/no/such/path');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(await missing.json()).toMatchObject({ status: 404 });
    const wrongMethod = await fetch(`${env('API_URL')}/health`, { method: 'PUT' });
    expect(wrongMethod.status).toBe(405);
  });

  it('serves a public route without a token and a protected one with a valid token', async () => {
    expect((await get('/health')).status).toBe(200);
    expect((await get('/orders', await signToken({ role: 'customer', sub: `cus-${randomUUID()}` }))).status).toBe(200);
  });
});

describe('API Gateway stand-in (injected handler)', () => {
  let seen: Parameters<HttpHandler>[] = [];
  let reply: (event: Parameters<HttpHandler>[0]) => unknown = () => ({ statusCode: 200, body: 'ok' });
  let api: Awaited<ReturnType<typeof startApiServer>>;
  const routes = [
    { id: 't.public', method: 'GET', path: '/things', fn: 'meta', roles: ['public'] },
    { id: 't.get', method: 'GET', path: '/things/{thingId}', fn: 'meta', roles: ['admin'] },
    { id: 't.mine', method: 'GET', path: '/things/mine', fn: 'meta', roles: ['customer'] },
    { id: 't.post', method: 'POST', path: '/things/{thingId}/files', fn: 'meta', roles: ['storefront'] },
  ] as const;

  beforeAll(async () => {
    api = await startApiServer({
      port: 0,
      routes,
      maxBodyBytes: 1024,
      loadHandler: async () => async (event, context) => {
        seen.push([event, context]);
        return reply(event);
      },
    });
  });
  afterAll(() => api.stop());
  const last = () => seen.at(-1) as Parameters<HttpHandler>;

  it('builds the payload 2.0 event, with flattened claims and path parameters decoded', async () => {
    seen = [];
    const token = await signToken({ role: 'admin' });
    const response = await fetch(`${api.url}/things/a%20b?x=1&x=2&y=%C3%A9`, {
      headers: { authorization: `Bearer ${token}`, 'X-Custom': 'V', cookie: 'a=1; b=2' },
    });
    expect(response.status).toBe(200);
    const [event, context] = last();
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /things/{thingId}',
      rawPath: '/things/a%20b',
      rawQueryString: 'x=1&x=2&y=%C3%A9',
      queryStringParameters: { x: '1,2', y: 'é' },
      pathParameters: { thingId: 'a b' },
      cookies: ['a=1', 'b=2'],
      isBase64Encoded: false,
      requestContext: { routeKey: 'GET /things/{thingId}', stage: '$default', http: { method: 'GET', path: '/things/a%20b' } },
    });
    expect(event.headers['x-custom']).toBe('V');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.body).toBeUndefined();
    expect(event.requestContext.authorizer.jwt.claims).toMatchObject({ sub: 'admin-1', 'cognito:groups': '[admin]', exp: expect.stringMatching(/^\d+$/) });
    expect(event.requestContext.authorizer.jwt.scopes).toBeNull();
    expect(context.functionName).toBe('aftersales-meta');
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
  });

  it('prefers the literal route, attaches no authorizer on public routes, and splits scopes', async () => {
    seen = [];
    await fetch(`${api.url}/things`);
    expect(last()[0].requestContext).not.toHaveProperty('authorizer');
    await fetch(`${api.url}/things/mine`, { headers: { authorization: `Bearer ${await signToken({ role: 'customer' })}` } });
    expect(last()[0].routeKey).toBe('GET /things/mine');
    const token = await signToken({ role: 'storefront' });
    await fetch(`${api.url}/things/1/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array([0, 255]),
    });
    const [event] = last();
    expect(event.requestContext.authorizer.jwt.scopes).toEqual(['orders/write']);
    expect(event).toMatchObject({ isBase64Encoded: true, body: Buffer.from([0, 255]).toString('base64') });
  });

  it('writes results back like API Gateway: base64 bodies, cookies, bare JSON, handler failures', async () => {
    reply = () => ({
      statusCode: 201,
      headers: { 'content-type': 'image/png', 'x-n': 1, gone: undefined },
      cookies: ['s=1', 't=2'],
      body: Buffer.from([1, 2]).toString('base64'),
      isBase64Encoded: true,
    });
    let response = await fetch(`${api.url}/things`);
    expect(response.status).toBe(201);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([1, 2]);
    expect(response.headers.getSetCookie()).toEqual(['s=1', 't=2']);
    expect(response.headers.get('x-n')).toBe('1');
    expect(response.headers.has('gone')).toBe(false);

    reply = () => ({ hello: 'world' });
    response = await fetch(`${api.url}/things`);
    expect([response.status, response.headers.get('content-type'), await response.json()]).toEqual([200, 'application/json', { hello: 'world' }]);

    reply = () => {
      throw new Error('boom');
    };
    response = await fetch(`${api.url}/things`);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ status: 500, requestId: response.headers.get('apigw-requestid') });
  });

  it('refuses oversized bodies with 413 and answers CORS preflights itself', async () => {
    const token = await signToken({ role: 'storefront' });
    const big = await fetch(`${api.url}/things/1/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: 'x'.repeat(2048),
    });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toBe('application/problem+json');
    const preflight = await fetch(`${api.url}/things/1/files`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});
