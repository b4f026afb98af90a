// The one mapping from domain error codes to HTTP, and the problem+json shape.
import type { DomainError, ErrorCode, FieldError } from '#shared/domain/errors';

export const STATUS_OF = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  business_rule: 422,
  throttled: 429,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

const TITLE_OF = {
  validation: 'Invalid request',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  precondition_failed: 'Precondition failed',
  payload_too_large: 'Payload too large',
  business_rule: 'Request refused by a business rule',
  throttled: 'Too many requests',
  unavailable: 'Service unavailable',
} as const satisfies Record<ErrorCode, string>;

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export const problemOf = (error: DomainError, requestId: string): Problem => {
  const { errors = [], ...extensions } = error.details;
  return {
    type: `https://aftersales.dev/problems/${error.code.replaceAll('_', '-')}`,
    title: TITLE_OF[error.code],
    status: STATUS_OF[error.code],
    detail: error.message,
    errors,
    ...extensions,
    requestId,
  };
};

/** A 5xx says nothing internal; the request id lets an operator find the log line. */
export const internalProblem = (requestId: string): Problem => ({
  type: 'https://aftersales.dev/problems/internal',
  title: 'Internal error',
  status: 500,
  detail: `Something went wrong on our side. Quote request id ${requestId}.`,
  errors: [],
  requestId,
});
