// What each route takes and answers: the single source for request validation
// (shared/http/handler.ts) and for the OpenAPI document (shared/api/openapi.ts).
import type * as z from 'zod/mini';
import type { HttpFunction } from './route.ts';

export interface RouteSpec {
  readonly summary: string;
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  readonly body?: z.ZodMiniType;
  /** JSON response schema; absent for binary (PDF) responses. */
  readonly response?: z.ZodMiniType;
  readonly binary?: 'application/pdf';
  /** Success status: 201 for creations, 204 for deletions (no body), 200 otherwise. */
  readonly status?: 200 | 201 | 204;
  /** Accepts `Idempotency-Key`. */
  readonly idempotent?: boolean;
  /** Honours `If-Match: "<version>"`. */
  readonly ifMatch?: boolean;
  /** Honours `?fields=a,b` (single-resource GETs). */
  readonly fields?: boolean;
  /** `Cache-Control` of a success, for public answers that browsers and CDNs may keep. */
  readonly cacheControl?: string;
  /** Answers in the reader's language: the action gets `Accept-Language`; the answer says `Vary: Accept-Language`. */
  readonly localized?: boolean;
  /** Hands the action the body unparsed, with the headers (signed webhooks verify the exact bytes). */
  readonly rawBody?: boolean;
}

/**
 * An area's specs (shared/api/<area>.ts), keyed by its route ids (`returns.create`).
 * The area's handler is what checks them complete: httpHandler wants one per route of its table.
 */
export type SpecsOf<F extends HttpFunction> = Readonly<Record<`${F}.${string}`, RouteSpec>>;
