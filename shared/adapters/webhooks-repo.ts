// Webhook endpoints (one partition, `WEBHOOK`) and their deliveries and
// in-flight leases (the endpoint's own partition, `WEBHOOK#<id>`). The signing
// secret is stored sealed (secret-box.ts) and never leaves this module except
// to the delivery function that signs with it, and (sealed) to the answer a
// replayed creation gives again.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import type { SigningKeys, WebhookDelivery, WebhookEndpoint } from '#shared/domain/webhook';
import { db, epochSeconds, type Page, type PageRequest, queryPage, stripKeys, TABLE_NAME, transact, versionedPut } from './dynamo.ts';
import { type IdempotencyKey, idempotencyRecord } from './idempotency.ts';
import { ITEM_PREFIX, KEY, PARTITION, TABLE_KEY } from './keys.ts';
import { openSecret, sealSecret } from './secret-box.ts';

/** Deliveries (and their attempts) are kept 30 days. */
const DELIVERY_TTL_SECONDS = 30 * 24 * 60 * 60;

/** The sealed secrets on the item: the current one, and the one a rotation replaced with the end of its overlap. */
interface SealedSecrets {
  readonly sealedSecret: string;
  readonly previousSealedSecret?: string;
  readonly previousSecretUntil?: string;
}

const endpointOf = (item: Record<string, unknown>): WebhookEndpoint => {
  const { sealedSecret, previousSealedSecret, previousSecretUntil, ...endpoint } = stripKeys<WebhookEndpoint & SealedSecrets>(item);
  return endpoint;
};

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

export const insertEndpoint = async (endpoint: WebhookEndpoint, secret: string, idempotency: IdempotencyKey | undefined): Promise<void> => {
  const sealedSecret = await sealSecret(secret, endpoint.id);
  await transact([
    // The remembered answer holds the secret sealed too (never in clear, not even there); a replay opens it.
    ...idempotencyRecord(idempotency, { ...endpoint, sealedSecret }, endpoint.createdAt),
    versionedPut({ ...KEY.webhook(endpoint.id), type: 'WebhookEndpoint', ...endpoint, sealedSecret }),
  ]);
};

const storedEndpoint = async (id: string) =>
  (await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.webhook(id), ConsistentRead: true }))).Item as Record<string, unknown> | undefined;

export const getEndpoint = async (id: string): Promise<WebhookEndpoint | undefined> => {
  const item = await storedEndpoint(id);
  return item ? endpointOf(item) : undefined;
};

export const getEndpointOrThrow = async (id: string): Promise<WebhookEndpoint> => {
  const endpoint = await getEndpoint(id);
  if (!endpoint) throw new NotFoundError('The webhook endpoint');
  return endpoint;
};

/** The endpoint and its secrets in clear, for signing (which of them sign when: signingSecrets). */
export const getEndpointWithSecrets = async (id: string): Promise<{ endpoint: WebhookEndpoint; secrets: SigningKeys<string> } | undefined> => {
  const item = await storedEndpoint(id);
  if (!item) return undefined;
  const { sealedSecret, previousSealedSecret, previousSecretUntil } = item as Record<string, unknown> & Partial<SealedSecrets>;
  const current = await openSecret(String(sealedSecret), id);
  const previous = previousSealedSecret && previousSecretUntil ? { secret: await openSecret(previousSealedSecret, id), until: previousSecretUntil } : undefined;
  return { endpoint: endpointOf(item), secrets: { current, previous } };
};

export const listEndpoints = (page: PageRequest): Promise<Page<WebhookEndpoint>> =>
  queryPage(
    {
      key: { keys: TABLE_KEY, partition: PARTITION.webhooks, prefix: ITEM_PREFIX.webhook },
      ScanIndexForward: false,
      ConsistentRead: true,
    },
    page,
    endpointOf,
  );

/** Every endpoint, page by page (a shop has a handful): what the events consumer fans out to. */
export const allEndpoints = async (): Promise<WebhookEndpoint[]> => {
  const all: WebhookEndpoint[] = [];
  let cursor: string | undefined;
  do {
    const page = await listEndpoints({ limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
};

/** A new secret, and until when the one it replaces keeps signing. */
export interface Rotation {
  readonly secret: string;
  readonly previousUntil: string;
}

/**
 * Replaces the endpoint (and rotates its secret, when asked) if it is still at
 * the version read: two admins saving the same endpoint cannot both win. A
 * rotation moves the stored secret, still sealed, to `previousSealedSecret`
 * (one previous only: a second rotation within the overlap drops the oldest).
 */
export const saveEndpoint = async (next: WebhookEndpoint, previousVersion: number, rotation?: Rotation): Promise<void> => {
  const rotate = rotation ? ', previousSealedSecret = sealedSecret, previousSecretUntil = :previousUntil, sealedSecret = :sealed' : '';
  try {
    await db.send(
      new UpdateCommand({
        TableName: TABLE_NAME,
        Key: KEY.webhook(next.id),
        // Operands read the item before the update: `previousSealedSecret = sealedSecret` keeps the old one.
        UpdateExpression: `SET #url = :url, events = :events, enabled = :enabled, description = :description, updatedAt = :updatedAt, version = :version${rotate}`,
        ConditionExpression: 'version = :previous',
        ExpressionAttributeNames: { '#url': 'url' },
        ExpressionAttributeValues: {
          ':url': next.url,
          ':events': next.events,
          ':enabled': next.enabled,
          ':description': next.description,
          ':updatedAt': next.updatedAt,
          ':version': next.version,
          ':previous': previousVersion,
          ...(rotation ? { ':sealed': await sealSecret(rotation.secret, next.id), ':previousUntil': rotation.previousUntil } : {}),
        },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('The webhook endpoint was changed or deleted concurrently; reload it and retry.');
    throw error;
  }
};

export const deleteEndpoint = async (id: string): Promise<void> => {
  try {
    await db.send(new DeleteCommand({ TableName: TABLE_NAME, Key: KEY.webhook(id), ConditionExpression: 'attribute_exists(PK)' }));
  } catch (error) {
    if (isConditionFailure(error)) throw new NotFoundError('The webhook endpoint');
    throw error;
  }
};

/** A delivery as stored: the answer's fields plus the event body it sends and the attempts of its current round. */
export interface StoredDelivery extends WebhookDelivery {
  readonly payload: string;
  /** Attempts since it was enqueued or last replayed: what the retry schedule counts. */
  readonly roundAttempts: number;
}

/** The delivery as answered: without the body it sends and the round counter. */
export const publicDelivery = (stored: StoredDelivery): WebhookDelivery => {
  const { payload, roundAttempts, ...delivery } = stored;
  return delivery;
};

const deliveryItem = (delivery: StoredDelivery) => ({
  ...KEY.webhookDelivery(delivery.endpointId, delivery.id),
  type: 'WebhookDelivery',
  ...delivery,
  expiresAt: epochSeconds(delivery.updatedAt) + DELIVERY_TTL_SECONDS,
});

/**
 * Writes a new delivery; false when it already exists (the same event for the same endpoint, enqueued before).
 * With an Idempotency-Key (an admin's ping: always a fresh event, so never there before), its answer is
 * remembered in the same transaction, and a reused key is the replay's IdempotencyKeyUsedError.
 */
export const insertDelivery = async (delivery: StoredDelivery, idempotency?: IdempotencyKey): Promise<boolean> => {
  try {
    if (idempotency) await transact([...idempotencyRecord(idempotency, publicDelivery(delivery), delivery.createdAt), versionedPut(deliveryItem(delivery))]);
    else await db.send(new PutCommand({ TableName: TABLE_NAME, Item: deliveryItem(delivery), ConditionExpression: 'attribute_not_exists(PK)' }));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

export const getDelivery = async (endpointId: string, deliveryId: string): Promise<StoredDelivery | undefined> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.webhookDelivery(endpointId, deliveryId), ConsistentRead: true }));
  return Item ? stripKeys<StoredDelivery>(Item) : undefined;
};

/**
 * Replaces a delivery if it is still at `previousVersion`. Race: a message
 * SQS delivers twice reaches two invocations that both read v2; the first to
 * record its attempt wins, the other finds v3 and drops its copy, so one
 * attempt is one POST. Returns false when it lost.
 */
export const saveDelivery = async (next: StoredDelivery, previousVersion: number): Promise<boolean> => {
  try {
    await db.send(
      new PutCommand({
        TableName: TABLE_NAME,
        Item: deliveryItem(next),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': previousVersion },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

export const listDeliveries = (endpointId: string, page: PageRequest): Promise<Page<WebhookDelivery>> =>
  queryPage(
    {
      key: { keys: TABLE_KEY, partition: PARTITION.webhookItems(endpointId), prefix: ITEM_PREFIX.delivery },
      ScanIndexForward: false,
      ConsistentRead: true,
    },
    page,
    (item) => publicDelivery(stripKeys<StoredDelivery>(item)),
  );

/**
 * Takes one of the endpoint's `slots` in-flight leases, or returns undefined
 * when all are held. A lease is an item with an expiry: a crashed invocation's
 * lease lapses by itself after `leaseMs`, so a slot is never lost for good.
 */
export const claimSlot = async (endpointId: string, slots: number, nowMs: number, leaseMs: number, holder: string): Promise<number | undefined> => {
  for (let slot = 0; slot < slots; slot++) {
    try {
      await db.send(
        new PutCommand({
          TableName: TABLE_NAME,
          Item: {
            ...KEY.webhookSlot(endpointId, slot),
            type: 'WebhookSlot',
            holder,
            leaseUntil: nowMs + leaseMs,
            expiresAt: Math.ceil((nowMs + leaseMs) / 1000) + 3600,
          },
          ConditionExpression: 'attribute_not_exists(PK) OR leaseUntil < :now',
          ExpressionAttributeValues: { ':now': nowMs },
        }),
      );
      return slot;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  return undefined;
};

/** Gives the lease back, only if it is still ours (it may have lapsed and been taken). */
export const releaseSlot = async (endpointId: string, slot: number, holder: string): Promise<void> => {
  try {
    await db.send(
      new DeleteCommand({
        TableName: TABLE_NAME,
        Key: KEY.webhookSlot(endpointId, slot),
        ConditionExpression: 'holder = :h',
        ExpressionAttributeValues: { ':h': holder },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};
