// The back office's first screen: how many items wait in each queue. Pure: the
// queues are named here, counted by an adapter.
import * as z from 'zod/mini';
import type { CancellationStatus } from './cancellation.ts';
import { lazy } from './pure.ts';
import type { TransactionStatus } from './refund.ts';
import type { ReturnStatus } from './return-status.ts';

const Count = /* @__PURE__ */ lazy(() => z.number().check(z.int(), z.minimum(0)));

export const AdminSummary = /* @__PURE__ */ lazy(() =>
  z
    .object({
      returns: z.object({ new: Count, picked_up: Count, pending_verification: Count, approved: Count, partially_approved: Count }),
      cancellations: z.object({ requested: Count }),
      refundTransactions: z.object({
        pending: Count,
        failed: Count.clone().register(z.globalRegistry, {
          description: 'Failed transactions not yet followed by a new attempt: the refunds that still owe money and need an admin.',
        }),
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'AdminSummary' }),
);
export type AdminSummary = z.infer<typeof AdminSummary>;

/** The open return statuses an admin acts on (the finals are not queues). */
export const RETURN_QUEUES = ['new', 'picked_up', 'pending_verification', 'approved', 'partially_approved'] as const satisfies readonly ReturnStatus[];
export const CANCELLATION_QUEUES = ['requested'] as const satisfies readonly CancellationStatus[];
/** Summary name → the transaction status counted under it. */
export const TRANSACTION_QUEUES = { pending: 'pending', failed: 'failure' } as const satisfies Record<
  keyof AdminSummary['refundTransactions'],
  TransactionStatus
>;
