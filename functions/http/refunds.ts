// Refunds area (admin): an order's refunds, calculate, create, settle a
// transaction, retry one; the payout queue across orders.
import { refundsRoutes } from '#infra/routes/refunds';
import { getOrderOrThrow } from '#shared/adapters/orders-repo';
import { getRefund, listRefunds, listRefundTransactions } from '#shared/adapters/refunds-repo';
import { refundsApi } from '#shared/api/refunds';
import { httpHandler } from '#shared/http/handler';
import { calculateRefund, createRefund } from '#shared/use-cases/create-refund';
import { openRefundAttempt } from '#shared/use-cases/open-refund-attempt';
import { settleRefundTransaction } from '#shared/use-cases/settle-refund-transaction';

const manual = { type: 'manual', id: null } as const;

export const handler = httpHandler(refundsRoutes, refundsApi, {
  // The order's existence (404) and the page are read in parallel.
  'refunds.list': async ({ params, query }) => (await Promise.all([getOrderOrThrow(params.orderId), listRefunds(params.orderId, query)]))[1],
  'refunds.get': ({ params }) => getRefund(params.orderId, params.refundId),
  'refunds.calculate': ({ params, body, actor, now }) => calculateRefund({ ...body, orderId: params.orderId, source: manual }, { actor, now }),
  'refunds.create': async ({ params, body, actor, now, idempotency }) =>
    (await createRefund({ ...body, orderId: params.orderId, source: manual }, { actor, now, idempotency })).refund,
  'refunds.settleTransaction': ({ params, body, now }) => settleRefundTransaction({ refundId: params.refundId, transactionId: params.txnId, body, now }),
  'refunds.transactions': ({ query: { limit, cursor, ...filter } }) => listRefundTransactions(filter, { limit, cursor }),
  'refunds.retryTransaction': ({ params, body, now, idempotency }) => openRefundAttempt({ refundId: params.refundId, body, now, idempotency }),
});
