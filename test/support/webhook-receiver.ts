// A real local HTTP receiver for webhook tests: records every request (headers,
// raw body, time) and answers what the test scripts (200 by default).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { admin, call } from './api.ts';

export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
}

export interface Receiver {
  readonly url: string;
  readonly received: Received[];
  /** Status (and headers) for the n-th request (0-based); 200 when it returns undefined. */
  answer: (n: number) => { status: number; headers?: Record<string, string> } | undefined;
  /** The events received, parsed, whose signature `secret` verifies (throws on a bad one). */
  verified(secret: string): { id: string; type: string; data: Record<string, unknown>; previous: unknown }[];
  close(): Promise<void>;
}

export const startReceiver = async (): Promise<Receiver> => {
  const received: Received[] = [];
  const receiver = {
    received,
    answer: (_n: number) => undefined as { status: number; headers?: Record<string, string> } | undefined,
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = received.length;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const reply = receiver.answer(n) ?? { status: 200 };
      res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
      res.end(reply.status < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return Object.assign(receiver, {
    url,
    verified: (secret: string) =>
      received.map(
        (r) =>
          new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as {
            id: string;
            type: string;
            data: Record<string, unknown>;
            previous: unknown;
          },
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
};

/** Registers an endpoint through the API; answers it with its one-time secret. */
export const registerEndpoint = async (url: string, events: readonly string[], extra: Record<string, unknown> = {}) => {
  const reply = await call<{ id: string; secret: string; version: number }>(admin, 'POST', '/admin/webhooks', { url, events, ...extra });
  if (reply.status !== 201) throw new Error(`webhook registration answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body;
};

/** Polls until `check` holds (async flows), or fails after `timeoutMs`. */
export const eventually = async <T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000, what = 'condition'): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
