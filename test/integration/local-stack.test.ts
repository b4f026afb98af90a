// The embedded local stack itself: the emulators answer the real SDK clients
// and the stream poller behaves like Lambda's event source mapping (the API
// stand-in, like API Gateway: local-api-server.test.ts).
import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '#infra/local/bootstrap';
import { readDeadLetters, waitForStreamIdle } from '#infra/local/control-server';
import { readSentEmails, waitForEmail } from '#infra/local/ses-local';
import { type StreamHandler, startStreamPoller } from '#infra/local/stream-poller';
import { TABLE } from '#infra/table';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { env } from '../support/env.ts';

const dynamodb = new DynamoDBClient({});
const s3 = new S3Client({ forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });

describe('emulators', () => {
  it('has the table with its GSIs, both-images stream and TTL', async () => {
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: env('TABLE_NAME') }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    const indexes = Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.Projection?.ProjectionType]);
    expect(indexes?.sort()).toEqual(TABLE.indexes.map((i) => [i.name, i.projection.type]).sort());
    expect(Table?.StreamSpecification).toMatchObject({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(Table?.LatestStreamArn).toBeTruthy();
    const ttl = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: env('TABLE_NAME') }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('round-trips an object through local S3, directly and by presigned POST', async () => {
    const Bucket = env('BUCKET_NAME');
    const Key = `test/${randomUUID()}.txt`;
    await s3.send(new PutObjectCommand({ Bucket, Key, Body: 'hello', ContentType: 'text/plain' }));
    const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
    expect(await got.Body?.transformToString()).toBe('hello');

    const postKey = `uploads/${randomUUID()}.png`;
    const { url, fields } = await createPresignedPost(s3, { Bucket, Key: postKey, Fields: { 'Content-Type': 'image/png' }, Expires: 300 });
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'a.png');
    const posted = await fetch(url, { method: 'POST', body: form });
    expect(posted.status).toBe(204);
    const uploaded = await s3.send(new GetObjectCommand({ Bucket, Key: postKey }));
    expect([...((await uploaded.Body?.transformToByteArray()) ?? [])]).toEqual([137, 80, 78, 71]);
  });

  it('lets a browser preflight a POST to the bucket', async () => {
    const response = await fetch(`${env('AWS_ENDPOINT_URL_S3')}/${env('BUCKET_NAME')}`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('keeps what SES SendEmail sends in GET /store', async () => {
    const subject = `hello ${randomUUID()}`;
    await new SESClient({}).send(
      new SendEmailCommand({
        Source: 'no-reply@aftersales.local',
        Destination: { ToAddresses: ['someone@example.com'] },
        Message: { Subject: { Data: subject }, Body: { Text: { Data: 'hi' } } },
      }),
    );
    const emails = await readSentEmails(env('SES_URL'));
    expect(emails.find((e) => e.subject === subject)).toMatchObject({ from: 'no-reply@aftersales.local', destination: { to: ['someone@example.com'] } });
  });
});

describe('stream poller', () => {
  const tableName = `poller-test-${randomUUID()}`;
  const credentials = { accessKeyId: env('AWS_ACCESS_KEY_ID'), secretAccessKey: env('AWS_SECRET_ACCESS_KEY') };
  const put = (id: string, type: string, extra: Record<string, { S: string }> = {}) =>
    dynamodb.send(new PutItemCommand({ TableName: tableName, Item: { PK: { S: id }, SK: { S: 'A' }, type: { S: type }, ...extra } }));
  let behaviour: StreamHandler = async () => undefined;
  const batches: DynamoDBRecord[][] = [];
  let poller: Awaited<ReturnType<typeof startStreamPoller>>;

  beforeAll(async () => {
    await ensureTable(dynamodb, tableName);
    poller = await startStreamPoller({
      endpoint: env('AWS_ENDPOINT_URL_DYNAMODB'),
      region: env('AWS_REGION'),
      credentials,
      tableName,
      retryAttempts: 2,
      retryDelayMs: () => 10,
      log: () => {},
      handler: async (event, context) => {
        batches.push(event.Records);
        return behaviour(event, context);
      },
    });
  });
  afterAll(() => poller.stop());

  it('delivers notifiable records shaped like Lambda events, and filters the rest out', async () => {
    batches.length = 0;
    await put('o1', 'Order');
    await put('s1', 'StockLevel');
    await poller.idle();
    const records = batches.flat();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      eventVersion: expect.any(String),
      awsRegion: 'us-east-1',
      eventSourceARN: poller.streamArn,
      dynamodb: {
        Keys: { PK: { S: 'o1' }, SK: { S: 'A' } },
        NewImage: { type: { S: 'Order' } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
        SequenceNumber: expect.any(String),
        ApproximateCreationDateTime: expect.any(Number),
      },
    });
  });

  it('retries from the first reported failure and dead-letters after the retries', async () => {
    batches.length = 0;
    behaviour = async (event) => ({
      batchItemFailures: event.Records.filter((r) => r.dynamodb?.NewImage?.poison).map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })),
    });
    for (const id of ['a', 'b', 'c']) await put(id, 'Order', id === 'b' ? { poison: { S: 'yes' } } : {});
    await poller.idle();
    const keys = batches.map((batch) => batch.map((r) => r.dynamodb?.Keys?.PK?.S).join(''));
    // a is checkpointed once delivered; b is tried once plus retryAttempts (2) times, then skipped.
    expect(keys.filter((k) => k.includes('a'))).toHaveLength(1);
    expect(keys.filter((k) => k.includes('b'))).toHaveLength(3);
    expect(
      keys
        .filter((k) => k.includes('b'))
        .slice(1)
        .every((k) => k.startsWith('b')),
    ).toBe(true);
    expect(poller.deadLetters.map((l) => l.record.dynamodb?.Keys?.PK?.S)).toEqual(['b']);
    behaviour = async () => undefined;
  });

  it('counts a throwing handler as the whole batch failing', async () => {
    const before = poller.deadLetters.length;
    behaviour = async () => {
      throw new Error('down');
    };
    await put('x', 'Order');
    await put('y', 'Order');
    await poller.idle();
    expect(poller.deadLetters.slice(before).map((l) => [l.record.dynamodb?.Keys?.PK?.S, l.reason])).toEqual([
      ['x', 'handler threw: down'],
      ['y', 'handler threw: down'],
    ]);
    behaviour = async () => undefined;
  });
});

describe('whole system', () => {
  it('emails the customer when an order changes status (API → table → stream → notify → SES)', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    expect((await call(admin, 'POST', `/admin/orders/${order.id}/status`, { status: 'confirmed' })).status).toBe(200);
    await waitForStreamIdle();
    const email = await waitForEmail(env('SES_URL'), (e) => e.destination.to.includes(owner.email));
    expect(email.subject).toBeTruthy();
    expect(await readDeadLetters()).toEqual([]);
  });
});
