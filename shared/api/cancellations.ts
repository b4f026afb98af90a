// Routes of the cancellations area: a customer cancels, an admin lists,
// approves, rejects, or cancels an order directly.
import * as z from 'zod/mini';
import { AdminCancelBody, Cancellation, CancellationStatus, CreateCancellationBody, RejectCancellationBody } from '#shared/domain/cancellation';
import { lazy } from '#shared/domain/pure';
import { DateFilter, Id, Page, PageQuery } from '#shared/domain/schema-kit';
import type { SpecsOf } from '#shared/http/route-spec';
import { OrderParams } from './order-params.ts';

export const CancellationParams = /* @__PURE__ */ lazy(() => z.object({ id: Id('can') }));
const MyCancellationParams = /* @__PURE__ */ lazy(() => z.object({ cancellationId: Id('can') }));

export const cancellationsApi = /* @__PURE__ */ lazy(
  () =>
    ({
      'cancellations.create': {
        summary: 'Cancel my order (at once when unpaid) or request its cancellation (paid)',
        params: OrderParams,
        body: CreateCancellationBody,
        response: Cancellation,
        status: 201,
        idempotent: true,
      },
      'cancellations.adminList': {
        summary: 'Cancellations, newest first, by status and date',
        query: z.extend(PageQuery, { status: z.optional(CancellationStatus), dateStart: z.optional(DateFilter), dateEnd: z.optional(DateFilter) }),
        response: Page(Cancellation),
      },
      'cancellations.approve': {
        summary: 'Approve a request: order cancelled, stock restored, everything still refundable refunded',
        params: CancellationParams,
        response: Cancellation,
        ifMatch: true,
      },
      'cancellations.reject': {
        summary: 'Reject a request with a reason',
        params: CancellationParams,
        body: RejectCancellationBody,
        response: Cancellation,
        ifMatch: true,
      },
      'cancellations.adminCancel': {
        summary: 'Cancel an order directly (refunded when paid); answers the approved cancellation',
        params: OrderParams,
        body: AdminCancelBody,
        response: Cancellation,
        idempotent: true,
        // The order is the resource it changes: `If-Match` names the order's version.
        ifMatch: true,
      },
      'cancellations.list': { summary: 'My cancellations, newest first', query: PageQuery, response: Page(Cancellation) },
      'cancellations.get': { summary: 'One of my cancellations', params: MyCancellationParams, response: Cancellation, fields: true },
      'cancellations.adminGet': { summary: 'Any cancellation', params: CancellationParams, response: Cancellation, fields: true },
      'cancellations.orderList': {
        summary: 'Every cancellation filed against an order, newest first',
        params: OrderParams,
        query: PageQuery,
        response: Page(Cancellation),
      },
    }) as const satisfies SpecsOf<'cancellations'>,
);
