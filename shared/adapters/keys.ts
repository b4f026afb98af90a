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
// | notification sent marker (TTL)          | table       | NOTIFY                  | <entity>#<version>        |
// | settings                                | table       | SETTINGS                | SETTINGS                  |
//
// Hot partitions: `byType` (ORDER) and `byStatus` (ORDER#pending) take every new
// order. A GSI partition absorbs ~1,000 writes/s, orders of magnitude above a
// shop's order rate; shard the key (ORDER#<n>) if that ever changes.

export const KEY = {
  order: (id: string) => ({ PK: `ORDER#${id}`, SK: 'ORDER' }),
  stock: (sku: string) => ({ PK: `STOCK#${sku}`, SK: 'STOCK' }),
  idempotency: (scope: string, key: string) => ({ PK: `IDEMPOTENCY#${scope}#${key}`, SK: 'IDEMPOTENCY' }),
  settings: () => ({ PK: 'SETTINGS', SK: 'SETTINGS' }),
} as const;

/** Index keys of an order, recomputed on every write so a status change moves it. */
export const orderIndexKeys = (order: { id: string; status: string; createdAt: string; customer: { customerId: string } }) => ({
  GSI1PK: `CUSTOMER#${order.customer.customerId}`,
  GSI1SK: `ORDER#${order.createdAt}#${order.id}`,
  GSI2PK: `ORDER#${order.status}`,
  GSI2SK: `${order.createdAt}#${order.id}`,
  GSI3PK: 'ORDER',
  GSI3SK: `${order.createdAt}#${order.id}`,
});

/** Sort-key bounds for a date range on `<createdAt>#<id>` keys (inclusive days). */
export const dateRange = (prefix: string, dateStart?: string, dateEnd?: string): { from: string; to: string } => ({
  from: `${prefix}${dateStart ?? ''}`,
  // `~` sorts after every digit and letter, so a bare date includes its whole day.
  to: `${prefix}${dateEnd ?? '9999'}~`,
});
