// Idempotency-Key support. The record is written in the SAME transaction as the
// resource it creates, so "created" and "remembered" can never disagree (a
// separate Powertools idempotency write could crash in between).
//
// Race: A and B send the same key at once. Both build a resource; both write
// with attribute_not_exists(PK) on the record. Exactly one transaction commits;
// the other fails that condition, reads A's record and answers A's response.
//
// The record is keyed by the key alone and remembers its scope (route, path
// parameters and caller): a key reused for another order, another return or by
// another caller finds the record, sees the other scope and is refused, instead
// of creating a second resource or answering for one it did not create.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { BusinessRuleError } from '#shared/domain/errors';
import { db, epochSeconds, type GuardedItem, TABLE_NAME } from './dynamo.ts';
import { KEY } from './keys.ts';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export interface IdempotencyKey {
  /** Hash of the route, its path parameters and the caller: what the key may answer for. */
  readonly scope: string;
  readonly key: string;
  /** Hash of the body: the same key with another body is refused. */
  readonly fingerprint: string;
  /** The route's success status, which a replay answers again: the route spec's, not the use case's to decide. */
  readonly status: number;
}

export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

/** Raised when the key was used before; the HTTP layer replays or refuses. */
export class IdempotencyKeyUsedError extends Error {
  constructor(readonly idempotency: IdempotencyKey) {
    super('Idempotency key already used');
    this.name = 'IdempotencyKeyUsedError';
  }
}

/**
 * The transaction item that records the response under the key, or nothing
 * without a key: every idempotent write spreads it into its transaction, so
 * "created" and "remembered" commit together.
 */
export const idempotencyRecord = (idem: IdempotencyKey | undefined, body: unknown, now: string): GuardedItem[] => {
  if (!idem) return [];
  const nowEpochSeconds = epochSeconds(now);
  const response: StoredResponse = { status: idem.status, body };
  return [
    {
      item: {
        Put: {
          TableName: TABLE_NAME,
          Item: {
            ...KEY.idempotency(idem.key),
            type: 'Idempotency',
            scope: idem.scope,
            fingerprint: idem.fingerprint,
            response,
            expiresAt: nowEpochSeconds + IDEMPOTENCY_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': nowEpochSeconds },
        },
      },
      onConditionFailed: () => new IdempotencyKeyUsedError(idem),
      decisive: true,
    },
  ];
};

const reused = (message: string) =>
  new BusinessRuleError('idempotency_key_reused', `This Idempotency-Key was already used ${message}.`, {
    errors: [{ path: 'Idempotency-Key', message: `was already used ${message}` }],
  });

/**
 * The first response for this key, if there was one; a 422 when the key was
 * used for another resource, by another caller, or with a different body.
 */
export const storedResponse = async (idem: IdempotencyKey): Promise<StoredResponse | undefined> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.idempotency(idem.key), ConsistentRead: true }));
  if (!Item) return undefined;
  if (Item.scope !== idem.scope) throw reused('on another route or resource, or by another caller');
  if (Item.fingerprint !== idem.fingerprint) throw reused('with a different request body');
  return Item.response as StoredResponse;
};
