// Gift cards (keys.ts): the card lives under the keyed hash of its code, so a
// redemption finds it with one GetItem; a pointer by id serves the admin's
// routes. The code itself is never stored.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import { type GiftCard, REDEEM_TRIES_PER_MINUTE, redeemLimitError, redeemWindowAt } from '#shared/domain/gift-card';
import { db, type GuardedItem, type Page, type PageRequest, queryPage, TABLE_NAME } from './dynamo.ts';
import { dateRange, giftCardIndexKeys, INDEX, KEY, PARTITION } from './keys.ts';

const cardItem = (card: GiftCard, codeHash: string) => ({ ...KEY.giftCardByCode(codeHash), type: 'GiftCard', ...giftCardIndexKeys(card), card });

/** The new card and its pointer by id, for the caller's transaction. */
export const giftCardInserts = (card: GiftCard, codeHash: string): GuardedItem[] => [
  { item: { Put: { TableName: TABLE_NAME, Item: cardItem(card, codeHash), ConditionExpression: 'attribute_not_exists(PK)' } } },
  {
    item: {
      Put: { TableName: TABLE_NAME, Item: { ...KEY.giftCard(card.id), type: 'GiftCardRef', codeHash }, ConditionExpression: 'attribute_not_exists(PK)' },
    },
  },
];

/** The card replaced at the version it was read (a redemption or a disabling racing another: one wins). */
export const giftCardUpdate = (card: GiftCard, codeHash: string, previousVersion: number, onConditionFailed: () => Error): GuardedItem => ({
  item: {
    Put: {
      TableName: TABLE_NAME,
      Item: cardItem(card, codeHash),
      ConditionExpression: 'card.version = :v',
      ExpressionAttributeValues: { ':v': previousVersion },
    },
  },
  onConditionFailed,
});

export const getGiftCardByHash = async (codeHash: string): Promise<GiftCard | undefined> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.giftCardByCode(codeHash), ConsistentRead: true }));
  return Item?.card as GiftCard | undefined;
};

/** The card and the hash it is stored under, by id (404 when none). */
export const getGiftCard = async (id: string): Promise<{ card: GiftCard; codeHash: string }> => {
  const { Item: ref } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.giftCard(id), ConsistentRead: true }));
  const card = ref ? await getGiftCardByHash(String(ref.codeHash)) : undefined;
  if (!ref || !card) throw new NotFoundError('The gift card');
  return { card, codeHash: String(ref.codeHash) };
};

// Bounded like every dated list, so a cursor edited past the dates (`~…`) is DynamoDB's refusal: a 400.
const ALL_DATES = dateRange('');

/** Newest first; `last4` narrows to the cards whose code ends so (what a customer reads out on the phone). */
export const listGiftCards = (filter: { readonly last4?: string | undefined }, page: PageRequest): Promise<Page<GiftCard>> =>
  queryPage(
    filter.last4
      ? { key: { keys: INDEX.byLookup, partition: PARTITION.giftCardsByLast4(filter.last4), range: ALL_DATES }, ScanIndexForward: false }
      : { key: { keys: INDEX.byType, partition: PARTITION.giftCards, range: ALL_DATES }, ScanIndexForward: false },
    page,
    (item) => item.card as GiftCard,
  );

/**
 * Counts one redemption try of the customer in the current minute; past the
 * limit a 429. One conditional ADD: racing tries cannot both slip under it.
 * The counter item expires (TTL) two minutes later.
 */
export const countRedeemTry = async (customerId: string, now: string): Promise<void> => {
  const window = redeemWindowAt(now);
  try {
    await db.send(
      new UpdateCommand({
        TableName: TABLE_NAME,
        Key: KEY.redeemTries(customerId, window.start),
        UpdateExpression: 'ADD tries :one SET #type = :type, expiresAt = :ttl',
        ConditionExpression: 'attribute_not_exists(tries) OR tries < :max',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':one': 1, ':max': REDEEM_TRIES_PER_MINUTE, ':type': 'RedeemTries', ':ttl': window.expiresAt },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    throw redeemLimitError(window);
  }
};

export const cardChanged = () => new ConflictError('The gift card was changed concurrently; reload it and retry.');
