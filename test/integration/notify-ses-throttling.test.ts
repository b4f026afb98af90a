// SES throttling: the sender's SDK client retries `Throttling` and
// `TooManyRequestsException` with backoff and gives up on anything else at
// once. Local SES never throttles, so a small HTTP front answers the first
// calls the way SES does when over its send rate, then passes the request
// through to the local SES, where the email must arrive exactly once.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSesSender, SES_RETRY } from '#shared/adapters/ses';
import { inbox, sesUrl } from '../support/notify.ts';

const sesError = (code: string, message: string) =>
  `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** Answers the first calls with the given errors, then forwards to the local SES. */
const sesFront = async (failures: readonly { status: number; code: string; message: string }[]) => {
  const seen: number[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    seen.push(Date.now());
    const failure = failures[seen.length - 1];
    if (failure) {
      res.writeHead(failure.status, { 'content-type': 'text/xml' }).end(sesError(failure.code, failure.message));
      return;
    }
    const headers = { 'content-type': String(req.headers['content-type']), authorization: String(req.headers.authorization) };
    const forwarded = await fetch(sesUrl(), { method: 'POST', headers, body: Buffer.concat(chunks) });
    res.writeHead(forwarded.status, { 'content-type': forwarded.headers.get('content-type') ?? 'text/xml' }).end(await forwarded.text());
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
};

const email = (subject: string) => ({ subject, html: `<p>${subject}</p>`, text: subject });
const throttled = { status: 400, code: 'Throttling', message: 'Maximum sending rate exceeded.' };

describe('SES sender under throttling', () => {
  it('backs off and retries Throttling and TooManyRequests, then sends once', async () => {
    const front = await sesFront([throttled, { status: 429, code: 'TooManyRequestsException', message: 'Too many requests' }]);
    const to = `throttle-${randomUUID()}@example.com`;
    await createSesSender({ endpoint: front.endpoint })('shop@example.com', [to], email('after backoff'));
    expect(front.seen).toHaveLength(3);
    expect((await inbox(to)).map((e) => e.subject)).toEqual(['after backoff']);
  });

  it(`gives up after ${SES_RETRY.maxAttempts} throttled attempts, having waited between them`, async () => {
    const front = await sesFront(Array.from({ length: 10 }, () => throttled));
    const to = `throttle-${randomUUID()}@example.com`;
    const error = await createSesSender({ endpoint: front.endpoint })('shop@example.com', [to], email('never')).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'Throttling', $metadata: { attempts: SES_RETRY.maxAttempts } });
    expect((error as { $metadata: { totalRetryDelay: number } }).$metadata.totalRetryDelay).toBeGreaterThan(0);
    expect(front.seen).toHaveLength(SES_RETRY.maxAttempts);
    expect(await inbox(to)).toEqual([]);
  });

  it('does not retry a rejection that retrying cannot fix', async () => {
    const front = await sesFront([{ status: 400, code: 'MessageRejected', message: 'Email address is not verified.' }]);
    const error = await createSesSender({ endpoint: front.endpoint })('shop@example.com', ['x@example.com'], email('rejected')).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MessageRejected' });
    expect(front.seen).toHaveLength(1);
  });
});
