// A DynamoDB stream record as the domain's `Change` (OLD and NEW images
// unmarshalled): what both stream consumers, emails and events, read.
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import type { Change } from '#shared/domain/notifications/types';

const image = (value: Record<string, AttributeValue> | undefined) => (value ? unmarshall(value as Parameters<typeof unmarshall>[0]) : undefined);

export const changeOf = (record: DynamoDBRecord): Change => {
  const next = image(record.dynamodb?.NewImage);
  const old = image(record.dynamodb?.OldImage);
  return { eventName: record.eventName ?? 'MODIFY', type: String((next ?? old)?.type ?? ''), old, new: next };
};
