// One signed POST to a checked target (webhook-target.ts), the Standard
// Webhooks way: `webhook-id`, `webhook-timestamp`, `webhook-signature:
// v1,<base64 HMAC-SHA256 of "id.timestamp.body">` (the `standardwebhooks`
// package signs), one signature per secret, space separated, while a rotated
// secret still signs beside its successor. The socket goes to the checked address whatever DNS says
// now; redirects are answers, never followed; at most 10 s; only the first 256
// characters of the answer are kept.
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { Target } from './webhook-target.ts';

export const TIMEOUT_MS = 10_000;
const BODY_PREFIX = 256;

export interface PostResult {
  readonly statusCode: number | null;
  readonly durationMs: number;
  readonly error: string | null;
  readonly responseBody: string | null;
}

export interface SignedMessage {
  /** The event id: the same across retries, so the receiver dedupes on it. */
  readonly id: string;
  readonly body: string;
  /** Every secret that signs now, newest first (shared/domain/webhook.ts signingSecrets). */
  readonly secrets: readonly string[];
  readonly at: Date;
}

export const signatureHeaders = (message: SignedMessage): Record<string, string> => ({
  'webhook-id': message.id,
  'webhook-timestamp': String(Math.floor(message.at.getTime() / 1000)),
  'webhook-signature': message.secrets.map((secret) => new Webhook(secret).sign(message.id, message.at, message.body)).join(' '),
});

export const postSigned = (target: Target, message: SignedMessage, clock: () => number = Date.now): Promise<PostResult> => {
  const started = clock();
  const elapsed = () => Math.max(0, Math.round(clock() - started));
  // Whatever name the URL holds, connect to the address that was checked (TLS still verifies the name).
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const options: RequestOptions = {
    method: 'POST',
    lookup: pinned,
    timeout: TIMEOUT_MS,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'aftersales-webhooks/1',
      'content-length': Buffer.byteLength(message.body),
      ...signatureHeaders(message),
    },
  };
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, durationMs: elapsed() });
    };
    const req = send(target.url, options, (res) => {
      let prefix = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (prefix.length < BODY_PREFIX) prefix += chunk.slice(0, BODY_PREFIX - prefix.length);
        // The rest is not read into memory: a huge answer cannot exhaust the function.
        if (prefix.length >= BODY_PREFIX) res.destroy();
      });
      const done = () => {
        const status = res.statusCode ?? null;
        const redirect = status !== null && status >= 300 && status < 400 ? 'redirect not followed' : null;
        finish({ statusCode: status, error: redirect ?? (status !== null && status >= 400 ? `HTTP ${status}` : null), responseBody: prefix || null });
      };
      res.on('end', done);
      res.on('close', done);
    });
    // The whole exchange, not only idle time: a receiver trickling bytes is cut off too.
    const deadline = setTimeout(() => req.destroy(new Error(`timed out after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    req.on('close', () => clearTimeout(deadline));
    req.on('timeout', () => req.destroy(new Error(`timed out after ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (error) => finish({ statusCode: null, error: error.message.slice(0, BODY_PREFIX), responseBody: null }));
    req.end(message.body);
  });
};
