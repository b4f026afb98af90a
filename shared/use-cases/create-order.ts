// POST /orders: the storefront's order, written with its number pointer, its
// tracked stock, its idempotent answer and (when paid partly with store
// credit) each debit marked as paying it, in one transaction.
import type { IdempotencyKey } from '#shared/adapters/idempotency';
import { newId, orderNumberOf } from '#shared/adapters/ids';
import { insertOrder } from '#shared/adapters/orders-repo';
import { debitPaysOrderItem, getDebit } from '#shared/adapters/store-credit-repo';
import { buildOrder, type CreateOrderBody, type Order } from '#shared/domain/order';
import { checkCreditPayment, creditPaymentError } from '#shared/domain/order-payments';

export interface CreateOrder {
  readonly body: CreateOrderBody;
  readonly actor: string;
  readonly now: string;
  readonly idempotency: IdempotencyKey | undefined;
}

export const createOrder = async ({ body, actor, now, idempotency }: CreateOrder): Promise<Order> => {
  const id = newId('ord');
  const order = buildOrder(body, { id, number: orderNumberOf(id), lineIds: body.lineItems.map(() => newId('li')), now, by: actor });
  const owner = { customerId: order.customer.customerId, currency: order.currency };
  const credits = (order.payments ?? []).flatMap((payment, index) => (payment.method === 'store_credit' ? [{ payment, index }] : []));
  const debits = await Promise.all(credits.map(({ payment }) => getDebit(payment.reference as string)));
  const marks = credits.map(({ payment, index }, i) => {
    const found = debits[i];
    // A debit another order already used is as unusable as a missing one: the same 422.
    checkCreditPayment(payment, index, found?.paidOrderId ? undefined : found?.debit, owner);
    // Lost race (another order, or a revert, took the debit since it was read): the same 422.
    return debitPaysOrderItem(payment.reference as string, order.id, () => creditPaymentError(payment, index, order.currency));
  });
  await insertOrder(order, idempotency, marks);
  return order;
};
