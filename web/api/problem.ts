// The API's RFC 9457 problem+json, as the app sees it: a typed error every
// screen can show (a field's message beside the field, a 409's allowed
// transitions as the choices).
import type { FieldError } from '#shared/domain/errors';
import type { Problem } from '#shared/http/problem';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get fieldErrors(): readonly FieldError[] {
    return this.problem.errors ?? [];
  }

  /** What a 409 says the resource may move to instead. */
  get allowedTransitions(): readonly string[] {
    const allowed = this.problem.allowedTransitions;
    return Array.isArray(allowed) ? allowed.filter((a): a is string => typeof a === 'string') : [];
  }
}

const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number' && typeof (value as Problem).title === 'string';

/** Any failed response as an ApiError: a problem+json body as sent, anything else (a proxy's HTML) summarised. */
export const errorFromResponse = async (response: Response): Promise<ApiError> => {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isProblem(body)) return new ApiError({ ...body, errors: Array.isArray(body.errors) ? body.errors : [] });
  return new ApiError({ type: 'about:blank', title: response.statusText || 'Request failed', status: response.status, detail: '', errors: [] });
};

/** A network failure (offline, CORS, DNS) as a problem, so screens handle one error type. */
export const networkError = (error: unknown): ApiError =>
  new ApiError({
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    detail: `The server could not be reached${error instanceof Error ? ` (${error.message})` : ''}. Check your connection and try again.`,
    errors: [],
  });
