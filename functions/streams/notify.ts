// Table stream → emails. Each record may imply several emails; each goes out
// once (shared/adapters/send-once.ts). A record whose send fails is reported in
// batchItemFailures and retried; after the retries it goes to the DLQ.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { env } from '#shared/adapters/env';
import { logger } from '#shared/adapters/logger';
import { getOrder } from '#shared/adapters/orders-repo';
import { sendOnce } from '#shared/adapters/send-once';
import { sendEmail } from '#shared/adapters/ses';
import { getSettings } from '#shared/adapters/settings-repo';
import { isTemplateId, renderEmail } from '#shared/domain/emails/index';
import { notificationsFor } from '#shared/domain/notifications/index';
import type { Change, Notification, Recipient } from '#shared/domain/notifications/types';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

const image = (value: Record<string, AttributeValue> | undefined) => (value ? unmarshall(value as Parameters<typeof unmarshall>[0]) : undefined);

const changeOf = (record: DynamoDBRecord): Change => {
  const next = image(record.dynamodb?.NewImage);
  const old = image(record.dynamodb?.OldImage);
  return { eventName: record.eventName ?? 'MODIFY', type: String((next ?? old)?.type ?? ''), old, new: next };
};

const addressesOf = async (to: Recipient, adminEmails: readonly string[]): Promise<string[]> => {
  if (to.kind === 'email') return [to.email];
  if (to.kind === 'admins') return [...adminEmails];
  const order = await getOrder(to.orderId);
  return order ? [order.customer.email] : [];
};

const mailer = sendOnce(async (notification: Notification) => {
  if (!isTemplateId(notification.template)) throw new Error(`No template ${notification.template}`);
  const settings = await getSettings();
  const to = await addressesOf(notification.to, settings.notifications.adminEmails);
  if (to.length === 0) return;
  const email = renderEmail(notification.template, notification.data, { shopName: settings.shop.name, storefrontUrl: env.storefrontUrl });
  await sendEmail(settings.notifications.fromAddress, to, email);
  logger.info('email sent', { key: notification.key, template: notification.template, recipients: to.length });
});

const handleRecord = async (record: DynamoDBRecord): Promise<void> => {
  for (const notification of notificationsFor(changeOf(record))) {
    await mailer.send(notification);
  }
};

export const handler = async (event: DynamoDBStreamEvent, context: Context) => {
  mailer.registerContext(context);
  return processPartialResponse(event, handleRecord, processor, { context });
};
