// The shop's public return policy (GET /return-policy): which order statuses a
// customer may cancel in, refund methods, terms, upload limits. Fetched once
// per page load; the API lets caches keep it for minutes anyway.
import type { ReturnPolicy } from '#shared/domain/return-policy';
import { api } from '../api/client.ts';

let policy: Promise<ReturnPolicy> | undefined;

export const loadPolicy = (): Promise<ReturnPolicy> => {
  policy ??= api('settings.returnPolicy').catch((error: unknown) => {
    policy = undefined;
    throw error;
  });
  return policy;
};

export const customerMayCancel = (p: ReturnPolicy, status: string): boolean =>
  (p.cancellation.customerCancellableStatuses as readonly string[]).includes(status);
