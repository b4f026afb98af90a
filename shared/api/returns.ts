// Routes of the returns area (seed 002, API.md "Return request" and "Comment").
import * as z from 'zod/mini';
import { lazy } from '#shared/domain/pure';
import {
  AdminCommentBody,
  AdminReturnRequest,
  CreateReturnBody,
  CustomerCommentBody,
  NextStatuses,
  ReturnableItem,
  ReturnComment,
  ReturnRecord,
  ReturnRequest,
  ReturnStatusBody,
  VerificationBody,
  VerifyPackageBody,
} from '#shared/domain/return-request';
import { ReturnStatus } from '#shared/domain/return-status';
import { DateFilter, Id, Page, PageQuery } from '#shared/domain/schema-kit';
import type { SpecsOf } from '#shared/http/route-spec';

export const ReturnParams = /* @__PURE__ */ lazy(() => z.object({ returnId: Id('ret') }));
const OrderParams = /* @__PURE__ */ lazy(() => z.object({ orderId: Id('ord') }));
const ItemParams = /* @__PURE__ */ lazy(() => z.extend(ReturnParams, { lineItemId: Id('li') }));

export const returnsApi = /* @__PURE__ */ lazy(
  () =>
    ({
      'returns.returnableItems': {
        summary: 'Per line of my order: units still returnable, deadline, exclusions',
        params: OrderParams,
        response: z
          .object({ orderId: z.string(), items: z.array(ReturnableItem) })
          .clone()
          .register(z.globalRegistry, { id: 'ReturnableItems' }),
        fields: true,
      },
      'returns.create': { summary: 'Request a return (status new)', body: CreateReturnBody, response: ReturnRequest, status: 201, idempotent: true },
      'returns.list': { summary: 'My return requests, newest first', query: PageQuery, response: Page(ReturnRecord) },
      'returns.get': { summary: 'One of my return requests, with the comments I may see', params: ReturnParams, response: ReturnRequest, fields: true },
      'returns.cancel': { summary: 'Withdraw my request while it is new', params: ReturnParams, response: ReturnRequest, ifMatch: true },
      'returns.comment': {
        summary: 'Comment on my request (always visible to me)',
        params: ReturnParams,
        body: CustomerCommentBody,
        response: ReturnComment,
        status: 201,
        idempotent: true,
      },
      'returns.adminList': {
        summary: 'Return requests, filtered by status and date (seed 002)',
        query: z.extend(PageQuery, { status: z.optional(ReturnStatus), dateStart: z.optional(DateFilter), dateEnd: z.optional(DateFilter) }),
        response: Page(ReturnRecord),
      },
      'returns.adminGet': {
        summary: 'Any return request, with every comment and the attachments',
        params: ReturnParams,
        response: AdminReturnRequest,
        fields: true,
      },
      'returns.nextStatuses': {
        summary: "Seed 002's check-status: next statuses and the items still to verify",
        params: ReturnParams,
        response: NextStatuses,
        fields: true,
      },
      'returns.adminStatus': {
        summary: 'Move a request along its status table (refunded creates the Refund)',
        params: ReturnParams,
        body: ReturnStatusBody,
        response: ReturnRequest,
        ifMatch: true,
      },
      'returns.verifyItem': {
        summary: 'Record the good units of one item',
        params: ItemParams,
        body: VerificationBody,
        response: ReturnRequest,
        ifMatch: true,
      },
      'returns.verifyPackage': {
        summary: 'Set the restocking fee and refunded shipping; answers refundAmount and its breakdown',
        params: ReturnParams,
        body: VerifyPackageBody,
        response: ReturnRequest,
        ifMatch: true,
      },
      'returns.adminComment': {
        summary: 'Comment on a request, visible to the customer or not',
        params: ReturnParams,
        body: AdminCommentBody,
        response: ReturnComment,
        status: 201,
        idempotent: true,
      },
      'returns.orderList': {
        summary: 'Every return request filed against an order, newest first',
        params: OrderParams,
        query: PageQuery,
        response: Page(ReturnRecord),
      },
    }) as const satisfies SpecsOf<'returns'>,
);
