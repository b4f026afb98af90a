// Opt-in meters on the shipped SDK clients, added in the bench process only:
// every DynamoDB call made inside `metered(fn)` is counted (commands and HTTP
// attempts), asked for ReturnConsumedCapacity=INDEXES, and recorded with the
// before/after images of the items it writes so capacity floors can be
// computed. Calls outside `metered` (the stream poller's notify handler runs in
// this process too) are left alone: AsyncLocalStorage tells them apart. The
// webhook queue's messages sent inside `metered` are kept by the meter instead
// of sent: a flow hands them to the delivery function itself (the local
// queue's own consumer would race it for them).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { db, TABLE_NAME } from '#shared/adapters/dynamo';
import { s3 } from '#shared/adapters/s3';
import { sqs } from '#shared/adapters/webhook-queue';
import { stripKeys } from '#shared/domain/stored-item';

type Item = Record<string, unknown>;
interface Args {
  readonly input: unknown;
}
interface Out {
  readonly output: unknown;
}
type Middleware = (next: (args: Args) => Promise<Out>, context: Record<string, unknown>) => (args: Args) => Promise<Out>;
/** The slice of a client's middleware stack the meters need (typed loosely: it serves three clients). */
const stackOf = (client: unknown) => (client as { middlewareStack: { add(mw: Middleware, options: Record<string, unknown>): void } }).middlewareStack;

export interface ItemWrite {
  readonly kind: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  readonly key: Item;
  before?: Item | undefined;
  after?: Item | undefined;
  /** Write units DynamoDB Local charges for a plain put of the before / after image (0: no item). */
  beforeUnits?: number;
  afterUnits?: number;
}

export interface MeteredCall {
  readonly command: string;
  attempts: number;
  readonly input: Item;
  output?: Item;
  readonly writes: ItemWrite[];
  readonly transactional: boolean;
  /** When the request went out and its answer came back (ms, the meter's own reads excluded). */
  startedAt: number;
  endedAt: number;
}

export interface Meter {
  readonly dynamo: MeteredCall[];
  s3Attempts: number;
  /** Bodies of the webhook queue's messages sent (kept, not sent). */
  readonly queued: string[];
}

const store = new AsyncLocalStorage<Meter>();
const CAPACITY = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
  'TransactGetItemsCommand',
  'TransactWriteItemsCommand',
]);

// Images are read with a client of its own, which no meter sees.
const peek = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const nativeKey = (key: Item): Item => {
  const first = Object.values(key)[0];
  return first && typeof first === 'object' && !Array.isArray(first) ? unmarshall(key as never) : key;
};
const image = async (key: Item): Promise<Item | undefined> => (await peek.send(new GetCommand({ TableName: TABLE_NAME, Key: key, ConsistentRead: true }))).Item;

// A copy with every partition key and the type disguised (same lengths, so the
// same size): no list, lookup or stream consumer of the application sees it.
const disguise = (item: Item): Item => {
  const copy = { ...item };
  for (const attr of ['PK', 'GSI1PK', 'GSI2PK', 'GSI3PK', 'type']) {
    const value = copy[attr];
    if (typeof value === 'string' && value.length > 0) copy[attr] = `~${value.slice(1)}`;
  }
  return copy;
};

/** Write units Local charges for `item` alone (its own item-size model, which differs from AWS's documented one). */
const unitsOf = async (item: Item | undefined): Promise<number> => {
  if (!item) return 0;
  const copy = disguise(item);
  const out = await peek.send(new PutCommand({ TableName: TABLE_NAME, Item: copy, ReturnConsumedCapacity: 'INDEXES' }));
  await peek.send(new DeleteCommand({ TableName: TABLE_NAME, Key: { PK: copy.PK, SK: copy.SK } }));
  return out.ConsumedCapacity?.Table?.CapacityUnits ?? 0;
};

/** Write units Local charges for the item as the API answers it (the table's own attributes left out): what a change of it must write. */
export const resourceUnits = (item: Item | undefined): Promise<number> =>
  item ? unitsOf({ PK: item.PK, SK: item.SK, ...stripKeys<Item>(item) }) : Promise.resolve(0);

const writesOf = (command: string, input: Item): ItemWrite[] => {
  const keyOfItem = (item: Item) => ({ PK: nativeKey(item).PK, SK: nativeKey(item).SK });
  if (command === 'PutItemCommand') return [{ kind: 'Put', key: keyOfItem(input.Item as Item) }];
  if (command === 'UpdateItemCommand') return [{ kind: 'Update', key: nativeKey(input.Key as Item) }];
  if (command === 'DeleteItemCommand') return [{ kind: 'Delete', key: nativeKey(input.Key as Item) }];
  if (command !== 'TransactWriteItemsCommand') return [];
  return ((input.TransactItems as Item[]) ?? []).map((t) => {
    const [kind, spec] = Object.entries(t)[0] as [ItemWrite['kind'], Item];
    return { kind, key: kind === 'Put' ? keyOfItem(spec.Item as Item) : nativeKey(spec.Key as Item) };
  });
};

let installed = false;

/** Adds the meters to the shipped clients (once per process). */
export const installMeters = (): void => {
  if (installed) return;
  installed = true;
  stackOf(db).add(
    (next, context) => async (args) => {
      const meter = store.getStore();
      const command = String(context.commandName ?? '?');
      if (!meter) return next(args);
      const input = { ...(args.input as Item), ...(CAPACITY.has(command) ? { ReturnConsumedCapacity: 'INDEXES' } : {}) };
      const call: MeteredCall = {
        command,
        attempts: 0,
        input,
        writes: writesOf(command, input),
        transactional: command.startsWith('Transact'),
        startedAt: 0,
        endedAt: 0,
      };
      meter.dynamo.push(call);
      context.benchCall = call;
      // Pausing the meter keeps the image reads out of the counts.
      await store.exit(() => Promise.all(call.writes.map(async (w) => (w.before = await image(w.key)))));
      call.startedAt = performance.now();
      try {
        const result = await next({ ...args, input });
        call.endedAt = performance.now();
        call.output = result.output as Item;
        return result;
      } finally {
        call.endedAt ||= performance.now();
        await store.exit(async () => {
          for (const w of call.writes) {
            w.after = await image(w.key);
            w.beforeUnits = await unitsOf(w.before);
            w.afterUnits = await unitsOf(w.after);
          }
        });
      }
    },
    { step: 'initialize', name: 'benchMeter', priority: 'high' },
  );
  // One per HTTP attempt (retries included): the round trips.
  stackOf(db).add(
    (next, context) => async (args) => {
      const call = context.benchCall as MeteredCall | undefined;
      if (call) call.attempts++;
      return next(args);
    },
    { step: 'deserialize', name: 'benchAttempts' },
  );
  stackOf(s3).add(
    (next) => async (args) => {
      const meter = store.getStore();
      if (meter) meter.s3Attempts++;
      return next(args);
    },
    { step: 'deserialize', name: 'benchS3Attempts' },
  );
  // Outermost, so the queue is never called (nor the SDK's MD5 check of its answer).
  stackOf(sqs).add(
    (next, context) => async (args) => {
      const meter = store.getStore();
      if (!meter || context.commandName !== 'SendMessageBatchCommand') return next(args);
      const entries = (args.input as { Entries: { Id: string; MessageBody: string }[] }).Entries;
      meter.queued.push(...entries.map((e) => e.MessageBody));
      return { output: { Successful: entries.map((e) => ({ Id: e.Id, MessageId: randomUUID() })), Failed: [] } };
    },
    { step: 'initialize', name: 'benchQueue', priority: 'high' },
  );
};

/** Runs `fn` with every DynamoDB/S3 call it makes recorded. */
export const metered = async <T>(fn: () => Promise<T>): Promise<{ result: T; meter: Meter }> => {
  const meter: Meter = { dynamo: [], s3Attempts: 0, queued: [] };
  const result = await store.run(meter, fn);
  return { result, meter };
};

/** `ORDER`, or `ORDER/NOTE` for an item that lives in another entity's partition. */
export const kindOf = (key: unknown): string => {
  const k = key as { PK?: unknown; SK?: unknown } | undefined;
  const pk = String(k?.PK ?? '?').split('#')[0] as string;
  const sk = String(k?.SK ?? '').split('#')[0] as string;
  // A sort key that starts with a time (a payout row, a try window) names no kind.
  return sk && sk !== pk && !/^\d/.test(sk) ? `${pk}/${sk}` : pk;
};

/** Round trips one after another: a call that starts before the current group's last one ended joins its group (sent together with Promise.all). */
export const waves = (calls: readonly MeteredCall[]): number => {
  let count = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const c of [...calls].sort((a, b) => a.startedAt - b.startedAt)) {
    if (c.startedAt >= end) count++;
    end = Math.max(end, c.endedAt);
  }
  return count;
};

const totalOf = (c: unknown): number => ((Array.isArray(c) ? c[0] : c) as { CapacityUnits?: number } | undefined)?.CapacityUnits ?? 0;

/**
 * How many units DynamoDB Local charges per transactional write unit (AWS
 * charges 2): the same one-unit item written plainly and in a transaction.
 */
export const calibrateTransactionalFactor = async (): Promise<number> => {
  const Item = { PK: `BENCH#calibration#${process.pid}`, SK: 'CALIBRATION', note: 'one write unit' };
  const plain = await peek.send(new PutCommand({ TableName: TABLE_NAME, Item, ReturnConsumedCapacity: 'TOTAL' }));
  const tx = await peek.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: TABLE_NAME, Item } }], ReturnConsumedCapacity: 'TOTAL' }));
  await peek.send(new DeleteCommand({ TableName: TABLE_NAME, Key: { PK: Item.PK, SK: Item.SK } }));
  return totalOf(tx.ConsumedCapacity) / Math.max(1, totalOf(plain.ConsumedCapacity));
};
