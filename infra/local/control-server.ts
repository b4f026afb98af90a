// A tiny side door into the stack for tests: the stream poller runs in vitest's
// global-setup process, so test files (in worker processes) ask it over HTTP to
// wait until the stream is drained, or for the dead letters. Kept off the API
// port so the API answers exactly what API Gateway would.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DeadLetter, StreamPoller } from '#infra/local/stream-poller';

export interface ControlServer {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startControlServer(poller: Pick<StreamPoller, 'idle' | 'deadLetters'>): Promise<ControlServer> {
  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const path = req.url?.split('?')[0];
    if (req.method === 'GET' && path === '/stream/idle') {
      poller.idle().then(
        () => reply(200, { idle: true }),
        (error: unknown) => reply(500, { error: String(error) }),
      );
    } else if (req.method === 'GET' && path === '/stream/dead-letters') {
      reply(200, poller.deadLetters);
    } else reply(404, { error: 'unknown control path' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits until every stream record written so far has been handed to the stream handler. */
export async function waitForStreamIdle(controlUrl = process.env.LOCAL_CONTROL_URL, timeoutMs = 20_000): Promise<void> {
  if (!controlUrl) throw new Error('LOCAL_CONTROL_URL is not set (is the local stack running via the vitest global setup?)');
  const response = await fetch(`${controlUrl}/stream/idle`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`stream idle check answered ${response.status}`);
}

export async function readDeadLetters(controlUrl = process.env.LOCAL_CONTROL_URL): Promise<DeadLetter[]> {
  if (!controlUrl) throw new Error('LOCAL_CONTROL_URL is not set');
  const response = await fetch(`${controlUrl}/stream/dead-letters`);
  return (await response.json()) as DeadLetter[];
}
