// Counts of the back office's queues, each one COUNT Query on the byStatus
// index (never a Scan), paged to completion.
//
// Why the counts are exact under concurrency: every status change is one
// conditional write of the entity (or of a refund and its transaction rows, in
// one transaction), which moves its single byStatus entry from the old
// partition to the new one. An item is therefore in exactly one status
// partition, and a count of a partition read to its last page (a COUNT page
// stops at 1 MB, so one page is not enough) counts each item in it once. GSIs
// are eventually consistent: right after racing writers the count may lag the
// last changes by the index's propagation delay (under a second), then equals
// the table; it never counts an item twice or in two statuses. Counters kept in
// the same transaction as each change would be exact at once, but they put
// every status change of the shop on one hot item; a queue screen does not
// need that. The cost of a count follows the size of its queue (open items
// only: finals such as refunded or denied are never counted), not the table.
import { type AdminSummary, CANCELLATION_QUEUES, RETURN_QUEUES, TRANSACTION_QUEUES } from '#shared/domain/admin-summary';
import { forEachPage } from './dynamo.ts';
import { INDEX, type KeySchema, type ListedEntity, PARTITION } from './keys.ts';

/** Items in one partition of an index, every page of it (COUNT pages stop at 1 MB read). */
export const countPartition = async (keys: KeySchema, partition: string): Promise<number> => {
  let total = 0;
  await forEachPage({ key: { keys, partition }, Select: 'COUNT' }, (page) => {
    total += page.Count ?? 0;
  });
  return total;
};

const countStatusPartition = (partition: string): Promise<number> => countPartition(INDEX.byStatus, partition);

const countEach = async <K extends string>(statuses: Readonly<Record<K, string>>, partitionOf: (status: string) => string): Promise<Record<K, number>> => {
  const entries = Object.entries(statuses) as [K, string][];
  const counts = await Promise.all(entries.map(([, status]) => countStatusPartition(partitionOf(status))));
  return Object.fromEntries(entries.map(([name], i) => [name, counts[i] ?? 0])) as Record<K, number>;
};

const byName = <S extends string>(statuses: readonly S[]) => Object.fromEntries(statuses.map((s) => [s, s])) as Record<S, S>;
const entityStatus = (entity: ListedEntity) => (status: string) => PARTITION.entityStatus(entity, status);

/** Every queue counted in parallel (8 Queries). */
export const countQueues = async (): Promise<AdminSummary> => {
  const [returns, cancellations, refundTransactions] = await Promise.all([
    countEach(byName(RETURN_QUEUES), entityStatus('RETURN')),
    countEach(byName(CANCELLATION_QUEUES), entityStatus('CANCELLATION')),
    countEach(TRANSACTION_QUEUES, PARTITION.transactionsByStatus),
  ]);
  return { returns, cancellations, refundTransactions };
};
