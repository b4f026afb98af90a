// Routes of the refunds area: an order's refund ledger, calculate, create, and
// the settlement of a refund's transactions.
import * as z from 'zod/mini';
import { lazy } from '#shared/domain/pure';
import { Refund, RefundBody, RefundGateway, TransactionBody, TransactionStatus } from '#shared/domain/refund';
import { NewAttemptBody } from '#shared/domain/refund-ledger';
import { RefundTransactionRow } from '#shared/domain/refund-queue';
import { DateFilter, Id, Page, PageQuery } from '#shared/domain/schema-kit';
import type { SpecsOf } from '#shared/http/route-spec';
import { OrderParams } from './order-params.ts';

export const RefundParams = /* @__PURE__ */ lazy(() => z.extend(OrderParams, { refundId: Id('rfd') }));
export const TransactionParams = /* @__PURE__ */ lazy(() => z.object({ refundId: Id('rfd'), txnId: Id('txn') }));
export const RefundIdParams = /* @__PURE__ */ lazy(() => z.object({ refundId: Id('rfd') }));

export const refundsApi = /* @__PURE__ */ lazy(
  () =>
    ({
      'refunds.list': { summary: 'The refunds of an order, oldest first', params: OrderParams, query: PageQuery, response: Page(Refund) },
      'refunds.get': { summary: 'One refund of an order', params: RefundParams, response: Refund, fields: true },
      'refunds.calculate': { summary: 'The refund that this body would create; writes nothing', params: OrderParams, body: RefundBody, response: Refund },
      'refunds.create': {
        summary: 'Refund line items (at their paid value), shipping and/or a goodwill amount',
        params: OrderParams,
        body: RefundBody,
        response: Refund,
        status: 201,
        idempotent: true,
      },
      'refunds.settleTransaction': {
        summary: 'Settle a pending refund transaction (success, or failure which leaves its amount owed)',
        params: TransactionParams,
        body: TransactionBody,
        response: Refund,
      },
      'refunds.transactions': {
        summary: 'The payout queue across orders, newest first: refund transactions by status, gateway and date, each with its refund and order ids',
        query: z.extend(PageQuery, {
          status: z
            .optional(TransactionStatus)
            .clone()
            .register(z.globalRegistry, { description: '`failure` lists the failures not yet followed by a new attempt.' }),
          gateway: z.optional(RefundGateway),
          dateStart: z.optional(DateFilter),
          dateEnd: z.optional(DateFilter),
        }),
        response: Page(RefundTransactionRow),
      },
      'refunds.retryTransaction': {
        summary: 'A new attempt to pay what the refund still owes (409 while one is pending or nothing is owed); answers the refund',
        params: RefundIdParams,
        body: NewAttemptBody,
        response: Refund,
        status: 201,
        idempotent: true,
      },
    }) as const satisfies SpecsOf<'refunds'>,
);
