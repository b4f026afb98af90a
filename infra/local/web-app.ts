// The web app on the local API server: the built files at /app/ (index.html
// for any other /app/… path, so deep links and email links work), the app's
// config.json, and the dev-only sign-in endpoint that issues the tokens
// `npm run token` prints. None of this is deployed: in AWS, CloudFront serves
// the app and Cognito (or the configured issuer) signs people in.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gatewayProblem, type HttpAnswer } from '#infra/local/api-event';
import { signToken } from '#infra/local/jwt';
import { webDist } from '#infra/web-build';
import { APP_BASE } from '../../web/base.ts';

export const LOCAL_SIGN_IN_PATH = '/local/sign-in';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

// The same policy CloudFront's response headers policy sends (infra/constructs/web-app.ts).
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

const answer = (statusCode: number, type: string, body: Buffer | string, headers: Record<string, string> = {}): HttpAnswer => ({
  statusCode,
  headers: { 'content-type': type, ...SECURITY_HEADERS, ...headers },
  cookies: [],
  body: typeof body === 'string' ? Buffer.from(body) : body,
});

const json = (statusCode: number, value: unknown): HttpAnswer => answer(statusCode, 'application/json', JSON.stringify(value), { 'cache-control': 'no-store' });

/** Same origin, local sign-in: what CDK writes as config.json in AWS, for the local server. */
const localConfig = { apiUrl: '', auth: { kind: 'local' } } as const;

async function staticFile(rawPath: string, dist: string): Promise<HttpAnswer> {
  const relative = decodeURIComponent(rawPath.slice(APP_BASE.length)).replace(/^\/+/, '');
  const file = path.resolve(dist, relative);
  // Only files inside dist; anything else (or a missing asset) falls back to the app.
  if (relative && file.startsWith(`${dist}${path.sep}`)) {
    const body = await readFile(file).catch(() => undefined);
    const type = TYPES[path.extname(file)];
    if (body && type) return answer(200, type, body, { 'cache-control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache' });
    if (relative.startsWith('assets/')) return gatewayProblem(404, 'not-found', 'Not found', `No asset ${relative}.`);
  }
  const index = await readFile(path.join(dist, 'index.html')).catch(() => undefined);
  if (!index) return answer(503, 'text/plain; charset=utf-8', 'The web app is not built: run `npm run build:web`.');
  return answer(200, 'text/html; charset=utf-8', index, { 'cache-control': 'no-cache' });
}

async function devSignIn(body: Buffer): Promise<HttpAnswer> {
  let input: { role?: unknown; sub?: unknown; email?: unknown };
  try {
    input = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return gatewayProblem(400, 'validation', 'Invalid request', 'The body is not JSON.', { errors: [{ path: 'body', message: 'is not valid JSON' }] });
  }
  const errors: { path: string; message: string }[] = [];
  if (input.role !== 'customer' && input.role !== 'admin') errors.push({ path: 'role', message: 'must be customer or admin' });
  const sub = typeof input.sub === 'string' ? input.sub.trim() : '';
  if (input.role === 'customer' && !/^[\w.@-]{1,128}$/.test(sub)) errors.push({ path: 'sub', message: 'must be 1–128 letters, digits, dots, dashes or @' });
  const email = typeof input.email === 'string' ? input.email.trim() : '';
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) errors.push({ path: 'email', message: 'must be an email address' });
  if (errors.length > 0) return gatewayProblem(400, 'validation', 'Invalid request', 'Some answers need correcting.', { errors });
  const role = input.role as 'customer' | 'admin';
  const token = await signToken({ role, ...(role === 'customer' ? { sub } : {}), ...(email ? { email } : {}) });
  return json(200, { token });
}

/** The web app's answer for this request, or undefined when it is an API request. */
export async function webAppAnswer(method: string, rawPath: string, body: Buffer, dist = webDist): Promise<HttpAnswer | undefined> {
  if (rawPath === LOCAL_SIGN_IN_PATH) {
    return method === 'POST' ? devSignIn(body) : gatewayProblem(405, 'method-not-allowed', 'Method not allowed', 'POST only.');
  }
  if (rawPath !== APP_BASE && !rawPath.startsWith(`${APP_BASE}/`)) return undefined;
  if (method !== 'GET' && method !== 'HEAD') return gatewayProblem(405, 'method-not-allowed', 'Method not allowed', 'The web app is read-only.');
  if (rawPath === `${APP_BASE}/config.json`) return json(200, localConfig);
  return staticFile(rawPath, dist);
}
