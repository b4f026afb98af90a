// The one DynamoDB table, declared once: the CDK stack and the local bootstrap
// (DynamoDB Local) both build it from this description. Its key and index
// names come from shared/adapters/keys.ts, where every query reads them, so the
// table and the code cannot disagree; the access patterns are tabled there too.
import { INDEX, TABLE_KEY } from '#shared/adapters/keys';

export const TABLE = {
  partitionKey: TABLE_KEY.pk,
  sortKey: TABLE_KEY.sk,
  /** Epoch seconds; idempotency records, notification markers, pending uploads. */
  ttlAttribute: 'expiresAt',
  indexes: Object.values(INDEX).map(({ name, pk, sk, projection }) => ({ name, partitionKey: pk, sortKey: sk, projection })),
} as const;
