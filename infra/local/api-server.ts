// The local API Gateway (HTTP API, payload 2.0): matches the routes of
// infra/routes.ts, runs the JWT authorizer's checks, and invokes the real
// handler in-process with the event and context Lambda would give it.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildEvent, compileRoutes, gatewayProblem, type HttpAnswer, matchRoute, toHttpAnswer } from '#infra/local/api-event';
import { type VerifyResult, verifyToken } from '#infra/local/jwt';
import { lambdaContext } from '#infra/local/lambda-context';
import { webAppAnswer } from '#infra/local/web-app';
import { routes as allRoutes, type HttpFunction, type Route } from '#infra/routes';

export type HttpHandler = (event: ReturnType<typeof buildEvent>, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;
export type LoadHttpHandler = (fn: HttpFunction) => Promise<HttpHandler>;

/** The shipped handler: `functions/http/<fn>.ts`'s `handler`. */
export const loadRealHttpHandler: LoadHttpHandler = async (fn) => {
  const module = (await import(`#functions/http/${fn}`)) as { handler?: HttpHandler };
  if (typeof module.handler !== 'function') throw new Error(`functions/http/${fn}.ts does not export a handler`);
  return module.handler;
};

export interface ApiServerOptions {
  /** 0 picks a free port. */
  port: number;
  routes?: readonly Route[];
  loadHandler?: LoadHttpHandler;
  verify?: (authorization: string | undefined) => Promise<VerifyResult>;
  log?: (line: string) => void;
  /** API Gateway's payload limit. */
  maxBodyBytes?: number;
  /** API Gateway's integration timeout, reported by `getRemainingTimeInMillis`. */
  timeoutMs?: number;
}

export interface ApiServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const TEN_MB = 10 * 1024 * 1024;
const CORS_HEADERS = 'authorization,content-type,idempotency-key,if-match,if-none-match';

class TooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume(); // drain, so the client finishes sending and reads the 413
    return Promise.reject(new TooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new TooLarge());
      } else chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function send(res: ServerResponse, answer: HttpAnswer, requestId: string, origin: string | undefined): void {
  const headers: Record<string, string | string[]> = { ...answer.headers, 'apigw-requestid': requestId };
  if (origin && !('access-control-allow-origin' in headers)) {
    headers['access-control-allow-origin'] = origin;
    headers.vary = headers.vary ? `${headers.vary}, Origin` : 'Origin';
  }
  if (answer.cookies.length) headers['set-cookie'] = answer.cookies;
  headers['content-length'] = String(answer.body.length);
  res.writeHead(answer.statusCode, headers);
  res.end(answer.body);
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const compiled = compileRoutes(options.routes ?? allRoutes);
  const loadHandler = options.loadHandler ?? loadRealHttpHandler;
  const verify = options.verify ?? verifyToken;
  const log = options.log ?? (() => {});
  const maxBody = options.maxBodyBytes ?? TEN_MB;

  const answer = async (req: IncomingMessage, requestId: string): Promise<HttpAnswer> => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const rawPath = url.split('?')[0] ?? '/';
    if (method === 'OPTIONS') {
      // The HTTP API's CORS configuration answers preflights itself.
      return {
        statusCode: 204,
        headers: {
          'access-control-allow-origin': req.headers.origin ?? '*',
          'access-control-allow-methods': 'GET,POST,PUT,OPTIONS',
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? CORS_HEADERS,
          'access-control-expose-headers': 'etag,location',
          'access-control-max-age': '600',
        },
        cookies: [],
        body: Buffer.alloc(0),
      };
    }
    let body: Buffer;
    try {
      body = await readBody(req, maxBody);
    } catch (error) {
      if (error instanceof TooLarge) {
        return gatewayProblem(413, 'payload-too-large', 'Payload too large', `The request body exceeds ${maxBody} bytes.`);
      }
      throw error;
    }
    // The web app and its dev-only sign-in share this origin locally (never deployed).
    const web = await webAppAnswer(method, rawPath, body);
    if (web) return web;
    const match = matchRoute(compiled, method, rawPath);
    if (match.kind === 'not-found') return gatewayProblem(404, 'not-found', 'Not found', `No route for ${rawPath}.`);
    if (match.kind === 'method-not-allowed') {
      const problem = gatewayProblem(405, 'method-not-allowed', 'Method not allowed', `${method} is not allowed on ${rawPath}.`);
      return { ...problem, headers: { ...problem.headers, allow: match.allowed.join(', ') } };
    }
    const { route } = match;
    let claims: Record<string, unknown> | undefined;
    if (!route.roles.includes('public')) {
      const verdict = await verify(req.headers.authorization);
      if (!verdict.ok) {
        const problem = gatewayProblem(401, 'unauthorized', 'Unauthorized', `Invalid or missing token: ${verdict.reason}.`);
        return { ...problem, headers: { ...problem.headers, 'www-authenticate': 'Bearer' } };
      }
      claims = verdict.claims;
    }
    const event = buildEvent({
      method,
      url,
      headers: req.headers,
      body,
      route,
      pathParameters: match.pathParameters,
      sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      requestId,
      now: new Date(),
      claims,
    });
    const handler = await loadHandler(route.fn);
    return toHttpAnswer(await handler(event, lambdaContext(`aftersales-${route.fn}`, options.timeoutMs ?? 29_000)));
  };

  const server = createServer((req, res) => {
    const requestId = randomUUID();
    const started = Date.now();
    answer(req, requestId)
      .catch((error: unknown) => {
        log(`API ${req.method} ${req.url} failed (request ${requestId}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return gatewayProblem(500, 'internal', 'Internal error', `The handler failed. Quote request id ${requestId}.`, { requestId });
      })
      .then((result) => {
        send(res, result, requestId, req.headers.origin);
        log(`API ${req.method} ${req.url} → ${result.statusCode} (${Date.now() - started} ms)`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
