// Reads the local table's stream like Lambda's event source mapping: follows
// every shard (new ones from their start, closed ones to their end, children
// after parents), applies the mapping's filter patterns, and hands the records,
// shaped exactly as Lambda delivers them, to stream-delivery.ts.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { failedBatchKey, failedBatchOf } from '#infra/failed-batch';
import { type DeadLetter, deliverRecords, type StreamHandler } from '#infra/local/stream-delivery';
import { type FilterPattern, matchesAny } from '#infra/local/stream-filter';
import { toLambdaRecord } from '#infra/local/stream-records';
import { NOTIFY_BATCH, NOTIFY_FILTER_PATTERNS } from '#infra/streams';

export type { DeadLetter, StreamHandler } from '#infra/local/stream-delivery';
export { toLambdaRecord } from '#infra/local/stream-records';

/** A shipped consumer (functions/streams/<name>.ts), imported on first use (after the stack has set the environment). */
export const loadRealStreamHandler =
  (name = 'notify'): StreamHandler =>
  async (event, context) => {
    const module = (await import(`#functions/streams/${name}`)) as { handler: StreamHandler };
    return module.handler(event, context);
  };

export interface StreamPollerOptions {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  tableName: string;
  handler: StreamHandler;
  filterPatterns?: readonly FilterPattern[];
  batchSize?: number;
  retryAttempts?: number;
  pollIntervalMs?: number;
  retryDelayMs?: (attempt: number) => number;
  functionName?: string;
  /** Where to start in the shards open at start-up (Lambda's StartingPosition); default LATEST. */
  startingPosition?: 'LATEST' | 'TRIM_HORIZON';
  /** Also append dead letters here as JSON lines (default: env LOCAL_DLQ_FILE). */
  dlqFile?: string;
  /** The on-failure destination: each dead-lettered batch is written here whole, as Lambda writes it to S3 (infra/failed-batch.ts). */
  failures?: { readonly s3Endpoint: string; readonly bucket: string };
  log?: (line: string) => void;
}

export interface StreamPoller {
  readonly streamArn: string;
  /** Dead-lettered records, oldest first (the SQS on-failure destination's stand-in). */
  readonly deadLetters: readonly DeadLetter[];
  /** Resolves after a full poll, started after this call, found no new records and ran no batch. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

interface ShardState {
  parent: string | undefined;
  iterator: string | undefined;
  /** How to get the first iterator; AFTER_SEQUENCE_NUMBER once something was read. */
  startAt: ShardIteratorType;
  lastSequence: string | undefined;
  done: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const errorName = (error: unknown) => (error instanceof Error ? error.name : '');

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const { region, credentials, endpoint } = options;
  const log = options.log ?? ((line: string) => console.error(line));
  const dlqFile = options.dlqFile ?? process.env.LOCAL_DLQ_FILE;
  const dynamodb = new DynamoDBClient({ region, credentials, endpoint });
  const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: options.tableName }));
  dynamodb.destroy();
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);
  const streams = new DynamoDBStreamsClient({ region, credentials, endpoint });

  const shards = new Map<string, ShardState>();
  /** Failed batches being written to S3: awaited before the poller reports idle. */
  const failedWrites: Promise<void>[] = [];
  const deadLetters: DeadLetter[] = [];
  let waiters: { after: number; resolve: () => void }[] = [];
  let cyclesStarted = 0;
  let running = true;
  let lastError = '';

  const functionName = options.functionName ?? 'aftersales-notify';
  // The mapping's id, as Lambda names the failed batches' keys with its event source mapping's UUID.
  const mappingId = randomUUID();
  const s3 = options.failures ? new S3Client({ region, credentials, endpoint: options.failures.s3Endpoint, forcePathStyle: true }) : undefined;
  const keepFailedBatch = async (letters: DeadLetter[], shardId: string) => {
    if (!s3 || !options.failures || letters.length === 0) return;
    const at = new Date();
    const batch = failedBatchOf({
      records: letters.map((l) => l.record),
      functionArn: `arn:aws:lambda:${region}:123456789012:function:${functionName}`,
      shardId,
      streamArn,
      attempts: letters[0]?.attempts ?? 0,
      requestId: randomUUID(),
      at,
    });
    const key = failedBatchKey(mappingId, shardId, at, randomUUID());
    await s3.send(new PutObjectCommand({ Bucket: options.failures.bucket, Key: key, Body: JSON.stringify(batch), ContentType: 'application/json' }));
    log(`FAILED-BATCH s3://${options.failures.bucket}/${key} (${letters.length} records; npm run replay -- --local s3://${options.failures.bucket}/${key})`);
  };

  const onDeadLetter = (letters: DeadLetter[]) => {
    for (const letter of letters) {
      deadLetters.push(letter);
      const type = letter.record.dynamodb?.NewImage?.type?.S ?? letter.record.dynamodb?.OldImage?.type?.S ?? '?';
      log(
        `DEAD-LETTER ${letter.record.eventID} ${letter.record.eventName} ${type} ${JSON.stringify(letter.record.dynamodb?.Keys)} after ${letter.attempts} attempts: ${letter.reason}`,
      );
      if (dlqFile) appendFileSync(dlqFile, `${JSON.stringify(letter)}\n`);
    }
  };

  const discoverShards = async (initial: boolean) => {
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }));
      for (const shard of StreamDescription?.Shards ?? []) {
        if (!shard.ShardId || shards.has(shard.ShardId)) continue;
        // Existing shards: from now on (a persisted table's old records are not replayed).
        // Shards appearing later: from their first record, so nothing written after start is missed.
        const startAt = initial ? (options.startingPosition ?? 'LATEST') : 'TRIM_HORIZON';
        shards.set(shard.ShardId, { parent: shard.ParentShardId, iterator: undefined, startAt, lastSequence: undefined, done: false });
      }
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
  };

  const ensureIterator = async (shardId: string, shard: ShardState) => {
    if (!shard.iterator) {
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ShardIteratorType: shard.lastSequence ? 'AFTER_SEQUENCE_NUMBER' : shard.startAt,
          ...(shard.lastSequence ? { SequenceNumber: shard.lastSequence } : {}),
        }),
      );
      shard.iterator = ShardIterator;
    }
  };

  const readShard = async (shardId: string, shard: ShardState): Promise<_Record[]> => {
    await ensureIterator(shardId, shard);
    try {
      const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 1000 }));
      shard.iterator = NextShardIterator;
      if (!NextShardIterator) shard.done = true; // closed shard fully read
      return Records;
    } catch (error) {
      if (errorName(error) === 'ExpiredIteratorException') shard.iterator = undefined;
      else if (errorName(error) === 'TrimmedDataAccessException')
        Object.assign(shard, { iterator: undefined, lastSequence: undefined, startAt: 'TRIM_HORIZON' });
      else if (errorName(error) === 'ResourceNotFoundException') shard.done = true;
      else throw error;
      return [];
    }
  };

  const cycle = async (): Promise<number> => {
    await discoverShards(false);
    let seen = 0;
    for (const [shardId, shard] of shards) {
      // A child shard waits until its parent has been read to the end, keeping per-item order.
      if (shard.done || (shard.parent && shards.get(shard.parent)?.done === false)) continue;
      const records = await readShard(shardId, shard);
      seen += records.length;
      if (records.length === 0) continue;
      shard.lastSequence = records.at(-1)?.dynamodb?.SequenceNumber ?? shard.lastSequence;
      const lambdaRecords = records
        .map((r) => toLambdaRecord(r, region, streamArn))
        .filter((r) => matchesAny(r, options.filterPatterns ?? (NOTIFY_FILTER_PATTERNS as unknown as FilterPattern[])));
      await deliverRecords(lambdaRecords, {
        handler: options.handler,
        batchSize: options.batchSize ?? NOTIFY_BATCH.batchSize,
        retryAttempts: options.retryAttempts ?? NOTIFY_BATCH.retryAttempts,
        functionName,
        onDeadLetter: (letters) => {
          onDeadLetter(letters);
          failedWrites.push(keepFailedBatch(letters, shardId).catch((error: unknown) => log(`failed batch not kept: ${String(error)}`)));
        },
        ...(options.retryDelayMs ? { retryDelayMs: options.retryDelayMs } : {}),
      });
    }
    await Promise.all(failedWrites.splice(0));
    return seen;
  };

  await discoverShards(true);
  // Pin LATEST now, not at the first poll, so records written right after start are not skipped.
  for (const [shardId, shard] of shards) if (!shard.done) await ensureIterator(shardId, shard);
  const loop = (async () => {
    while (running) {
      const id = ++cyclesStarted;
      try {
        const seen = await cycle();
        lastError = '';
        if (seen === 0) {
          const ready = waiters.filter((w) => w.after < id);
          waiters = waiters.filter((w) => w.after >= id);
          for (const w of ready) w.resolve();
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Log a failing poll once, not every 200 ms (e.g. while DynamoDB Local shuts down).
        if (running && message !== lastError) log(`stream poller: ${message}`);
        lastError = message;
      }
      if (running) await sleep(options.pollIntervalMs ?? 200);
    }
  })();

  return {
    streamArn,
    deadLetters,
    idle: () => new Promise<void>((resolve) => waiters.push({ after: cyclesStarted, resolve })),
    stop: async () => {
      running = false;
      await loop;
      streams.destroy();
      s3?.destroy();
      for (const w of waiters) w.resolve();
      waiters = [];
    },
  };
}
