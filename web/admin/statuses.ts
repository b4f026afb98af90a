// Status lists the back office filters by. The domain's lists sit beside zod
// schemas the bundle must not carry, so they are enumerated here from the
// domain's types: the compiler fails the build if a status is added or renamed.
import type { CancellationStatus } from '#shared/domain/cancellation';
import type { EventType } from '#shared/domain/events/catalogue';
import type { ExchangeStatus } from '#shared/domain/exchange-status';
import type { RefundGateway, TransactionStatus } from '#shared/domain/refund';
import type { ReturnStatus } from '#shared/domain/return-status';

const every = <T extends string>(all: Record<T, true>): readonly T[] => Object.keys(all) as T[];

export const RETURN_STATUS_LIST = every<ReturnStatus>({
  new: true,
  picked_up: true,
  pending_verification: true,
  approved: true,
  partially_approved: true,
  denied: true,
  refunded: true,
  cancelled: true,
});

export const CANCELLATION_STATUS_LIST = every<CancellationStatus>({ requested: true, approved: true, rejected: true, refunded: true });

export const EXCHANGE_STATUS_LIST = every<ExchangeStatus>({
  requested: true,
  approved: true,
  awaiting_payment: true,
  awaiting_return: true,
  released: true,
  completed: true,
  denied: true,
  declined: true,
  cancelled: true,
});

export const TRANSACTION_STATUS_LIST = every<TransactionStatus>({ pending: true, success: true, failure: true });

export const GATEWAY_LIST = every<RefundGateway>({ card: true, bank_transfer: true, voucher: true, cash: true, store_credit: true });

export const EVENT_TYPE_LIST = every<EventType>({
  'order.created': true,
  'order.status_changed': true,
  'order.paid': true,
  'cancellation.requested': true,
  'cancellation.approved': true,
  'cancellation.rejected': true,
  'cancellation.refunded': true,
  'return.created': true,
  'return.status_changed': true,
  'return.item_verified': true,
  'refund.created': true,
  'refund.transaction_succeeded': true,
  'refund.transaction_failed': true,
  'note.created': true,
  'comment.created': true,
  'store_credit.credited': true,
  'store_credit.debited': true,
  'store_credit.reverted': true,
  'store_credit.expired': true,
  'gift_card.issued': true,
  'gift_card.redeemed': true,
  'exchange.requested': true,
  'exchange.approved': true,
  'exchange.payment_required': true,
  'exchange.paid': true,
  'exchange.released': true,
  'exchange.completed': true,
  'exchange.declined': true,
  'exchange.denied': true,
  'exchange.cancelled': true,
});
