// The table client and what every repository needs: a transaction whose
// failures say which condition broke, the versioned put, a page query with
// tamper-proof cursors (and a whole-partition read), and SDK errors mapped to
// domain errors. Keys come from keys.ts.
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError, DomainError, ValidationError } from '#shared/domain/errors';
import { withBackoff } from './backoff.ts';
import { env } from './env.ts';
import { type KeySchema, TABLE_KEY } from './keys.ts';

/** The one DynamoDB client of a function; the idempotency markers (send-once.ts) share it, so a cold start builds one. */
export const dynamodb = new DynamoDBClient({ maxAttempts: 3 });

export const db = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

export const TABLE_NAME = env.tableName;

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A transaction item with the error to raise when its own condition fails. */
export interface GuardedItem {
  readonly item: TransactItem;
  readonly onConditionFailed?: () => Error;
  /**
   * A failure of this item explains every other one (an idempotency replay: the
   * first request already took the stock, the refund…), so it is written first
   * and its error wins over the others'.
   */
  readonly decisive?: boolean;
}

/**
 * Writes all items or none. When a condition fails, DynamoDB says which one in
 * `CancellationReasons` (same order as the items); we raise that item's error.
 */
export const transact = async (guarded: readonly GuardedItem[], attempts = 6): Promise<void> => {
  const items = [...guarded.filter((g) => g.decisive), ...guarded.filter((g) => !g.decisive)];
  await withBackoff(
    async () => {
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items.map((g) => g.item) }));
      } catch (error) {
        // Decisive items come first, so the first failed condition is the one that explains the rest.
        const failed = cancellationCodes(error).indexOf('ConditionalCheckFailed');
        throw failed >= 0 ? (items[failed]?.onConditionFailed?.() ?? new ConflictError('The resource was changed by someone else; reload and retry.')) : error;
      }
    },
    // Another transaction held one of our items (e.g. the last units of a SKU).
    // Nothing was written, and every condition is re-checked, so retrying is safe.
    { attempts, retryIf: (error) => cancellationCodes(error).includes('TransactionConflict'), exhausted: concurrentChange },
  );
};

/** Why each item of a cancelled transaction failed, in the items' order (`None` for an item that did not). */
const cancellationCodes = (error: unknown): (string | undefined)[] =>
  error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []).map((r) => r.Code) : [];

/** What a write that kept meeting other transactions answers. */
export const concurrentChange = (): ConflictError => new ConflictError('A concurrent change touched the same resource; reload and retry.');

/** TTL attributes (`expiresAt`) are epoch seconds. */
export const epochSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/**
 * The Put of a versioned item. Without `previousVersion` it creates: the item
 * must not exist yet. With it, it replaces the item only if nobody changed it
 * since that version was read: two writers both read v3, the first writes v4,
 * the second's `version = 3` fails (its `onConditionFailed`, a 409) instead of
 * overwriting.
 */
export const versionedPut = (item: Record<string, unknown>, previousVersion?: number, onConditionFailed?: () => Error): GuardedItem => ({
  item: {
    Put: {
      TableName: TABLE_NAME,
      Item: item,
      ...(previousVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previousVersion } }),
    },
  },
  ...(onConditionFailed ? { onConditionFailed } : {}),
});

/**
 * The versioned replace of an item's own fields, as an Update: like
 * `versionedPut` with a previous version, except that attributes it does not
 * name survive it (marks and copies other writers keep on the item: an order's
 * hold, a return's comment copies). Undefined fields are left as they are.
 */
export const versionedSet = (
  key: Readonly<Record<string, string>>,
  fields: Readonly<Record<string, unknown>>,
  previousVersion: number,
  onConditionFailed: () => Error,
): GuardedItem => {
  const entries = Object.entries(fields).filter(([name, value]) => value !== undefined && !Object.hasOwn(key, name));
  return {
    item: {
      Update: {
        TableName: TABLE_NAME,
        Key: key,
        UpdateExpression: `SET ${entries.map((_, i) => `#a${i} = :a${i}`).join(', ')}`,
        ConditionExpression: '#version = :v',
        ExpressionAttributeNames: { '#version': 'version', ...Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name])) },
        ExpressionAttributeValues: { ':v': previousVersion, ...Object.fromEntries(entries.map(([, value], i) => [`:a${i}`, value])) },
      },
    },
    onConditionFailed,
  };
};

/** The items a Query reads: one partition of the table or of an index, optionally narrowed on the sort key. */
export interface KeyCondition {
  readonly keys: KeySchema;
  readonly partition: string;
  /** The sort key starts with this. */
  readonly prefix?: string;
  /** The sort key lies between these (inclusive): keys.ts `dateRange`. */
  readonly range?: { readonly from: string; readonly to: string };
}

export interface KeyQuery extends Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey' | 'IndexName' | 'KeyConditionExpression'> {
  readonly key: KeyCondition;
}

/** The Query input of a key condition (placeholders `#pk`, `#sk`, `:pk`, `:prefix`, `:from`, `:to` are its own). */
const queryInput = ({ key, ExpressionAttributeNames, ExpressionAttributeValues, ...rest }: KeyQuery): QueryCommandInput => {
  const sort = key.prefix !== undefined ? ' AND begins_with(#sk, :prefix)' : key.range ? ' AND #sk BETWEEN :from AND :to' : '';
  return {
    ...rest,
    TableName: TABLE_NAME,
    ...(key.keys.name ? { IndexName: key.keys.name } : {}),
    KeyConditionExpression: `#pk = :pk${sort}`,
    ExpressionAttributeNames: { '#pk': key.keys.pk, ...(sort ? { '#sk': key.keys.sk } : {}), ...ExpressionAttributeNames },
    ExpressionAttributeValues: {
      ':pk': key.partition,
      ...(key.prefix !== undefined ? { ':prefix': key.prefix } : key.range ? { ':from': key.range.from, ':to': key.range.to } : {}),
      ...ExpressionAttributeValues,
    },
  };
};

/** Every page of a Query, in order (a page stops at 1 MB read). */
export const forEachPage = async (query: KeyQuery, onPage: (page: QueryCommandOutput) => void): Promise<void> => {
  const input = queryInput(query);
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    onPage(page);
    start = page.LastEvaluatedKey;
  } while (start);
};

/** Every item of a Query, for partitions that stay small (a shop's reasons, a request's comments, an order's refunds). */
export const queryAll = async (query: KeyQuery): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  await forEachPage(query, (page) => items.push(...(page.Items ?? [])));
  return wholeItems(query.key, items);
};

type ItemKey = { readonly PK: string; readonly SK: string };

/** How a key is found again in a BatchGetItem's answer, which comes in no particular order. */
export const keyId = (key: ItemKey): string => `${key.PK}\u0000${key.SK}`;

const BATCH_ROUNDS = 8;
/** DynamoDB's limit of keys per BatchGetItem. */
const BATCH_KEYS = 100;

/** Keys a BatchGetItem left unprocessed, to ask for again. */
class UnprocessedKeys extends Error {}

const batchGetChunk = async (keys: Record<string, unknown>[], consistent: boolean, found: Map<string, Record<string, unknown>>): Promise<void> => {
  let pending = keys;
  await withBackoff(
    async () => {
      const out = await db.send(new BatchGetCommand({ RequestItems: { [TABLE_NAME]: { Keys: pending, ConsistentRead: consistent } } }));
      for (const item of out.Responses?.[TABLE_NAME] ?? []) found.set(keyId(item as ItemKey), item);
      pending = out.UnprocessedKeys?.[TABLE_NAME]?.Keys ?? [];
      if (pending.length > 0) throw new UnprocessedKeys();
    },
    {
      attempts: BATCH_ROUNDS,
      retryIf: (error) => error instanceof UnprocessedKeys,
      // Still unprocessed after several rounds: the table is throttled, a 503 like any throttling.
      exhausted: () => new DomainError('unavailable', 'The data store is busy; retry shortly.', { retryAfter: 1 }),
    },
  );
};

/**
 * The items of `keys` by `keyId`, in ONE BatchGetItem for up to 100 distinct
 * keys (more, in parallel batches of 100); absent items are simply missing.
 * What DynamoDB leaves unprocessed (throttling, the 16 MB limit) is asked for
 * again after a short jittered wait: the same read, so nothing is decided on
 * it. `consistent` applies to every key (it is per table).
 */
export const batchGet = async (keys: readonly ItemKey[], consistent: boolean): Promise<Map<string, Record<string, unknown>>> => {
  const found = new Map<string, Record<string, unknown>>();
  const unique: Record<string, unknown>[] = [...new Map(keys.map((k) => [keyId(k), { PK: k.PK, SK: k.SK }])).values()];
  const chunks = Array.from({ length: Math.ceil(unique.length / BATCH_KEYS) }, (_, i) => unique.slice(i * BATCH_KEYS, (i + 1) * BATCH_KEYS));
  await Promise.all(chunks.map((chunk) => batchGetChunk(chunk, consistent, found)));
  return found;
};

// The items behind index entries (which carry keys: keys.ts `INDEX`), in order, in one BatchGetItem. One gone
// since, or moved out of the queried partition (a status changed meanwhile), is left out: a list shows what it holds.
const wholeItems = async (key: KeyCondition, entries: readonly Record<string, unknown>[]): Promise<Record<string, unknown>[]> => {
  if (!key.keys.name || entries.length === 0) return [...entries];
  const keys = entries.map((e) => ({ PK: String(e[TABLE_KEY.pk]), SK: String(e[TABLE_KEY.sk]) }));
  const found = await batchGet(keys, false);
  return keys.flatMap((k) => {
    const item = found.get(keyId(k));
    return item && item[key.keys.pk] === key.partition ? [item] : [];
  });
};

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string | undefined;
}
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

const encodeCursor = (key: Record<string, unknown>): string => Buffer.from(JSON.stringify(key)).toString('base64url');

const invalidCursor = () => new ValidationError([{ path: 'cursor', message: 'is not a cursor this list issued' }]);

/**
 * A cursor is the last evaluated key. It is only accepted when its partition
 * value is the one being queried, so a forged cursor can never reach another
 * partition (another customer's data): it is a 400 instead. It must also name
 * exactly the key attributes this query's last evaluated key has (`keyAttrs`),
 * since DynamoDB refuses any other start key with an error of its own.
 */
const decodeCursor = (cursor: string, partitionAttr: string, partitionValue: string, keyAttrs: readonly string[]): Record<string, unknown> => {
  const invalid = invalidCursor;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw invalid();
  const entries = Object.entries(key);
  if (entries.length > 6 || entries.some(([, v]) => typeof v !== 'string')) throw invalid();
  if ((key as Record<string, unknown>)[partitionAttr] !== partitionValue) throw invalid();
  if (entries.length !== keyAttrs.length || keyAttrs.some((attr) => !Object.hasOwn(key as object, attr))) throw invalid();
  return key as Record<string, unknown>;
};

/**
 * One Query, one page: its cost depends on the page, never on the table. It
 * reads one item past the page, so a page that ends the list says so
 * (`nextCursor: null`) instead of handing out a cursor to an empty page; the
 * cursor of a fuller page is the key of its last item.
 */
export const queryPage = async <T>(query: KeyQuery, page: PageRequest, map: (item: Record<string, unknown>) => T): Promise<Page<T>> => {
  const { keys, partition } = query.key;
  // The table's key, plus the index's own (GSI<n>PK/GSI<n>SK) when querying an index.
  const keyAttrs = [...new Set([TABLE_KEY.pk, TABLE_KEY.sk, keys.pk, keys.sk])];
  const startKey = page.cursor ? decodeCursor(page.cursor, keys.pk, partition, keyAttrs) : undefined;
  let result: QueryCommandOutput;
  try {
    result = await db.send(new QueryCommand({ ...queryInput(query), Limit: page.limit + 1, ExclusiveStartKey: startKey }));
  } catch (error) {
    // A start key in the right partition but outside the key condition (an edited sort key) is refused by
    // DynamoDB with a ValidationException: the client's 400, not our 500. Cursors we issue never are.
    if (startKey && error instanceof Error && error.name === 'ValidationException') throw invalidCursor();
    throw error;
  }
  const entries = result.Items ?? [];
  if (entries.length > page.limit) {
    const kept = entries.slice(0, page.limit);
    const last = kept[kept.length - 1] as Record<string, unknown>;
    return { items: (await wholeItems(query.key, kept)).map(map), nextCursor: encodeCursor(Object.fromEntries(keyAttrs.map((attr) => [attr, last[attr]]))) };
  }
  // Fewer than asked for, yet more to read: a filter dropped some, or the read reached 1 MB.
  return { items: (await wholeItems(query.key, entries)).map(map), nextCursor: result.LastEvaluatedKey ? encodeCursor(result.LastEvaluatedKey) : null };
};

/** Drops the table's own attributes (keys, index keys, type, ttl) from an item. */
export { stripKeys } from '#shared/domain/stored-item';
