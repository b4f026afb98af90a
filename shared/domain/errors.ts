// One error base with a stable code; shared/http/problem.ts maps codes to HTTP.

export const ERROR_CODES = [
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'precondition_failed',
  'payload_too_large',
  'business_rule',
  'throttled',
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: {
      readonly errors?: readonly FieldError[];
      readonly allowedTransitions?: readonly string[];
      readonly rule?: string;
      readonly [key: string]: unknown;
    } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DomainError';
  }
}

export class ValidationError extends DomainError {
  constructor(errors: readonly FieldError[], message = 'The request is invalid.') {
    super('validation', message, { errors });
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not_found', `${what} was not found.`);
    this.name = 'NotFoundError';
  }
}

/** An illegal state transition, or a write that lost a race. */
export class ConflictError extends DomainError {
  constructor(message: string, details: DomainError['details'] = {}) {
    super('conflict', message, details);
    this.name = 'ConflictError';
  }
}

/** A business rule refused the request (window expired, over-refund…); `rule` names it. */
export class BusinessRuleError extends DomainError {
  constructor(rule: string, message: string, details: DomainError['details'] = {}) {
    super('business_rule', message, { ...details, rule });
    this.name = 'BusinessRuleError';
  }
}

/** Too many requests of one kind (a rate limit); `retryAfter` is the seconds until one is taken again (the Retry-After header). */
export class ThrottledError extends DomainError {
  constructor(message: string, retryAfter: number) {
    super('throttled', message, { retryAfter });
    this.name = 'ThrottledError';
  }
}
