// What Lambda's DynamoDB event source mapping does with a shard's records once
// read: invoke the function in order, in batches, and, with
// ReportBatchItemFailures, checkpoint before the first failed record and retry
// from there; after `retryAttempts` failed retries the batch is skipped and
// sent to the on-failure destination (here: the dead-letter callback).
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { lambdaContext } from '#infra/local/lambda-context';

/** Returns a `DynamoDBBatchResponse` (ReportBatchItemFailures) or nothing. */
export type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<unknown>;

export interface DeadLetter {
  readonly record: DynamoDBRecord;
  readonly reason: string;
  /** Invocations that included this record and failed. */
  readonly attempts: number;
  readonly at: string;
}

export interface DeliveryOptions {
  handler: StreamHandler;
  batchSize: number;
  retryAttempts: number;
  functionName: string;
  onDeadLetter: (letters: DeadLetter[]) => void;
  /** Pause before retry n (1-based); Lambda backs off, locally we keep it short. */
  retryDelayMs?: (attempt: number) => number;
  timeoutMs?: number;
}

type Outcome = { ok: true } | { ok: false; failedIndexes: number[]; reason: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function invoke(batch: DynamoDBRecord[], options: DeliveryOptions): Promise<Outcome> {
  const all = batch.map((_, i) => i);
  let response: unknown;
  try {
    response = await options.handler({ Records: batch }, lambdaContext(options.functionName, options.timeoutMs ?? 60_000));
  } catch (error) {
    return { ok: false, failedIndexes: all, reason: `handler threw: ${error instanceof Error ? error.message : String(error)}` };
  }
  const failures = (response as Partial<DynamoDBBatchResponse> | null | undefined)?.batchItemFailures ?? [];
  if (failures.length === 0) return { ok: true };
  const indexes: number[] = [];
  for (const failure of failures) {
    const index = batch.findIndex((r) => r.dynamodb?.SequenceNumber === failure.itemIdentifier);
    // Lambda treats an empty or unknown identifier as the whole batch failing.
    if (!failure.itemIdentifier || index < 0) {
      return { ok: false, failedIndexes: all, reason: `invalid batchItemFailures identifier ${JSON.stringify(failure.itemIdentifier)}` };
    }
    indexes.push(index);
  }
  return { ok: false, failedIndexes: [...new Set(indexes)].sort((a, b) => a - b), reason: 'reported in batchItemFailures' };
}

/** Delivers `records` (one shard's, in order); resolves once each is delivered or dead-lettered. */
export async function deliverRecords(records: readonly DynamoDBRecord[], options: DeliveryOptions): Promise<void> {
  let start = 0;
  let failedInvocations = 0;
  while (start < records.length) {
    const batch = records.slice(start, start + options.batchSize);
    const outcome = await invoke(batch, options);
    if (outcome.ok) {
      start += batch.length;
      failedInvocations = 0;
      continue;
    }
    failedInvocations++;
    if (failedInvocations > options.retryAttempts) {
      const at = new Date().toISOString();
      options.onDeadLetter(outcome.failedIndexes.map((i) => ({ record: batch[i] as DynamoDBRecord, reason: outcome.reason, attempts: failedInvocations, at })));
      // The whole batch is skipped, as Lambda does; its other records were processed by that last invocation.
      start += batch.length;
      failedInvocations = 0;
      continue;
    }
    // Records before the first failure are checkpointed; the retry starts at it.
    start += outcome.failedIndexes[0] ?? 0;
    await sleep(options.retryDelayMs?.(failedInvocations) ?? 50 * failedInvocations);
  }
}
