// Order notes: items in the order's own partition (SK NOTE#<id>, ULID ids sort
// by time), so an order's notes are one Query and never cross orders.
import { NotFoundError } from '#shared/domain/errors';
import type { OrderNote } from '#shared/domain/note';
import { type GuardedItem, type Page, type PageRequest, queryPage, stripKeys, TABLE_NAME, transact, versionedPut } from './dynamo.ts';
import { type IdempotencyKey, idempotencyRecord } from './idempotency.ts';
import { ITEM_PREFIX, KEY, PARTITION, TABLE_KEY } from './keys.ts';

const noteOf = (item: Record<string, unknown>): OrderNote => stripKeys<OrderNote>(item);

const toItem = (note: OrderNote) => ({ ...KEY.orderNote(note.orderId, note.id), type: 'OrderNote', ...note });

/**
 * Writes a note (and its idempotent response) in one transaction. The order is
 * condition-checked in the same transaction, so a note never points at nothing.
 */
export const insertNote = async (note: OrderNote, idempotency: IdempotencyKey | undefined): Promise<void> => {
  const items: GuardedItem[] = [
    {
      item: { ConditionCheck: { TableName: TABLE_NAME, Key: KEY.order(note.orderId), ConditionExpression: 'attribute_exists(PK)' } },
      onConditionFailed: () => new NotFoundError('The order'),
    },
    versionedPut(toItem(note)),
    ...idempotencyRecord(idempotency, note, note.createdAt),
  ];
  await transact(items);
};

/**
 * An order's notes, oldest first. `customerOnly` drops private notes in the
 * query itself (a filter), so they never reach the handler of a customer call.
 */
export const listNotes = (orderId: string, page: PageRequest, customerOnly: boolean): Promise<Page<OrderNote>> =>
  queryPage(
    {
      key: { keys: TABLE_KEY, partition: PARTITION.orderItems(orderId), prefix: ITEM_PREFIX.note },
      ...(customerOnly ? { FilterExpression: 'visibility = :customer', ExpressionAttributeValues: { ':customer': 'customer' } } : {}),
      ConsistentRead: true,
    },
    page,
    noteOf,
  );
