// Return requests over real HTTP, for end-to-end tests: create one for a
// delivered order, and walk it along as an admin.
import type { Order } from '#shared/domain/order';
import type { CreateReturnBody, ReturnableItem, ReturnRequest } from '#shared/domain/return-request';
import { admin, type Caller, call, createOrder, deliver, type Reply } from './api.ts';
import type { orderBody } from './orders.ts';
import { DAMAGED } from './returns.ts';

export type Problem = { rule?: string; detail?: string; errors: { path: string; message: string }[]; allowedTransitions?: string[] };
export type ReturnReply = Reply<ReturnRequest & Problem>;

/** A new order for `owner`, walked to delivered. */
export const deliveredOrderFor = async (owner: { sub: string; email?: string }, overrides: Parameters<typeof orderBody>[0] = {}): Promise<Order> =>
  deliver(await createOrder(owner, overrides));

/** The body of a return of `quantity` units of the order's first line (or the given lines). */
export const returnOf = (order: Order, overrides: Partial<CreateReturnBody> = {}, quantity = 1): CreateReturnBody => ({
  orderId: order.id,
  items: [{ lineItemId: order.lineItems[0]!.id, quantity, reasonId: DAMAGED.id }],
  refundMethod: 'voucher',
  ...overrides,
});

export const postReturn = (caller: Caller, body: unknown, headers: Record<string, string> = {}) =>
  call<ReturnRequest & Problem>(caller, 'POST', '/returns', body, headers);

/** Creates a return and fails loudly unless it is a 201. */
export const createReturn = async (caller: Caller, body: CreateReturnBody): Promise<ReturnRequest> => {
  const reply = await postReturn(caller, body);
  if (reply.status !== 201) throw new Error(`POST /returns failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
};

export const setStatus = (returnId: string, body: { status: string; rejectionReason?: string }, headers: Record<string, string> = {}) =>
  call<ReturnRequest & Problem>(admin, 'POST', `/admin/returns/${returnId}/status`, body, headers);

export const verifyItem = (returnId: string, lineItemId: string, body: { goodQuantity: number; condition?: string }) =>
  call<ReturnRequest & Problem>(admin, 'POST', `/admin/returns/${returnId}/items/${lineItemId}/verification`, body);

/** Moves a request through `statuses` in order, failing loudly on the first refusal. */
export const walk = async (returnId: string, ...statuses: string[]): Promise<ReturnRequest> => {
  let last: ReturnRequest | undefined;
  for (const status of statuses) {
    const reply = await setStatus(returnId, { status });
    if (reply.status !== 200) throw new Error(`status ${status} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    last = reply.body;
  }
  return last as ReturnRequest;
};

/** Walks a request to approved/partially approved with every item verified with `good` units (all when omitted). */
export const approve = async (request: ReturnRequest, good?: (quantity: number) => number): Promise<ReturnRequest> => {
  await walk(request.id, 'pending_verification');
  for (const item of request.items) {
    const reply = await verifyItem(request.id, item.lineItemId, { goodQuantity: good ? good(item.quantity) : item.quantity });
    if (reply.status !== 200) throw new Error(`verification failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  const next = await call<{ nextStatuses: string[] }>(admin, 'GET', `/admin/returns/${request.id}/next-statuses`);
  return walk(request.id, next.body.nextStatuses[0] as string);
};

/** What the owner may still return of an order (GET /orders/{id}/returnable-items). */
export const returnable = async (owner: Caller, order: Order): Promise<ReturnableItem[]> => {
  const reply = await call<{ items: ReturnableItem[] }>(owner, 'GET', `/orders/${order.id}/returnable-items`);
  if (reply.status !== 200) throw new Error(`returnable-items answered ${reply.status}`);
  return reply.body.items;
};
