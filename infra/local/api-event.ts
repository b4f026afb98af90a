// Pure pieces of the local API Gateway: route matching, the payload 2.0 event
// it sends to Lambda, and turning the Lambda result back into an HTTP answer.
// Kept free of I/O so tests can check the event shape directly.
import type { IncomingHttpHeaders } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type Route, routeKey } from '#infra/routes';

export interface CompiledRoute<R extends Route = Route> {
  readonly route: R;
  readonly pattern: RegExp;
  readonly paramNames: readonly string[];
  /** More literal segments win, like API Gateway's "most specific route". */
  readonly literalSegments: number;
}

export const compileRoutes = <R extends Route>(routes: readonly R[]): CompiledRoute<R>[] =>
  routes.map((route) => {
    const paramNames: string[] = [];
    const segments = route.path.split('/').slice(1);
    const source = segments
      .map((segment) => {
        const param = /^\{([^}+]+)(\+?)\}$/.exec(segment);
        if (!param) return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
        paramNames.push(param[1] as string);
        return param[2] ? '/(.+)' : '/([^/]+)';
      })
      .join('');
    const literalSegments = segments.filter((s) => !s.startsWith('{')).length;
    return { route, pattern: new RegExp(`^${source}$`), paramNames, literalSegments };
  });

export type RouteMatch<R extends Route> =
  | { kind: 'found'; route: R; pathParameters: Record<string, string> | undefined }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

export function matchRoute<R extends Route>(compiled: readonly CompiledRoute<R>[], method: string, rawPath: string): RouteMatch<R> {
  const onPath = compiled
    .map((c) => ({ c, match: c.pattern.exec(rawPath) }))
    .filter((x): x is { c: CompiledRoute<R>; match: RegExpExecArray } => x.match !== null)
    .sort((a, b) => b.c.literalSegments - a.c.literalSegments);
  if (onPath.length === 0) return { kind: 'not-found' };
  const hit = onPath.find((x) => x.c.route.method === method);
  if (!hit) return { kind: 'method-not-allowed', allowed: [...new Set(onPath.map((x) => x.c.route.method))] };
  const entries = hit.c.paramNames.map((name, i) => [name, safeDecode(hit.match[i + 1] ?? '')] as const);
  return { kind: 'found', route: hit.c.route, pathParameters: entries.length ? Object.fromEntries(entries) : undefined };
}

const safeDecode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** API Gateway passes these as text; every other body (or none declared) arrives base64-encoded. */
export const isTextContentType = (contentType: string | undefined): boolean => {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!type) return false;
  return (
    type.startsWith('text/') || /^application\/(json|javascript|xml|yaml|x-yaml|x-www-form-urlencoded|graphql)$/.test(type) || /\+(json|xml|yaml)$/.test(type)
  );
};

/** The JWT authorizer hands every claim over as a string; arrays become `[a b]`. */
export const flattenClaim = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(flattenClaim).join(' ')}]`;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

export const flattenClaims = (claims: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(claims).map(([key, value]) => [key, flattenClaim(value)]));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `21/Nov/2026:10:00:00 +0000`, the format of `requestContext.time`. */
export const gatewayTime = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
};

export interface EventInput {
  method: string;
  /** Path and query as received (`req.url`). */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  route: Pick<Route, 'method' | 'path'>;
  pathParameters: Record<string, string> | undefined;
  sourceIp: string;
  requestId: string;
  now: Date;
  /** Verified claims; absent on public routes, where no authorizer is attached. */
  claims?: Record<string, unknown> | undefined;
}

export function buildEvent(input: EventInput): APIGatewayProxyEventV2WithJWTAuthorizer {
  const queryAt = input.url.indexOf('?');
  const rawPath = queryAt < 0 ? input.url : input.url.slice(0, queryAt);
  const rawQueryString = queryAt < 0 ? '' : (input.url.slice(queryAt + 1).split('#')[0] ?? '');
  const query = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(rawQueryString)) query.set(key, [...(query.get(key) ?? []), value]);

  // Duplicate headers arrive comma-joined; cookies move to their own field.
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers)) {
    if (value === undefined || name === 'cookie') continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const cookies = input.headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .filter(Boolean);

  const text = isTextContentType(headers['content-type']);
  const key = routeKey(input.route);
  const host = headers.host ?? 'localhost';
  const event = {
    version: '2.0',
    routeKey: key,
    rawPath,
    rawQueryString,
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(query.size ? { queryStringParameters: Object.fromEntries([...query].map(([k, v]) => [k, v.join(',')])) } : {}),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      http: {
        method: input.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: input.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey: key,
      stage: '$default',
      time: gatewayTime(input.now),
      timeEpoch: input.now.getTime(),
      ...(input.claims ? { authorizer: { jwt: { claims: flattenClaims(input.claims), scopes: scopesOf(input.claims) } } } : {}),
    },
    ...(input.body.length ? { body: text ? input.body.toString('utf8') : input.body.toString('base64') } : {}),
    isBase64Encoded: input.body.length > 0 && !text,
  };
  // Public routes carry no authorizer, which the JWT-authorizer event type cannot express.
  return event as APIGatewayProxyEventV2WithJWTAuthorizer;
}

const scopesOf = (claims: Record<string, unknown>): string[] | null => (typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : null);

export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

/** How API Gateway reads a payload 2.0 result; a result without `statusCode` is a 200 JSON body. */
export function toHttpAnswer(handlerResult: unknown): HttpAnswer {
  // Lambda hands the result over as JSON: undefined header values vanish, dates become strings.
  const result: unknown = handlerResult === undefined ? null : JSON.parse(JSON.stringify(handlerResult));
  const structured = result !== null && typeof result === 'object' && 'statusCode' in result ? (result as APIGatewayProxyStructuredResultV2) : undefined;
  if (!structured) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(body) };
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {})) {
    if (value !== null) headers[name.toLowerCase()] = String(value);
  }
  const raw = structured.body ?? '';
  return {
    statusCode: structured.statusCode ?? 200,
    headers,
    cookies: structured.cookies ?? [],
    body: structured.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8'),
  };
}

/** An answer the gateway itself gives (the handler is never called). */
export const gatewayProblem = (status: number, slug: string, title: string, detail: string, extra: Record<string, unknown> = {}): HttpAnswer => ({
  statusCode: status,
  headers: { 'content-type': 'application/problem+json' },
  cookies: [],
  body: Buffer.from(JSON.stringify({ type: `https://aftersales.dev/problems/${slug}`, title, status, detail, errors: [], ...extra })),
});
