// Reasons in the table. The defaults of a fresh install are code
// (shared/domain/reason.ts); a stored item with the same id overrides its
// default, so nothing needs seeding and no two first readers race to seed.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import {
  buildReason,
  type CreateReasonBody,
  defaultReason,
  mergeReasons,
  REASON_KINDS,
  type Reason,
  type ReasonKind,
  type UpdateReasonBody,
  updateReason,
} from '#shared/domain/reason';
import { db, type GuardedItem, queryAll, stripKeys, TABLE_NAME, transact, versionedPut } from './dynamo.ts';
import { type IdempotencyKey, idempotencyRecord } from './idempotency.ts';
import { INDEX, KEY, PARTITION, reasonIndexKeys } from './keys.ts';
import { checkIfMatch } from './orders-repo.ts';

const toItem = (reason: Reason) => ({
  ...KEY.reason(reason.id),
  ...reasonIndexKeys(reason),
  type: 'Reason',
  ...reason,
});

const stored = async (id: string): Promise<Reason | undefined> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.reason(id), ConsistentRead: true }));
  return Item ? stripKeys<Reason>(Item) : undefined;
};

/** A reason by id from its item: the stored one, else the built-in default of that id. */
export const reasonOf = (id: string, item: Record<string, unknown> | undefined): Reason | undefined => (item ? stripKeys<Reason>(item) : defaultReason(id));

/** A reason by id: the stored one, else the built-in default of that id. */
export const getReason = async (id: string): Promise<Reason | undefined> => (await stored(id)) ?? defaultReason(id);

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

const codeTaken = (reason: Pick<Reason, 'kind' | 'code'>) =>
  new ConflictError(`Another ${reason.kind} reason already has the code "${reason.code}".`, {
    errors: [{ path: 'code', message: 'is already used by another reason of this kind' }],
  });

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
  onConditionFailed: () => codeTaken(reason),
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

/** Default codes are reserved by their (untouched) defaults, which have no guard item yet. */
const checkDefaultCodes = async (reason: Reason): Promise<void> => {
  const clash = (await listReasons(reason.kind, false)).find((r) => r.id !== reason.id && r.code === reason.code && defaultReason(r.id));
  if (clash) throw codeTaken(reason);
};

export const createReason = async (body: CreateReasonBody, ids: { id: string; now: string }, idempotency?: IdempotencyKey): Promise<Reason> => {
  const reason = buildReason(body, ids);
  await checkDefaultCodes(reason);
  // The idempotency record goes first: a replayed request also fails the code
  // guard (its own first attempt holds the code), and the first failed
  // condition decides the error, which must be "replay", not "code taken".
  await transact([...idempotencyRecord(idempotency, reason, ids.now), versionedPut(toItem(reason)), claimCode(reason)]);
  return reason;
};

/**
 * Updates a reason (If-Match honoured). Race: two admins PUT the same reason
 * read at v3; both write with `version = 3`, one wins, the other gets a 409.
 * An untouched default has no item yet: its first write requires absence.
 */
export const saveReason = async (id: string, body: UpdateReasonBody, ifMatch: number | undefined, now: string): Promise<Reason> => {
  const existing = await stored(id);
  const current = existing ?? defaultReason(id);
  if (!current) throw new NotFoundError('The reason');
  checkIfMatch(current, ifMatch);
  const next = updateReason(current, body, now);
  const codeMoved = next.code !== current.code || next.kind !== current.kind;
  if (codeMoved) await checkDefaultCodes(next);
  await transact([
    versionedPut(toItem(next), existing?.version, () => new ConflictError('The reason was changed concurrently; reload it and retry.')),
    claimCode(next),
    ...(codeMoved && existing ? [releaseCode(current)] : []),
  ]);
  return next;
};
