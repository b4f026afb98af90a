// Table stream → payment provider: each refund holding a pending card
// transaction not sent yet (infra/streams.ts filters on `awaitsProvider`) is
// sent to the configured provider after its DynamoDB transaction committed.
// An error that may pass is reported in batchItemFailures: the event source
// retries the record (the SDK has already backed off) and finally
// dead-letters it; a redelivery sends it again under the same idempotency key,
// so the provider refunds once.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '#shared/adapters/logger';
import { awaitsSending, type Refund } from '#shared/domain/refund';
import { sendCardRefund } from '#shared/use-cases/send-card-refund';

const handleRecord = async (record: DynamoDBRecord): Promise<void> => {
  const image = record.dynamodb?.NewImage;
  if (!image) return;
  const refund = unmarshall(image as Record<string, AttributeValue> as Parameters<typeof unmarshall>[0]) as Refund;
  const waiting = (refund.transactions ?? []).filter(awaitsSending);
  for (const txn of waiting) {
    const outcome = await sendCardRefund(refund.id, txn.id, new Date().toISOString());
    logger.info('card refund', { refundId: refund.id, transactionId: txn.id, outcome });
  }
};

export const handler = async (event: DynamoDBStreamEvent, context: Context) =>
  processPartialResponse(event, handleRecord, new BatchProcessor(EventType.DynamoDBStreams), { context, processInParallel: false });
