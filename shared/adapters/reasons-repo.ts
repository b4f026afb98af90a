// Reasons in the table. The defaults of a fresh install are code
// (shared/domain/reason.ts); a stored item with the same id overrides its
// default, so nothing needs seeding and no two first readers race to seed.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#shared/domain/errors';
import { defaultReason, mergeReasons, REASON_KINDS, type Reason, type ReasonKind, reasonCodeMoved, reasonCodeTaken } from '#shared/domain/reason';
import { db, type GuardedItem, queryAll, stripKeys, TABLE_NAME, transact, versionedPut } from './dynamo.ts';
import { type IdempotencyKey, idempotencyRecord } from './idempotency.ts';
import { INDEX, KEY, PARTITION, reasonIndexKeys } from './keys.ts';

const toItem = (reason: Reason) => ({
  ...KEY.reason(reason.id),
  ...reasonIndexKeys(reason),
  type: 'Reason',
  ...reason,
});

/** The stored item of a reason; none for an untouched default. */
export const storedReason = async (id: string): Promise<Reason | undefined> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.reason(id), ConsistentRead: true }));
  return Item ? stripKeys<Reason>(Item) : undefined;
};

/** A reason by id from its item: the stored one, else the built-in default of that id. */
export const reasonOf = (id: string, item: Record<string, unknown> | undefined): Reason | undefined => (item ? stripKeys<Reason>(item) : defaultReason(id));

/** A reason by id: the stored one, else the built-in default of that id. */
export const getReason = async (id: string): Promise<Reason | undefined> => (await storedReason(id)) ?? defaultReason(id);

/** A shop's reason list is short (tens): read whole. */
const storedOfKind = async (kind: ReasonKind): Promise<Reason[]> =>
  (await queryAll({ key: { keys: INDEX.byType, partition: PARTITION.reasonsOfKind(kind) } })).map((item) => stripKeys<Reason>(item));

/** Reasons of one kind (or both), defaults included; `activeOnly` for customers. */
export const listReasons = async (kind: ReasonKind | undefined, activeOnly: boolean): Promise<Reason[]> => {
  // Both kinds, always: an edited default may have changed kind, and its
  // stored copy must then hide the built-in one from its old kind's list.
  const storedReasons = (await Promise.all(REASON_KINDS.map(storedOfKind))).flat();
  return mergeReasons(storedReasons, kind, activeOnly);
};

/**
 * Claims `kind + code` for `reasonId`. Race: two admins create "too_small" at
 * once; both guards are written with attribute_not_exists, exactly one
 * transaction commits, the other gets a 409. Re-claiming one's own code is fine.
 */
const claimCode = (reason: Reason): GuardedItem => ({
  item: {
    Put: {
      TableName: TABLE_NAME,
      Item: { ...KEY.reasonCode(reason.kind, reason.code), type: 'ReasonCode', reasonId: reason.id },
      ConditionExpression: 'attribute_not_exists(PK) OR reasonId = :id',
      ExpressionAttributeValues: { ':id': reason.id },
    },
  },
  onConditionFailed: () => reasonCodeTaken(reason),
});

const releaseCode = (reason: Reason): GuardedItem => ({
  item: {
    Delete: {
      TableName: TABLE_NAME,
      Key: KEY.reasonCode(reason.kind, reason.code),
      ConditionExpression: 'attribute_not_exists(PK) OR reasonId = :id',
      ExpressionAttributeValues: { ':id': reason.id },
    },
  },
});

/**
 * Writes a new reason and its code guard. The idempotency record goes first:
 * a replayed request also fails the code guard (its own first attempt holds
 * the code), and the first failed condition decides the error, which must be
 * "replay", not "code taken".
 */
export const insertReason = (reason: Reason, idempotency: IdempotencyKey | undefined): Promise<void> =>
  transact([...idempotencyRecord(idempotency, reason, reason.createdAt), versionedPut(toItem(reason)), claimCode(reason)]);

/**
 * Writes a changed reason over `stored` (its item as read; none for an
 * untouched default, whose first write requires absence), moving its code
 * guard when kind or code changed. Race: two admins PUT the same reason read
 * at v3; both write with `version = 3`, one wins, the other gets a 409.
 */
export const writeReason = (next: Reason, stored: Reason | undefined): Promise<void> =>
  transact([
    versionedPut(toItem(next), stored?.version, () => new ConflictError('The reason was changed concurrently; reload it and retry.')),
    claimCode(next),
    ...(stored && reasonCodeMoved(stored, next) ? [releaseCode(stored)] : []),
  ]);
