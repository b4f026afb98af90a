// Payments queue → payment provider. A bus rule queues every refund that left
// card transactions to send, and every exchange that waits for its payment
// page (both put there by the events consumer, functions/streams/events.ts);
// each is handled after the DynamoDB transaction that made it due committed:
// a card refund sent by the card-refund use case, a Checkout Session opened by
// the exchange-checkout one. An error that may pass fails the message
// (batchItemFailures): SQS brings it back after its visibility timeout and
// finally dead-letters it (alarm). A redelivery calls again under the same
// idempotency key (the transaction id; the exchange id), so the provider
// refunds once and opens one page.
import { busDetail, queueConsumer } from '#shared/adapters/consumer';
import { logger } from '#shared/adapters/logger';
import { cardRefundsDueOf } from '#shared/domain/card-refunds-due';
import { exchangeCheckoutDueOf } from '#shared/domain/exchange-checkout-due';
import { openExchangeCheckout } from '#shared/use-cases/open-exchange-checkout';
import { sendCardRefund } from '#shared/use-cases/send-card-refund';

const parse = (body: string) => {
  const detail = busDetail(body);
  return cardRefundsDueOf(detail) ?? exchangeCheckoutDueOf(detail);
};

export const handler = queueConsumer({ parse }, () => async (due) => {
  if ('exchangeId' in due) {
    const outcome = await openExchangeCheckout(due.exchangeId, new Date().toISOString());
    logger.info('exchange checkout', { exchangeId: due.exchangeId, outcome });
    return;
  }
  for (const transactionId of due.transactionIds) {
    const outcome = await sendCardRefund(due.refundId, transactionId, new Date().toISOString());
    logger.info('card refund', { refundId: due.refundId, transactionId, outcome });
  }
});
