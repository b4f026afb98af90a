// Runs the shipped HTTP handlers in this process with the API Gateway v2 event
// the gateway would send (infra/local/api-event.ts buildEvent), as a caller the
// JWT authorizer already verified. In-process, each request is watched: every
// DynamoDB or S3 write that succeeded while it ran is recorded, so "a refused
// request wrote nothing" is checked directly, not inferred.
import { randomUUID } from 'node:crypto';
import { buildEvent, toHttpAnswer } from '#infra/local/api-event';
import { roleClaims, type TokenRole } from '#infra/local/jwt';
import { lambdaContext } from '#infra/local/lambda-context';
import type { HttpFunction, Route } from '#infra/routes';
import { db } from '#shared/adapters/dynamo';
import { s3 } from '#shared/adapters/s3';

type Handler = (event: ReturnType<typeof buildEvent>, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;

const handlers = new Map<HttpFunction, Promise<Handler>>();
const handlerOf = (fn: HttpFunction): Promise<Handler> => {
  let loaded = handlers.get(fn);
  if (!loaded) {
    loaded = import(`#functions/http/${fn}`).then((m: { handler: Handler }) => m.handler);
    handlers.set(fn, loaded);
  }
  return loaded;
};

const WRITE = /^(Put|Update|Delete|TransactWrite|BatchWrite|Copy|PutObject|DeleteObject|CreateMultipart|CompleteMultipart)/;
// The one write a refusal must make: a gift card redemption's try counter (a
// wrong code has to count, or 10 tries a minute would limit nothing).
const TRY_COUNTER = /^REDEEMTRIES#/;
const isTryCounter = (args: unknown): boolean => {
  const key = (args as { input?: { Key?: { PK?: unknown } } }).input?.Key?.PK;
  const pk = typeof key === 'object' && key !== null && 'S' in key ? (key as { S: unknown }).S : key;
  return typeof pk === 'string' && TRY_COUNTER.test(pk);
};
let writes: string[] = [];

/** Records each write command that succeeded, once per client (idempotent across test files' imports). */
const installWriteSpy = () => {
  for (const client of [db, s3] as { middlewareStack: { identify(): string[]; add(...args: unknown[]): void } }[]) {
    if (client.middlewareStack.identify().some((m) => m.startsWith('fuzzWriteSpy'))) continue;
    client.middlewareStack.add(
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        const result = await next(args);
        if (WRITE.test(context.commandName ?? '') && !isTryCounter(args)) writes.push(context.commandName ?? '?');
        return result;
      },
      { step: 'initialize', name: 'fuzzWriteSpy' },
    );
  }
};
installWriteSpy();

export type Caller = { readonly role: TokenRole; readonly sub: string } | { readonly role: 'public' };

export interface FuzzRequest {
  readonly route: Route;
  readonly caller: Caller;
  readonly pathParameters?: Record<string, string>;
  /** Raw query string, without `?`. */
  readonly query?: string;
  readonly body?: string | undefined;
  readonly headers?: Record<string, string>;
}

export interface FuzzReply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
  /** Write commands that succeeded while the request ran. */
  readonly writes: readonly string[];
}

/** Sends one request through the real handler, as API Gateway would hand it over. */
export const invoke = async (request: FuzzRequest): Promise<FuzzReply> => {
  const { route, caller } = request;
  const query = request.query ? `?${request.query}` : '';
  const event = buildEvent({
    method: route.method,
    url: `${route.path}${query}`,
    headers: { host: 'fuzz.local', ...request.headers },
    body: Buffer.from(request.body ?? '', 'utf8'),
    route,
    pathParameters: request.pathParameters,
    sourceIp: '127.0.0.1',
    requestId: randomUUID(),
    now: new Date(),
    claims: caller.role === 'public' ? undefined : roleClaims(caller.role, caller.sub),
  });
  writes = [];
  const handler = await handlerOf(route.fn);
  const answer = toHttpAnswer(await handler(event, lambdaContext(`aftersales-${route.fn}`, 29_000)));
  const done = writes;
  writes = [];
  return { status: answer.statusCode, headers: answer.headers, text: answer.body.toString('utf8'), writes: done };
};

/** What is wrong with an answer to a hostile request: a 5xx, a 4xx that is not problem+json, a write behind a refusal. */
export const violations = (reply: FuzzReply): string[] => {
  const found: string[] = [];
  if (reply.status >= 500) found.push(`answered ${reply.status}: ${reply.text.slice(0, 300)}`);
  if (reply.status >= 400) {
    if (!reply.headers['content-type']?.startsWith('application/problem+json'))
      found.push(`${reply.status} with content-type ${reply.headers['content-type']}`);
    try {
      const problem = JSON.parse(reply.text) as { status?: unknown; title?: unknown; type?: unknown; errors?: unknown };
      if (problem.status !== reply.status || typeof problem.title !== 'string' || typeof problem.type !== 'string' || !Array.isArray(problem.errors)) {
        found.push(`malformed problem: ${reply.text.slice(0, 200)}`);
      }
    } catch {
      found.push(`${reply.status} body is not JSON: ${reply.text.slice(0, 200)}`);
    }
    if (reply.writes.length > 0) found.push(`refused with ${reply.status} but wrote: ${reply.writes.join(', ')}`);
  }
  return found;
};
