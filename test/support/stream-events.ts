// Hand-built DynamoDB stream records, shaped as Lambda delivers them
// (NEW_AND_OLD_IMAGES), for tests that call a stream handler directly.
import { randomUUID } from 'node:crypto';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

type Item = Record<string, unknown>;

const image = (item: Item): Record<string, AttributeValue> =>
  marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: false }) as Record<string, AttributeValue>;

let sequence = 0;
/** Increasing like a shard's sequence numbers, unique across test processes. */
const nextSequence = () => `${Date.now()}${String(process.pid).padStart(7, '0')}${String(++sequence).padStart(6, '0')}`;

const record = (eventName: 'INSERT' | 'MODIFY' | 'REMOVE', item: Item, old?: Item, next?: Item): DynamoDBRecord => ({
  eventID: randomUUID(),
  eventName,
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'us-east-1',
  dynamodb: {
    ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
    Keys: image({ PK: item.PK, SK: item.SK }),
    ...(next ? { NewImage: image(next) } : {}),
    ...(old ? { OldImage: image(old) } : {}),
    SequenceNumber: nextSequence(),
    SizeBytes: 512,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
  eventSourceARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/aftersales/stream/2026-01-01T00:00:00.000',
});

export const inserted = (item: Item): DynamoDBRecord => record('INSERT', item, undefined, item);
export const modified = (old: Item, next: Item): DynamoDBRecord => record('MODIFY', next, old, next);
export const removed = (old: Item): DynamoDBRecord => record('REMOVE', old, old, undefined);

export const batch = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });
