// Local SES: aws-ses-v2-local in this process. It keeps every sent message in
// memory; `GET /store` lists them as JSON and `/` shows them as an inbox page.
// Its store is module-global, so one process runs at most one instance usefully.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sesLocal from 'aws-ses-v2-local';

export interface SesLocal {
  readonly endpoint: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** One stored message, as `GET /store` returns it. */
export interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: unknown[];
  /** Epoch seconds. */
  at: number;
}

type ServerFactory = (config?: { host?: string; port?: number }) => Promise<Server>;

// The package is CommonJS with `exports.default`; depending on the loader the
// default import is either the function or the whole exports object.
const startServer = ((sesLocal as unknown as { default?: ServerFactory }).default ?? sesLocal) as ServerFactory;

export async function startSesLocal(options: { port: number }): Promise<SesLocal> {
  const server = await startServer({ host: '127.0.0.1', port: options.port });
  // Express 5 reports a failed listen through the callback, which the package
  // ignores; a server that is not listening is our only sign of it.
  if (!server.listening) throw new Error(`SES local could not listen on port ${options.port}`);
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every message SES local has accepted (optionally since an epoch second). */
export async function readSentEmails(sesUrl: string, sinceEpochSeconds?: number): Promise<StoredEmail[]> {
  const query = sinceEpochSeconds === undefined ? '' : `?since=${Math.floor(sinceEpochSeconds)}`;
  const response = await fetch(`${sesUrl}/store${query}`);
  if (!response.ok) throw new Error(`SES local /store answered ${response.status}`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  return emails;
}

/** Polls SES local until a message matches (emails are sent asynchronously by the stream consumer). */
export async function waitForEmail(
  sesUrl: string,
  match: (email: StoredEmail) => boolean,
  { timeoutMs = 10_000, intervalMs = 100 } = {},
): Promise<StoredEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readSentEmails(sesUrl)).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No matching email in SES local after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
