// The HTTP Lambda engine: one per resource area. It finds the route from the
// API Gateway routeKey, checks the role, validates params/query/body against the
// route's spec, runs the action, and shapes the answer (problem+json on error).
// It knows no data store: what a store adds (replaying an Idempotency-Key,
// answering 503 when the store refuses) comes in as a RequestStore, so a
// function without a table (meta) loads no database client.
import { createHash } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { IdempotencyKey, StoredResponse } from '#shared/adapters/idempotency';
import { logger } from '#shared/adapters/logger';
import { forCustomer } from '#shared/domain/customer-view';
import { DomainError, ValidationError } from '#shared/domain/errors';
import { selectFields } from '#shared/domain/fields';
import { parseJsonBody, parseWith, readRawBody } from './parse.ts';
import { actorOf, hasRole, type Principal, principalFromClaims } from './principal.ts';
import { internalProblem, problemOf } from './problem.ts';
// The route's shape alone: the area's own table comes from its handler, so no other area's routes are bundled.
import { type Route, routeKey } from './route.ts';
import type { RouteSpec } from './route-spec.ts';

type Infer<T> = T extends z.ZodMiniType ? z.infer<T> : undefined;

export interface ActionInput<S> {
  readonly params: S extends { params: infer P } ? Infer<P> : Record<string, never>;
  readonly query: S extends { query: infer Q } ? Infer<Q> : Record<string, never>;
  readonly body: S extends { body: infer B } ? Infer<B> : undefined;
  readonly principal: Principal;
  /** `admin:<sub>`, for timelines and histories. */
  readonly actor: string;
  /** Request time, ISO 8601; domain code never reads the clock itself. */
  readonly now: string;
  readonly requestId: string;
  /** The version `If-Match` demands, when the route honours it. */
  readonly ifMatch: number | undefined;
  readonly idempotency: IdempotencyKey | undefined;
  /** Only for a `rawBody` route: the body exactly as sent, and the (lower-case) headers. */
  readonly raw: { readonly body: string; readonly headers: Readonly<Record<string, string | undefined>> } | undefined;
  /** Only for a `localized` route: the `Accept-Language` header as sent. */
  readonly acceptLanguage: string | undefined;
}

/** A binary answer (PDF documents). */
export interface BinaryReply {
  readonly binary: Uint8Array;
  readonly contentType: string;
  readonly fileName: string;
}

/** The specs of one area's routes (shared/api/<area>.ts), one per route of its table `R`: each Lambda loads only its own. */
export type AreaSpecs<R extends Route> = { readonly [Id in R['id']]: RouteSpec };
export type Actions<R extends Route, S extends AreaSpecs<R>> = {
  readonly [Id in R['id']]: (input: ActionInput<S[Id & keyof S]>) => Promise<unknown>;
};

/** What a data store adds to the engine; the engine itself reaches no store. */
export interface RequestStore {
  /** After a failed action under an Idempotency-Key: the first attempt's answer to replay, if any (it may also throw the error to answer). */
  readonly replay: (error: unknown, key: IdempotencyKey) => Promise<StoredResponse | undefined>;
  /** The store's own failures (throttled, unreachable) as the problem to answer, or undefined for a bug. */
  readonly serviceError: (error: unknown) => DomainError | undefined;
}

const NO_STORE: RequestStore = { replay: async () => undefined, serviceError: () => undefined };

const json = (status: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode: status,
  headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** Key order never matters; a request without a body reads as `null` (JSON.stringify would give no string at all). */
const stableStringify = (value: unknown): string =>
  JSON.stringify(value ?? null, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

const IF_MATCH = /^(?:W\/)?"?(\d{1,12})"?$/;

const readIfMatch = (header: string | undefined): number | undefined => {
  // `*` (RFC 9110) matches whatever version exists: no version is demanded.
  if (header === undefined || header.trim() === '*') return undefined;
  const match = IF_MATCH.exec(header.trim());
  if (!match) throw new ValidationError([{ path: 'If-Match', message: 'must be an ETag this API issued, like "3"' }]);
  return Number(match[1]);
};

const hash = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** A key answers only for its route, its path (this order, this return) and its caller; and only for the same body. */
const readIdempotency = (
  header: string | undefined,
  principal: Principal,
  route: { readonly id: string; readonly status: number },
  params: unknown,
  body: unknown,
): IdempotencyKey | undefined => {
  if (header === undefined) return undefined;
  if (header.length < 1 || header.length > 255) {
    throw new ValidationError([{ path: 'Idempotency-Key', message: 'must be 1 to 255 characters' }]);
  }
  return {
    scope: hash(`${route.id}\n${stableStringify(params)}\n${actorOf(principal)}`),
    key: header,
    fingerprint: hash(stableStringify(body)),
    status: route.status,
  };
};

/** The top-level fields a response schema declares, which `?fields=` may name. */
const declaredFields = (schema: z.ZodMiniType | undefined): string[] => {
  const def = schema?._zod.def as { type?: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
};

/** A resource's ETag is its version, whichever of its fields the answer shows. */
const etagOf = (resource: unknown): Record<string, string> => {
  const version = (resource as { version?: unknown } | null)?.version;
  return typeof version === 'number' ? { etag: `"${version}"` } : {};
};

const isBinary = (result: unknown): result is BinaryReply => Boolean(result && typeof result === 'object' && 'binary' in result);

/** Customers read who acted as customer, shop or carrier, never an id: on every route, fresh answers and replays alike. */
const viewFor = (principal: Principal, result: unknown): unknown => (principal.role === 'customer' && !isBinary(result) ? forCustomer(result) : result);

const respond = (status: number, result: unknown, extraHeaders: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => {
  if (status === 204) return { statusCode: 204, headers: extraHeaders };
  if (isBinary(result)) {
    const reply = result;
    return {
      statusCode: status,
      isBase64Encoded: true,
      headers: { 'content-type': reply.contentType, 'content-disposition': `inline; filename="${reply.fileName}"` },
      body: Buffer.from(reply.binary).toString('base64'),
    };
  }
  return json(status, result, { ...etagOf(result), ...extraHeaders });
};

const dispatch = <R extends Route, S extends AreaSpecs<R>>(areaRoutes: readonly R[], specs: S, actions: Actions<R, S>, store: RequestStore) => {
  const routeByKey = new Map(areaRoutes.map((r) => [routeKey(r), r]));
  return async function run(event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    logger.setCorrelationId(requestId);
    logger.appendKeys({ routeKey: event.routeKey });
    try {
      const route = routeByKey.get(event.routeKey);
      // Another area's route is not this Lambda's: API Gateway never sends one, and it is not in the table.
      if (!route) throw new DomainError('not_found', `No route ${event.routeKey}.`);
      const principal = principalFromClaims(event.requestContext?.authorizer?.jwt?.claims, event.requestContext?.authorizer?.jwt?.scopes);
      if (!hasRole(principal, route.roles)) {
        throw principal.role === 'public'
          ? new DomainError('unauthorized', 'A valid bearer token is required.')
          : new DomainError('forbidden', `This route is for ${route.roles.join(' or ')} callers.`);
      }
      const spec = specs[route.id as R['id'] & keyof S] as RouteSpec;
      const { fields, ...rawQuery } = event.queryStringParameters ?? {};
      const params = 'params' in spec && spec.params ? parseWith(spec.params, event.pathParameters ?? {}, 'path', 'not_found') : {};
      const query = 'query' in spec && spec.query ? parseWith(spec.query, rawQuery, 'query') : {};
      const rawBody = 'body' in spec && spec.body ? parseJsonBody(event.body, event.isBase64Encoded) : undefined;
      const body = 'body' in spec && spec.body ? parseWith(spec.body, rawBody, 'body') : undefined;
      const headers = event.headers ?? {};
      const status = 'status' in spec && spec.status ? spec.status : 200;
      const input = {
        params,
        query,
        body,
        principal,
        actor: actorOf(principal),
        now: new Date().toISOString(),
        requestId,
        ifMatch: 'ifMatch' in spec && spec.ifMatch ? readIfMatch(headers['if-match']) : undefined,
        idempotency:
          'idempotent' in spec && spec.idempotent
            ? readIdempotency(headers['idempotency-key'], principal, { id: route.id, status }, params, rawBody)
            : undefined,
        raw: 'rawBody' in spec && spec.rawBody ? { body: readRawBody(event.body, event.isBase64Encoded), headers } : undefined,
        acceptLanguage: spec.localized ? headers['accept-language'] : undefined,
      };
      try {
        const action = actions[route.id as R['id']] as (input: unknown) => Promise<unknown>;
        const result = await action(input);
        const cache: Record<string, string> = {
          ...('cacheControl' in spec && spec.cacheControl ? { 'cache-control': spec.cacheControl } : {}),
          // A cache (the browser's, a CDN's) must keep one answer per language.
          ...(spec.localized ? { vary: 'accept-language' } : {}),
        };
        const view = viewFor(principal, result);
        const shown = 'fields' in spec && spec.fields ? selectFields(view, fields, declaredFields(spec.response)) : view;
        return respond(status, shown, { ...etagOf(view), ...cache });
      } catch (error) {
        const first = input.idempotency ? await store.replay(error, input.idempotency) : undefined;
        if (first) return respond(first.status, viewFor(principal, first.body));
        throw error;
      }
    } catch (error) {
      const domain = error instanceof DomainError ? error : store.serviceError(error);
      if (domain) {
        if (domain.code === 'unavailable') logger.warn('dependency unavailable', { error });
        const retryAfter = domain.details.retryAfter;
        return json(
          domain.code === 'unavailable' ? 503 : problemOf(domain, requestId).status,
          problemOf(domain, requestId),
          typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {},
        );
      }
      logger.error('unhandled error', { error });
      return json(500, internalProblem(requestId));
    }
  };
};

/** Builds the Lambda handler of one resource area from its route table and actions; without a store for an area that has none. */
export const httpEngine = <R extends Route, S extends AreaSpecs<R>>(
  areaRoutes: readonly R[],
  specs: S,
  actions: Actions<R, S>,
  store: RequestStore = NO_STORE,
) =>
  middy<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2>()
    // Keys set for one request (correlation id, route) never leak into the next.
    // Never the event itself, whatever POWERTOOLS_LOGGER_LOG_EVENT says: it holds
    // bearer tokens and bodies with IBANs and account numbers.
    .use(injectLambdaContext(logger, { resetKeys: true, logEvent: false }))
    .use(httpSecurityHeaders())
    .use(
      httpCors({
        origins: (process.env.CORS_ORIGINS ?? '*').split(','),
        headers: 'authorization,content-type,idempotency-key,if-match',
        exposeHeaders: 'etag,retry-after',
      }),
    )
    .handler(dispatch(areaRoutes, specs, actions, store));
