// A stream batch that keeps failing is kept whole on the failure destination
// (the local poller writes it to the local S3 in the shape Lambda writes to an
// S3 on-failure destination), and `npm run replay` puts it through the right
// handler: the email the failed batch owed is sent, once, however often it is
// replayed. On a table of this file's own, driven in process.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFailedBatch } from '#infra/failed-batch';
import { type StreamPoller, startStreamPoller } from '#infra/local/stream-poller';
import { parseReplayArgs, replay } from '#infra/replay';
import { consumerNamed } from '#infra/streams';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { inbox } from '../support/notify.ts';
import { useOwnTable } from '../support/own-table.ts';

vi.hoisted(() => {
  process.env.TABLE_NAME = `own-${crypto.randomUUID()}`;
});

const lines: string[] = [];
let poller: StreamPoller;

beforeAll(async () => {
  await useOwnTable();
  const consumer = consumerNamed('notify');
  // A notify consumer that is down for good: every batch is given up on and kept.
  poller = await startStreamPoller({
    endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB as string,
    region: process.env.AWS_REGION as string,
    credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID as string, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY as string },
    tableName: process.env.TABLE_NAME as string,
    handler: async () => {
      throw new Error('SES is down');
    },
    filterPatterns: consumer.filterPatterns,
    batchSize: consumer.batch.batchSize,
    retryAttempts: 1,
    retryDelayMs: () => 5,
    functionName: 'aftersales-notify',
    failures: { s3Endpoint: process.env.AWS_ENDPOINT_URL_S3 as string, bucket: process.env.STREAM_FAILURES_BUCKET as string },
    log: (line) => lines.push(line),
  });
});

afterAll(async () => {
  await poller?.stop();
});

describe('npm run replay', () => {
  it('replays a kept batch through the handler it was meant for, and the owed email is sent once', async () => {
    const ada = customer();
    const order = await createOrder(ada);
    const note = await call<{ id: string }>(admin, 'POST', `/admin/orders/${order.id}/notes`, { body: 'Your parcel left today', visibility: 'customer' });
    expect(note.status).toBe(201);
    await poller.idle();
    await poller.idle();

    const uris = lines.flatMap((line) => /^FAILED-BATCH (s3:\/\/\S+)/.exec(line)?.[1] ?? []);
    expect(uris.length).toBeGreaterThan(0);
    expect(await inbox(ada.email)).toEqual([]);

    const results = [];
    for (const uri of uris) results.push(await replay(parseReplayArgs(['--local', uri])));
    expect(results.every((r) => r.failed.length === 0 && r.functionArn.endsWith(':function:aftersales-notify'))).toBe(true);
    expect(results.reduce((n, r) => n + r.records, 0)).toBeGreaterThanOrEqual(2);
    // The order's and the note's emails, owed since the batch failed.
    const count = (await inbox(ada.email)).length;
    expect(count).toBeGreaterThan(0);

    // Replayed again: every change's emails were sent, so nothing more is.
    for (const uri of uris) await replay(parseReplayArgs(['--local', uri]));
    expect(await inbox(ada.email)).toHaveLength(count);
  });

  it('keeps each batch whole, in the shape Lambda writes to S3', async () => {
    const uri = lines.flatMap((line) => /^FAILED-BATCH (s3:\/\/\S+)/.exec(line)?.[1] ?? [])[0] as string;
    const { bucket, key } = parseReplayArgs([uri]);
    expect(key).toMatch(/^aws\/lambda\/[0-9a-f-]{36}\/[^/]+\/\d{4}\/\d{2}\/\d{2}\/\d{4}-\d{2}-\d{2}T\d{2}\.\d{2}\.\d{2}-[0-9a-f-]{36}$/);
    const s3 = new S3Client({ forcePathStyle: true });
    const text = await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body?.transformToString('utf8');
    s3.destroy();
    const stored = JSON.parse(text ?? '{}');
    expect(stored).toMatchObject({
      version: '1.0',
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 2 },
      DDBStreamBatchInfo: { batchSize: expect.any(Number), streamArn: expect.stringContaining('/stream/') },
    });
    const { event } = readFailedBatch(text ?? '');
    expect(event.Records).toHaveLength(stored.DDBStreamBatchInfo.batchSize);
    expect(event.Records[0]?.dynamodb?.SequenceNumber).toBe(stored.DDBStreamBatchInfo.startSequenceNumber);
  });
});
