// Calls the shipped HTTP handlers in-process with the same API Gateway v2
// event the local API (and AWS) would build, claims included, so the bench can
// time and meter an operation without an HTTP hop.
import { randomUUID } from 'node:crypto';
import { buildEvent, compileRoutes, matchRoute, toHttpAnswer } from '#infra/local/api-event';
import { loadRealHttpHandler } from '#infra/local/api-server';
import { jwtAudience, jwtIssuer, roleClaims } from '#infra/local/jwt';
import { lambdaContext } from '#infra/local/lambda-context';
import { routes } from '#infra/routes';

export type Caller = { readonly role: 'customer' | 'admin' | 'storefront'; readonly sub: string } | { readonly role: 'public' };

export interface Request {
  readonly caller: Caller;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path and query, e.g. `/admin/orders?limit=20`. */
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

const compiled = compileRoutes(routes);

/** The event API Gateway would hand the function for this request (verified claims, as the JWT authorizer passes them). */
export const eventFor = (request: Request) => {
  const rawPath = request.url.split('?')[0] ?? '/';
  const match = matchRoute(compiled, request.method, rawPath);
  if (match.kind !== 'found') throw new Error(`bench: no route for ${request.method} ${rawPath}`);
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(request.body));
  const now = new Date();
  const claims =
    request.caller.role === 'public'
      ? undefined
      : {
          ...roleClaims(request.caller.role, request.caller.sub),
          iss: jwtIssuer(),
          aud: jwtAudience(),
          iat: Math.floor(now.getTime() / 1000),
          exp: Math.floor(now.getTime() / 1000) + 3600,
        };
  return {
    fn: match.route.fn,
    event: buildEvent({
      method: request.method,
      url: request.url,
      headers: {
        host: '127.0.0.1',
        'user-agent': 'aftersales-bench',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      body,
      route: match.route,
      pathParameters: match.pathParameters,
      sourceIp: '127.0.0.1',
      requestId: randomUUID(),
      now,
      claims,
    }),
  };
};

/** Runs the request through the function's real handler in this process. */
export const invoke = async <T = Record<string, unknown>>(request: Request): Promise<Answer<T>> => {
  const { fn, event } = eventFor(request);
  const handler = await loadRealHttpHandler(fn);
  const answer = toHttpAnswer(await handler(event, lambdaContext(`aftersales-${fn}`, 29_000)));
  const text = answer.body.toString('utf8');
  const json = (answer.headers['content-type'] ?? '').includes('json') && text ? (JSON.parse(text) as T) : (text as T);
  return { status: answer.statusCode, body: json };
};

/** Like `invoke`, but a status other than `expected` is a bench failure (a figure from a failed call is no figure). */
export const invokeOk = async <T = Record<string, unknown>>(request: Request, expected = 200): Promise<T> => {
  const answer = await invoke<T>(request);
  if (answer.status !== expected) {
    throw new Error(`bench: ${request.method} ${request.url} answered ${answer.status} (expected ${expected}): ${JSON.stringify(answer.body).slice(0, 400)}`);
  }
  return answer.body;
};
