// Payments queue → payment provider. A bus rule queues every refund that left
// card transactions to send (put there by the events consumer,
// functions/streams/events.ts); each is sent by the card-refund use case after
// the refund's DynamoDB transaction committed. An error that may pass fails
// the message (batchItemFailures): SQS brings it back after its visibility
// timeout and finally dead-letters it (alarm). A redelivery sends again under
// the same idempotency key (the transaction id), so the provider refunds once.
import { busDetail, queueConsumer } from '#shared/adapters/consumer';
import { logger } from '#shared/adapters/logger';
import { cardRefundsDueOf } from '#shared/domain/card-refunds-due';
import { sendCardRefund } from '#shared/use-cases/send-card-refund';

export const handler = queueConsumer({ parse: (body) => cardRefundsDueOf(busDetail(body)) }, () => async (due) => {
  for (const transactionId of due.transactionIds) {
    const outcome = await sendCardRefund(due.refundId, transactionId, new Date().toISOString());
    logger.info('card refund', { refundId: due.refundId, transactionId, outcome });
  }
});
