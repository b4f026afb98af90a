// The one API client: every call is named by its route id from infra/routes.ts,
// and its params, query, body and answer are the zod types of shared/api (type
// imports only: no zod in the bundle). A renamed field or route fails the build.
// Who is signed in comes through a port the shell connects (main.tsx), so the
// client knows nothing of the session and runs alone in a test.
import type * as z from 'zod/mini';
import { type RouteId, routes } from '#infra/routes';
import type { ApiContract } from '#shared/api/index';
import { currentLocale } from '../i18n/locale.ts';
import { errorFromResponse, networkError } from './problem.ts';

type Spec<K extends RouteId> = ApiContract[K];

type ParamsArg<S> = S extends { params: infer P extends z.ZodMiniType } ? { params: z.input<P> } : { params?: undefined };
type QueryArg<S> = S extends { query: infer Q extends z.ZodMiniType } ? { query?: Partial<z.input<Q>> } : { query?: undefined };
type BodyArg<S> = S extends { body: infer B extends z.ZodMiniType } ? { body: z.input<B> } : { body?: undefined };

export type ApiArgs<K extends RouteId> = ParamsArg<Spec<K>> &
  QueryArg<Spec<K>> &
  BodyArg<Spec<K>> & {
    /** `If-Match`: the version the screen showed, so a concurrent change is a 412, not an overwrite. */
    ifMatch?: number;
    idempotencyKey?: string;
    signal?: AbortSignal;
  };

/** The parsed JSON answer, or a Blob for binary routes (PDFs). */
export type ApiResult<K extends RouteId> = Spec<K> extends { response: infer R extends z.ZodMiniType } ? z.output<R> : Blob;

const byId = new Map<string, (typeof routes)[number]>(routes.map((r) => [r.id, r]));

/** What the client needs from the app around it. */
export interface ApiPort {
  /** From /app/config.json; '' means the app's own origin (local). */
  readonly baseUrl: string;
  /** The bearer token of whoever is signed in, if anyone. */
  readonly token: () => string | undefined;
  /** The API refused the token (expired or revoked): forget it, so the app asks to sign in again. */
  readonly refused: () => void;
}

let port: ApiPort = { baseUrl: '', token: () => undefined, refused: () => undefined };
let apiBase = '';

/** Connected once, when the app starts. */
export const connectApi = (next: ApiPort): void => {
  port = next;
  apiBase = next.baseUrl.replace(/\/+$/, '');
};

const fillPath = (template: string, params: Record<string, unknown> | undefined): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') throw new Error(`api: missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });

const queryString = (query: Record<string, unknown> | undefined): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** The URL of a route, e.g. for a link; most screens call `api` instead. */
export const apiUrl = (id: RouteId, params?: Record<string, unknown>, query?: Record<string, unknown>): string => {
  const route = byId.get(id);
  if (!route) throw new Error(`api: unknown route ${id}`);
  return `${apiBase}${fillPath(route.path, params)}${queryString(query)}`;
};

export async function api<K extends RouteId>(id: K, ...[args]: Record<never, never> extends ApiArgs<K> ? [ApiArgs<K>?] : [ApiArgs<K>]): Promise<ApiResult<K>> {
  const route = byId.get(id);
  if (!route) throw new Error(`api: unknown route ${id}`);
  const a = (args ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown } & Omit<
    ApiArgs<K>,
    'params' | 'query' | 'body'
  >;
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json, application/pdf' };
  const token = port.token();
  if (token) headers.authorization = `Bearer ${token}`;
  // Reasons and the return policy answer in the reader's language.
  headers['accept-language'] = currentLocale();
  if (a.body !== undefined) headers['content-type'] = 'application/json';
  if (a.ifMatch !== undefined) headers['if-match'] = `"${a.ifMatch}"`;
  if (a.idempotencyKey) headers['idempotency-key'] = a.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(apiUrl(id, a.params, a.query), {
      method: route.method,
      headers,
      ...(a.body === undefined ? {} : { body: JSON.stringify(a.body) }),
      ...(a.signal ? { signal: a.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError(error);
  }
  if (!response.ok) {
    if (response.status === 401) port.refused();
    throw await errorFromResponse(response);
  }
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.blob()) as ApiResult<K>;
}

/** A fresh key: one intent (one file to upload, one body to create). */
export const newIdempotencyKey = (): string => crypto.randomUUID();
