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
// | idempotency record (TTL 24 h)           | table       | IDEMPOTENCY#<key>       | IDEMPOTENCY               |
// | notification sent marker (TTL 7 d)      | table       | NOTIFY                  | notify#<hash(change#to)>  |
// | settings                                | table       | SETTINGS                | SETTINGS                  |
// | reason by id                            | table       | REASON#<id>             | REASON                    |
// | reasons of a kind (defaults merged in)  | byType      | REASON#<kind>           | <createdAt>#<id>          |
// | reason code unique per kind (guard)     | table       | REASONCODE#<kind>#<code>| REASONCODE                |
// | notes of an order, oldest first         | table       | ORDER#<orderId>         | NOTE#<noteId>             |
// | an order's older timeline entries       | table       | ORDER#<orderId>         | TIMELINE#<firstAt>#<v>    |
// | attachment by id (TTL while pending)    | table       | ATTACHMENT#<id>         | ATTACHMENT                |
// | a customer's comments on a return in one minute (rate limit, TTL) | table | COMMENTS#<returnId>#<cid> | WINDOW#<start> |
// | return request by id (+ its comments)   | table       | RETURN#<id>             | RETURN, COMMENT#<cmtId>   |
// | a customer's returns, newest first      | byOwner     | CUSTOMER#<cid>          | RETURN#<createdAt>#<id>   |
// | returns by status and date              | byStatus    | RETURN#<status>         | <createdAt>#<id>          |
// | all returns by date                     | byType      | RETURN                  | <createdAt>#<id>          |
// | refunds of an order, oldest first       | table       | ORDER#<orderId>         | REFUND#<refundId>         |
// | refund by id alone (pointer + copy)     | table       | REFUND#<refundId>       | REFUND                    |
// | cancellation by id                      | table       | CANCELLATION#<id>       | CANCELLATION              |
// | its order as requested (TTL 30 d)       | table       | CANCELLATION#<id>       | ORDER                     |
// | open cancellation of an order (guard)   | table       | ORDER#<orderId>         | OPENCANCELLATION          |
// | a customer's cancellations, newest first| byOwner     | CUSTOMER#<cid>          | CANCELLATION#<createdAt>#<id> |
// | cancellations by status and date        | byStatus    | CANCELLATION#<status>   | <createdAt>#<id>          |
// | all cancellations by date               | byType      | CANCELLATION            | <createdAt>#<id>          |
// | exchange by id                          | table       | EXCHANGE#<id>           | EXCHANGE                  |
// | exchanges: a customer's, by status, all, filed against an order | byOwner, byStatus, byType, byLookup | as returns, EXCHANGE for RETURN | |
// | orders by number, any case (pointers)   | table       | ORDERNUMBER#<number>    | <createdAt>#<orderId>     |
// | orders by customer email (lower-cased)  | byLookup    | ORDEREMAIL#<email>      | <createdAt>#<id>          |
// | returns filed against an order          | byLookup    | ORDER#<orderId>         | RETURN#<createdAt>#<id>   |
// | cancellations filed against an order    | byLookup    | ORDER#<orderId>         | CANCELLATION#<createdAt>#<id> |
// | refund transactions by gateway          | table       | REFUNDTXN#<gateway>     | <createdAt>#<txnId>       |
// | refund transactions by queue status     | byStatus    | REFUNDTXN#<qstatus>     | <createdAt>#<txnId>       |
// | … by gateway and queue status           | byLookup    | REFUNDTXN#<gateway>#<qstatus> | <createdAt>#<txnId> |
// | all refund transactions by date         | byType      | REFUNDTXN               | <createdAt>#<txnId>       |
// | queue counts (admin summary)            | byStatus    | RETURN#<s>, CANCELLATION#requested, EXCHANGE#<s>, REFUNDTXN#pending / #failure | Select COUNT |
// | webhook endpoints, newest first         | table       | WEBHOOK                 | WEBHOOK#<whkId>           |
// | a webhook's deliveries, newest first    | table       | WEBHOOK#<whkId>         | DELIVERY#<dlvId> (TTL 30 d) |
// | a webhook's in-flight delivery slots    | table       | WEBHOOK#<whkId>         | SLOT#<n> (leases)         |
// | webhook enqueued marker (TTL 7 d)       | table       | NOTIFY                  | webhook#<hash(evt#whk)>   |
// | variant by SKU                          | table       | VARIANT#<sku>           | VARIANT                   |
// | a product's active variants (sparse)    | byType      | PRODUCT#<productId>     | <sku>                     |
// | a customer's credit accounts            | table       | CREDIT#<cid>            | ACCOUNT#<currency>        |
// | their credit transactions, newest first | table       | CREDIT#<cid>            | TXN#<currency>#<seq>      |
// | a debit by id (revert; once-marker)     | table       | SCT#<sctId>             | SCT                       |
// | an origin credited (once-marker)        | table       | CREDITORIGIN#<type>#<id>| CREDITORIGIN              |
// | a lot expired / reminded (once-markers) | table       | CREDITEXPIRY#<lotId>, CREDITREMINDER#<lotId> | … |
// | accounts by next lot expiry (the job)   | byType      | CREDITDUE               | <expiresAt>#<cid>#<cur>   |
// | gift card by code hash; by id (pointer) | table       | GIFTCODE#<hmac>; GIFTCARD#<id> | GIFTCARD           |
// | gift cards newest first; by last 4      | byType; byLookup | GIFTCARD; GIFTCARDLAST4#<last4> | <createdAt>#<id> |
// | redemption tries per customer (TTL 2 m) | table       | REDEEMTRIES#<cid>       | WINDOW#<start>            |
//
// Every key and index name of the table is built here and nowhere else: repositories pass these builders to the query helpers of dynamo.ts, and
// infra/table.ts declares the indexes from `INDEX`, so the CDK table, DynamoDB Local and the code cannot disagree on a name. Refund transaction rows are
// copies of a refund's `transactions`, written by refunds-repo in the same transaction as the refund; `<qstatus>` is the transaction's status, except
// that a failure already followed by a new attempt is filed as `retried` (history, not a task).
//
// Hot partitions: `byType` (ORDER) and `byStatus` (ORDER#pending) take every new
// order. A GSI partition absorbs ~1,000 writes/s, orders of magnitude above a
// shop's order rate; shard the key (ORDER#<n>) if that ever changes.
// `WEBHOOK` holds every endpoint in one partition: a shop has a handful, written
// by admins, and the events consumer reads them all in one Query.
// Store credit: a customer's account and rows share `CREDIT#<cid>`; each movement
// rewrites the account (version-conditioned): serialized per customer on purpose.
// `CREDITDUE` (byType): every account with an expiring lot, rewritten at the shop's credit-movement rate (≪ 1,000/s).

import { ValidationError } from '#shared/domain/errors';

/** A key schema: the table's own key, or one of its indexes (`name` is what a Query's `IndexName` takes). */
export interface KeySchema {
  readonly name?: IndexName;
  readonly pk: string;
  readonly sk: string;
}

/** The table's own key. */
export const TABLE_KEY = { pk: 'PK', sk: 'SK' } as const satisfies KeySchema;

/**
 * What an index entry carries besides the table's and its own keys. A list answers whole resources, but its index entries must not copy them: every
 * write of an item rewrites each index entry that projects a changed attribute, and the big or growing ones (an order's timeline, a request's comment
 * copies and history, the refund counters) would be written again into up to four indexes on every comment and status change. So the indexes carry keys
 * only, and a list reads its page of keys, then the page's items in one eventually consistent BatchGetItem (dynamo.ts `queryPage`): a write costs the
 * item plus a key-sized entry per index it moves in, a list one more round trip and the items it shows. `status` rides along where a list filters on it
 * after the key condition (a customer's orders or returns by status, an email's orders by status): a FilterExpression reads only the index entry.
 */
export interface IndexProjection {
  readonly type: 'KEYS_ONLY' | 'INCLUDE';
  readonly attributes: readonly string[];
}
const KEYS_ONLY: IndexProjection = { type: 'KEYS_ONLY', attributes: [] };
const WITH_STATUS: IndexProjection = { type: 'INCLUDE', attributes: ['status'] };

/** The table's global secondary indexes; infra/table.ts declares them from this. */
export const INDEX = {
  /** A customer's orders / returns / cancellations, newest first; filtered by status. */
  byOwner: { name: 'byOwner', pk: 'GSI1PK', sk: 'GSI1SK', projection: WITH_STATUS },
  /** Admin lists filtered by status, by date; queue counts (Select COUNT reads keys only). */
  byStatus: { name: 'byStatus', pk: 'GSI2PK', sk: 'GSI2SK', projection: KEYS_ONLY },
  /** Admin lists of everything of a type, by date; stored reasons of a kind. */
  byType: { name: 'byType', pk: 'GSI3PK', sk: 'GSI3SK', projection: KEYS_ONLY },
  /**
   * Sparse lookups the three above cannot hold, because orders, returns and
   * cancellations already use all three: orders by email (filtered by status),
   * everything filed against an order, the payout queue by gateway and status.
   * One index for all of them: CloudFormation adds one GSI per stack update.
   */
  byLookup: { name: 'byLookup', pk: 'GSI4PK', sk: 'GSI4SK', projection: WITH_STATUS },
} as const satisfies Record<string, { readonly name: string; readonly pk: string; readonly sk: string; readonly projection: IndexProjection }>;

export type IndexName = keyof typeof INDEX;

// Orders, returns, cancellations and exchanges share one index layout. An exchange is listed where a return is (the same
// queries); its item (state machine, frozen prices: a few KB) is rewritten only on status changes, moving byStatus like a return.
export type ListedEntity = 'ORDER' | 'RETURN' | 'CANCELLATION' | 'EXCHANGE';

/** `<createdAt>#<id>`: the sort key of every by-date list. */
const byDate = (e: { readonly createdAt: string; readonly id: string }) => `${e.createdAt}#${e.id}`;

export const KEY = {
  order: (id: string) => ({ PK: `ORDER#${id}`, SK: 'ORDER' }),
  stock: (sku: string) => ({ PK: `STOCK#${sku}`, SK: 'STOCK' }),
  /** One record per key, whoever sent it: the record's scope says what it may answer for. */
  idempotency: (key: string) => ({ PK: `IDEMPOTENCY#${key}`, SK: 'IDEMPOTENCY' }),
  settings: () => ({ PK: 'SETTINGS', SK: 'SETTINGS' }),
  reason: (id: string) => ({ PK: `REASON#${id}`, SK: 'REASON' }),
  reasonCode: (kind: string, code: string) => ({ PK: `REASONCODE#${kind}#${code}`, SK: 'REASONCODE' }),
  orderNote: (orderId: string, noteId: string) => ({ PK: `ORDER#${orderId}`, SK: `${ITEM_PREFIX.note}${noteId}` }),
  /** A page of an order's older timeline entries (orders-repo.ts): sorted by its first entry's time, then the order version that moved it. */
  orderTimelinePage: (orderId: string, firstAt: string, version: number) => ({
    PK: `ORDER#${orderId}`,
    SK: `${ITEM_PREFIX.timelinePage}${firstAt}#${String(version).padStart(10, '0')}`,
  }),
  attachment: (id: string) => ({ PK: `ATTACHMENT#${id}`, SK: 'ATTACHMENT' }),
  returnRequest: (id: string) => ({ PK: `RETURN#${id}`, SK: 'RETURN' }),
  returnComment: (returnId: string, commentId: string) => ({ PK: `RETURN#${returnId}`, SK: `${ITEM_PREFIX.comment}${commentId}` }),
  /** Outside the return's partition, which a read of the request takes whole. */
  commentWindow: (returnId: string, customerId: string, start: number) => ({ PK: `COMMENTS#${returnId}#${customerId}`, SK: `WINDOW#${start}` }),
  refund: (orderId: string, refundId: string) => ({ PK: `ORDER#${orderId}`, SK: `${ITEM_PREFIX.refund}${refundId}` }),
  /** The settle-transaction route knows only the refund id; this small item names its order (strongly consistent, unlike a GSI). */
  refundRef: (refundId: string) => ({ PK: `REFUND#${refundId}`, SK: 'REFUND' }),
  cancellation: (id: string) => ({ PK: `CANCELLATION#${id}`, SK: 'CANCELLATION' }),
  exchange: (id: string) => ({ PK: `EXCHANGE#${id}`, SK: 'EXCHANGE' }),
  /** The order as a cancellation request left it: the approval reads it beside the request, by the request's id alone. */
  cancellationOrder: (id: string) => ({ PK: `CANCELLATION#${id}`, SK: 'ORDER' }),
  /** At most one `requested` cancellation per order: a conditional put on this item. */
  openCancellation: (orderId: string) => ({ PK: `ORDER#${orderId}`, SK: 'OPENCANCELLATION' }),
  /** Order numbers are not unique (the storefront may send its own), so each order has its own pointer under the number. */
  orderNumber: (number: string, createdAt: string, orderId: string) => ({ PK: PARTITION.ordersByNumber(number), SK: `${createdAt}#${orderId}` }),
  /** Gateway and creation time of a transaction never change, so its row keeps its key while its status moves (in the indexes). */
  refundTransaction: (gateway: string, createdAt: string, txnId: string) => ({ PK: PARTITION.transactionsByGateway(gateway), SK: `${createdAt}#${txnId}` }),
  webhook: (id: string) => ({ PK: PARTITION.webhooks, SK: `${ITEM_PREFIX.webhook}${id}` }),
  webhookDelivery: (endpointId: string, deliveryId: string) => ({ PK: PARTITION.webhookItems(endpointId), SK: `${ITEM_PREFIX.delivery}${deliveryId}` }),
  /** One of an endpoint's concurrent-delivery leases (webhooks-repo.ts claimSlot). */
  webhookSlot: (endpointId: string, slot: number) => ({ PK: PARTITION.webhookItems(endpointId), SK: `SLOT#${slot}` }),
  variant: (sku: string) => ({ PK: `VARIANT#${sku}`, SK: 'VARIANT' }),
  creditAccount: (customerId: string, currency: string) => ({ PK: PARTITION.credit(customerId), SK: `${ITEM_PREFIX.creditAccount}${currency}` }),
  /** By `seq`, the account version its movement wrote: commit order (ids are drawn before a race is decided). */
  creditTransaction: (cid: string, cur: string, seq: number) => ({ PK: PARTITION.credit(cid), SK: `TXN#${cur}#${String(seq).padStart(12, '0')}` }),
  /** A debit by its id alone (for its revert), and once-markers: its `revertedBy`, an origin's credit, a lot's expiry. */
  creditDebit: (id: string) => ({ PK: `SCT#${id}`, SK: 'SCT' }),
  creditOrigin: (type: string, id: string) => ({ PK: `CREDITORIGIN#${type}#${id}`, SK: 'CREDITORIGIN' }),
  creditExpiry: (lotId: string) => ({ PK: `CREDITEXPIRY#${lotId}`, SK: 'CREDITEXPIRY' }),
  creditReminder: (lotId: string) => ({ PK: `CREDITREMINDER#${lotId}`, SK: 'CREDITREMINDER' }),
  giftCardByCode: (codeHash: string) => ({ PK: `GIFTCODE#${codeHash}`, SK: 'GIFTCARD' }),
  giftCard: (id: string) => ({ PK: `GIFTCARD#${id}`, SK: 'GIFTCARD' }),
  redeemTries: (customerId: string, start: number) => ({ PK: `REDEEMTRIES#${customerId}`, SK: `WINDOW#${start}` }),
} as const;

/** Partition values of the lists above that are not a single entity's own key. */
export const PARTITION = {
  /** byOwner: everything of a customer; the sort key starts with the entity (`OWNED_PREFIX`). */
  owner: (customerId: string) => `CUSTOMER#${customerId}`,
  /** byStatus: the items of one entity in one status (lists and queue counts). */
  entityStatus: (entity: ListedEntity, status: string) => `${entity}#${status}`,
  /** byType: every item of an entity. */
  entity: (entity: ListedEntity) => entity,
  /** byType: the stored reasons of a kind. */
  reasonsOfKind: (kind: string) => `REASON#${kind}`,
  /** The order's own partition: the order, its notes and its refunds (`ITEM_PREFIX`). */
  orderItems: (orderId: string) => KEY.order(orderId).PK,
  /** The return's own partition: the request and its comments. */
  returnItems: (returnId: string) => KEY.returnRequest(returnId).PK,
  webhooks: 'WEBHOOK',
  /** An endpoint's own partition: its deliveries and slots. */
  webhookItems: (endpointId: string) => `WEBHOOK#${endpointId}`,
  /** Powertools' exactly-once markers (send-once.ts): one static partition, the SK is its own. */
  notifyMarkers: 'NOTIFY',
  /** Case-insensitive, like the email: a customer reads "7q2m4k6p" off a receipt as readily as "7Q2M4K6P". */
  ordersByNumber: (number: string) => `ORDERNUMBER#${number.trim().toLowerCase()}`,
  /** Case-insensitive: a customer quotes their email however they like. */
  ordersByEmail: (email: string) => `ORDEREMAIL#${email.trim().toLowerCase()}`,
  filedAgainstOrder: (orderId: string) => `ORDER#${orderId}`,
  transactions: 'REFUNDTXN',
  transactionsByGateway: (gateway: string) => `REFUNDTXN#${gateway}`,
  transactionsByStatus: (status: string) => `REFUNDTXN#${status}`,
  transactionsByGatewayAndStatus: (gateway: string, status: string) => `REFUNDTXN#${gateway}#${status}`,
  /** byType: a product's active variants. */
  productVariants: (productId: string) => `PRODUCT#${productId}`,
  credit: (customerId: string) => `CREDIT#${customerId}`,
  creditDue: 'CREDITDUE',
  giftCards: 'GIFTCARD',
  giftCardsByLast4: (last4: string) => `GIFTCARDLAST4#${last4.toUpperCase()}`,
} as const;

/** Sort-key prefixes of the items that share a partition. */
export const ITEM_PREFIX = {
  note: 'NOTE#',
  timelinePage: 'TIMELINE#',
  comment: 'COMMENT#',
  refund: 'REFUND#',
  webhook: 'WEBHOOK#',
  delivery: 'DELIVERY#',
  creditAccount: 'ACCOUNT#',
  creditTransaction: 'TXN#',
  /** byOwner and byLookup (filed against an order): one entity's items among a customer's or an order's. */
  entity: (entity: ListedEntity) => `${entity}#`,
} as const;

/** Index keys of an order, return or cancellation, recomputed on every write so a status change moves it between byStatus partitions. */
export const entityIndexKeys = (entity: ListedEntity, e: { readonly id: string; readonly status: string; readonly createdAt: string }, customerId: string) => ({
  GSI1PK: PARTITION.owner(customerId),
  GSI1SK: `${ITEM_PREFIX.entity(entity)}${byDate(e)}`,
  GSI2PK: PARTITION.entityStatus(entity, e.status),
  GSI2SK: byDate(e),
  GSI3PK: PARTITION.entity(entity),
  GSI3SK: byDate(e),
});

/** byType keys of a stored reason: the reasons of its kind. */
export const reasonIndexKeys = (reason: { readonly id: string; readonly kind: string; readonly createdAt: string }) => ({
  GSI3PK: PARTITION.reasonsOfKind(reason.kind),
  GSI3SK: byDate(reason),
});

/**
 * byType keys of a variant: only an active one is listed under its product (a
 * sparse index), so a product's list never reads the variants it no longer sells.
 */
export const variantIndexKeys = (variant: { readonly sku: string; readonly productId: string; readonly active: boolean }) =>
  variant.active ? { GSI3PK: PARTITION.productVariants(variant.productId), GSI3SK: variant.sku } : {};

/** byLookup keys of an order: found by its customer's email. */
export const orderLookupKeys = (order: { readonly id: string; readonly createdAt: string; readonly customer: { readonly email: string } }) => ({
  GSI4PK: PARTITION.ordersByEmail(order.customer.email),
  GSI4SK: byDate(order),
});

/** byLookup keys of a return request, cancellation or exchange: listed with everything else filed against its order. */
export const filedAgainstOrderKeys = (
  entity: Exclude<ListedEntity, 'ORDER'>,
  e: { readonly id: string; readonly orderId: string; readonly createdAt: string },
) => ({
  GSI4PK: PARTITION.filedAgainstOrder(e.orderId),
  GSI4SK: `${ITEM_PREFIX.entity(entity)}${byDate(e)}`,
});

/** Index keys of a refund transaction row, recomputed on every write so a settlement moves it between queues. */
export const transactionRowKeys = (t: { readonly id: string; readonly gateway: string; readonly createdAt: string }, queueStatus: string) => ({
  ...KEY.refundTransaction(t.gateway, t.createdAt, t.id),
  GSI2PK: PARTITION.transactionsByStatus(queueStatus),
  GSI2SK: byDate(t),
  GSI3PK: PARTITION.transactions,
  GSI3SK: byDate(t),
  GSI4PK: PARTITION.transactionsByGatewayAndStatus(t.gateway, queueStatus),
  GSI4SK: byDate(t),
});

/** byType key of an account with a lot that expires: found by the expiry job from its soonest expiry. */
export const creditDueKeys = (account: { readonly customerId: string; readonly currency: string }, nextExpiry: string | null) =>
  nextExpiry === null ? {} : { GSI3PK: PARTITION.creditDue, GSI3SK: `${nextExpiry}#${account.customerId}#${account.currency}` };

/** byType and byLookup keys of a gift card: the newest-first list and the last-4 filter. */
export const giftCardIndexKeys = (card: { readonly id: string; readonly createdAt: string; readonly last4: string }) => {
  const sort = byDate(card);
  return { GSI3PK: PARTITION.giftCards, GSI3SK: sort, GSI4PK: PARTITION.giftCardsByLast4(card.last4), GSI4SK: sort };
};

/** Sort-key bounds for a date range on `<createdAt>#<id>` keys (inclusive days). */
export const dateRange = (prefix: string, dateStart?: string, dateEnd?: string): { from: string; to: string } => {
  const from = `${prefix}${dateStart ?? '0000'}`;
  // `~` sorts after every digit and letter, so a bare date includes its whole day.
  const to = `${prefix}${dateEnd ?? '9999'}~`;
  // DynamoDB refuses a BETWEEN whose bounds are reversed (a ValidationException, so a 500): it is the caller's 400.
  if (from > to) throw new ValidationError([{ path: 'dateEnd', message: 'must not be before dateStart' }]);
  return { from, to };
};
