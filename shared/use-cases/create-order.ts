// POST /orders: the storefront's order, written with its number pointer, its
// tracked stock and its idempotent answer in one transaction.
import type { IdempotencyKey } from '#shared/adapters/idempotency';
import { newId, orderNumberOf } from '#shared/adapters/ids';
import { insertOrder } from '#shared/adapters/orders-repo';
import { buildOrder, type CreateOrderBody, type Order } from '#shared/domain/order';

export interface CreateOrder {
  readonly body: CreateOrderBody;
  readonly actor: string;
  readonly now: string;
  readonly idempotency: IdempotencyKey | undefined;
}

export const createOrder = async ({ body, actor, now, idempotency }: CreateOrder): Promise<Order> => {
  const id = newId('ord');
  const order = buildOrder(body, { id, number: orderNumberOf(id), lineIds: body.lineItems.map(() => newId('li')), now, by: actor });
  await insertOrder(order, idempotency);
  return order;
};
