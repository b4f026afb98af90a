// The one DynamoDB table, declared once: the CDK stack and the local bootstrap
// (DynamoDB Local) both build it from this description.
// Access patterns and key builders live in shared/adapters/keys.ts.

export const TABLE = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Epoch seconds; idempotency records, notification markers, pending uploads. */
  ttlAttribute: 'expiresAt',
  indexes: [
    /** By owner: a customer's orders / returns / cancellations, newest first. */
    { name: 'byOwner', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    /** By type and status: admin lists filtered by status, by date. */
    { name: 'byStatus', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    /** By type: admin lists of everything of a type, by date. */
    { name: 'byType', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
    /**
     * Sparse lookups the three above cannot hold, because orders, returns and
     * cancellations already use all three: orders by email, everything filed
     * against an order, the payout queue by gateway and status. One index for
     * all of them: CloudFormation adds one GSI per stack update.
     */
    { name: 'byLookup', partitionKey: 'GSI4PK', sortKey: 'GSI4SK' },
  ],
} as const;

export type IndexName = (typeof TABLE.indexes)[number]['name'];
