// Key design of the one table. Every access pattern, with the key or index that
// serves it (a Query on a key, never a Scan):
//
// | access pattern                          | key / index | PK                      | SK / sort                 |
// |-----------------------------------------|-------------|-------------------------|---------------------------|
// | order by id                             | table       | ORDER#<id>              | ORDER                     |
// | a customer's orders, newest first       | byOwner     | CUSTOMER#<cid>          | ORDER#<createdAt>#<id>    |
// | orders by status and date               | byStatus    | ORDER#<status>          | <createdAt>#<id>          |
// | all orders by date                      | byType      | ORDER                   | <createdAt>#<id>          |
// | tracked stock of a SKU                  | table       | STOCK#<sku>             | STOCK                     |
// | idempotency record (TTL 24 h)           | table       | IDEMPOTENCY#<scope>#<k> | IDEMPOTENCY               |
// | notification sent marker (TTL 7 d)      | table       | NOTIFY                  | notify#<hash(change#to)>  |
// | settings                                | table       | SETTINGS                | SETTINGS                  |
// | reason by id                            | table       | REASON#<id>             | REASON                    |
// | reasons of a kind (defaults merged in)  | byType      | REASON#<kind>           | <createdAt>#<id>          |
// | reason code unique per kind (guard)     | table       | REASONCODE#<kind>#<code>| REASONCODE                |
// | notes of an order, oldest first         | table       | ORDER#<orderId>         | NOTE#<noteId>             |
// | attachment by id (TTL while pending)    | table       | ATTACHMENT#<id>         | ATTACHMENT                |
// | return request by id (+ its comments)   | table       | RETURN#<id>             | RETURN, COMMENT#<cmtId>   |
// | a customer's returns, newest first      | byOwner     | CUSTOMER#<cid>          | RETURN#<createdAt>#<id>   |
// | returns by status and date              | byStatus    | RETURN#<status>         | <createdAt>#<id>          |
// | all returns by date                     | byType      | RETURN                  | <createdAt>#<id>          |
// | refunds of an order, oldest first       | table       | ORDER#<orderId>         | REFUND#<refundId>         |
// | refund by id alone (pointer → orderId)  | table       | REFUND#<refundId>       | REFUND                    |
// | cancellation by id                      | table       | CANCELLATION#<id>       | CANCELLATION              |
// | open cancellation of an order (guard)   | table       | ORDER#<orderId>         | OPENCANCELLATION          |
// | a customer's cancellations, newest first| byOwner     | CUSTOMER#<cid>          | CANCELLATION#<createdAt>#<id> |
// | cancellations by status and date        | byStatus    | CANCELLATION#<status>   | <createdAt>#<id>          |
// | all cancellations by date               | byType      | CANCELLATION            | <createdAt>#<id>          |
//
// The byOwner/byStatus/byType keys of orders, returns and cancellations are
// built in one place: entity-lists.ts.
//
// Hot partitions: `byType` (ORDER) and `byStatus` (ORDER#pending) take every new
// order. A GSI partition absorbs ~1,000 writes/s, orders of magnitude above a
// shop's order rate; shard the key (ORDER#<n>) if that ever changes.

import { ValidationError } from '#shared/domain/errors';

export const KEY = {
  order: (id: string) => ({ PK: `ORDER#${id}`, SK: 'ORDER' }),
  stock: (sku: string) => ({ PK: `STOCK#${sku}`, SK: 'STOCK' }),
  idempotency: (scope: string, key: string) => ({ PK: `IDEMPOTENCY#${scope}#${key}`, SK: 'IDEMPOTENCY' }),
  settings: () => ({ PK: 'SETTINGS', SK: 'SETTINGS' }),
  reason: (id: string) => ({ PK: `REASON#${id}`, SK: 'REASON' }),
  reasonCode: (kind: string, code: string) => ({ PK: `REASONCODE#${kind}#${code}`, SK: 'REASONCODE' }),
  orderNote: (orderId: string, noteId: string) => ({ PK: `ORDER#${orderId}`, SK: `NOTE#${noteId}` }),
  attachment: (id: string) => ({ PK: `ATTACHMENT#${id}`, SK: 'ATTACHMENT' }),
  returnRequest: (id: string) => ({ PK: `RETURN#${id}`, SK: 'RETURN' }),
  returnComment: (returnId: string, commentId: string) => ({ PK: `RETURN#${returnId}`, SK: `COMMENT#${commentId}` }),
  refund: (orderId: string, refundId: string) => ({ PK: `ORDER#${orderId}`, SK: `REFUND#${refundId}` }),
  /** The settle-transaction route knows only the refund id; this small item names its order (strongly consistent, unlike a GSI). */
  refundRef: (refundId: string) => ({ PK: `REFUND#${refundId}`, SK: 'REFUND' }),
  cancellation: (id: string) => ({ PK: `CANCELLATION#${id}`, SK: 'CANCELLATION' }),
  /** At most one `requested` cancellation per order: a conditional put on this item. */
  openCancellation: (orderId: string) => ({ PK: `ORDER#${orderId}`, SK: 'OPENCANCELLATION' }),
} as const;

/** Sort-key bounds for a date range on `<createdAt>#<id>` keys (inclusive days). */
export const dateRange = (prefix: string, dateStart?: string, dateEnd?: string): { from: string; to: string } => {
  const from = `${prefix}${dateStart ?? '0000'}`;
  // `~` sorts after every digit and letter, so a bare date includes its whole day.
  const to = `${prefix}${dateEnd ?? '9999'}~`;
  // DynamoDB refuses a BETWEEN whose bounds are reversed (a ValidationException, so a 500): it is the caller's 400.
  if (from > to) throw new ValidationError([{ path: 'dateEnd', message: 'must not be before dateStart' }]);
  return { from, to };
};
