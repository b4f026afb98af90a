// DynamoDB refusing (throttled) or unreachable, as the domain's 503: what the
// HTTP handler answers for any table call that could not be made.
import { DomainError } from '#shared/domain/errors';

const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'LimitExceededException']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'TimeoutError']);

/** DynamoDB refusing or unreachable is a 503 to the client, never a 500. */
export const asServiceError = (error: unknown): DomainError | undefined => {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: string }).code ?? error.name;
  if (THROTTLING.has(error.name) || THROTTLING.has(code)) {
    return new DomainError('unavailable', 'The data store is busy; retry shortly.', { retryAfter: 1 }, { cause: error });
  }
  if (UNREACHABLE.has(code) || UNREACHABLE.has(error.name) || error.name === 'InternalServerError') {
    return new DomainError('unavailable', 'The data store is unreachable; retry shortly.', { retryAfter: 2 }, { cause: error });
  }
  return undefined;
};
