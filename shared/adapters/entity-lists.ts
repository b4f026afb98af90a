// Orders, return requests and cancellations share one index layout and the
// same three lists, so they are written once here:
//   byOwner  CUSTOMER#<cid>        / <ENTITY>#<createdAt>#<id>   a customer's, newest first
//   byStatus <ENTITY>#<status>     / <createdAt>#<id>            admin list by status and date
//   byType   <ENTITY>              / <createdAt>#<id>            admin list by date
import { type Page, type PageRequest, queryPage } from './dynamo.ts';
import { dateRange, PARTITION } from './keys.ts';

export type ListedEntity = 'ORDER' | 'RETURN' | 'CANCELLATION';

export interface Listed {
  readonly id: string;
  readonly status: string;
  readonly createdAt: string;
}

/** The byStatus partition of an entity's items in one status (lists and queue counts). */
export const statusPartition = (entity: ListedEntity, status: string): string => `${entity}#${status}`;

/** Index keys, recomputed on every write so a status change moves the item between byStatus partitions. */
export const entityIndexKeys = (entity: ListedEntity, e: Listed, customerId: string) => ({
  GSI1PK: `CUSTOMER#${customerId}`,
  GSI1SK: `${entity}#${e.createdAt}#${e.id}`,
  GSI2PK: statusPartition(entity, e.status),
  GSI2SK: `${e.createdAt}#${e.id}`,
  GSI3PK: entity,
  GSI3SK: `${e.createdAt}#${e.id}`,
});

/** A customer's own items of one kind, newest first. */
export const listOwned = <T>(entity: ListedEntity, customerId: string, page: PageRequest, map: (item: Record<string, unknown>) => T): Promise<Page<T>> =>
  queryPage(
    {
      IndexName: 'byOwner',
      partition: { attr: 'GSI1PK', value: `CUSTOMER#${customerId}` },
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
      ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerId}`, ':prefix': `${entity}#` },
      ScanIndexForward: false,
    },
    page,
    map,
  );

export interface StatusDateFilter {
  readonly status?: string | undefined;
  readonly dateStart?: string | undefined;
  readonly dateEnd?: string | undefined;
  readonly customerId?: string | undefined;
}

/** Admin list: the index that matches the most selective filter; dates bound its sort key; newest first. */
export const listByStatusAndDate = <T>(
  entity: ListedEntity,
  filter: StatusDateFilter,
  page: PageRequest,
  map: (item: Record<string, unknown>) => T,
): Promise<Page<T>> => {
  const index = filter.customerId
    ? { name: 'byOwner', pk: 'GSI1PK', sk: 'GSI1SK', value: `CUSTOMER#${filter.customerId}`, prefix: `${entity}#` }
    : filter.status
      ? { name: 'byStatus', pk: 'GSI2PK', sk: 'GSI2SK', value: statusPartition(entity, filter.status), prefix: '' }
      : { name: 'byType', pk: 'GSI3PK', sk: 'GSI3SK', value: entity, prefix: '' };
  const range = dateRange(index.prefix, filter.dateStart, filter.dateEnd);
  // Only a customer-and-status query filters after reading (one customer's items are few).
  const statusFilter = filter.customerId && filter.status;
  return queryPage(
    {
      IndexName: index.name,
      partition: { attr: index.pk, value: index.value },
      KeyConditionExpression: `${index.pk} = :pk AND ${index.sk} BETWEEN :from AND :to`,
      ...(statusFilter ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } } : {}),
      ExpressionAttributeValues: { ':pk': index.value, ':from': range.from, ':to': range.to, ...(statusFilter ? { ':status': filter.status } : {}) },
      ScanIndexForward: false,
    },
    page,
    map,
  );
};

/** Return requests or cancellations filed against one order (byLookup), newest first. */
export const listFiledAgainst = <T>(
  entity: 'RETURN' | 'CANCELLATION',
  orderId: string,
  page: PageRequest,
  map: (item: Record<string, unknown>) => T,
): Promise<Page<T>> => {
  const pk = PARTITION.filedAgainstOrder(orderId);
  return queryPage(
    {
      IndexName: 'byLookup',
      partition: { attr: 'GSI4PK', value: pk },
      KeyConditionExpression: 'GSI4PK = :pk AND begins_with(GSI4SK, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': `${entity}#` },
      ScanIndexForward: false,
    },
    page,
    map,
  );
};
