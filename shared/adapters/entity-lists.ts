// Orders, return requests and cancellations share one index layout and the
// same three lists, so they are queried once here (their keys: keys.ts):
//   byOwner  CUSTOMER#<cid>        / <ENTITY>#<createdAt>#<id>   a customer's, newest first
//   byStatus <ENTITY>#<status>     / <createdAt>#<id>            admin list by status and date
//   byType   <ENTITY>              / <createdAt>#<id>            admin list by date
import { type KeyCondition, type Page, type PageRequest, queryPage } from './dynamo.ts';
import { dateRange, INDEX, ITEM_PREFIX, type ListedEntity, PARTITION } from './keys.ts';

type FromItem<T> = (item: Record<string, unknown>) => T;

/** A customer's own items of one kind, newest first. */
export const listOwned = <T>(entity: ListedEntity, customerId: string, page: PageRequest, map: FromItem<T>): Promise<Page<T>> =>
  queryPage({ key: { keys: INDEX.byOwner, partition: PARTITION.owner(customerId), prefix: ITEM_PREFIX.entity(entity) }, ScanIndexForward: false }, page, map);

export interface StatusDateFilter {
  readonly status?: string | undefined;
  readonly dateStart?: string | undefined;
  readonly dateEnd?: string | undefined;
  readonly customerId?: string | undefined;
}

/** Admin list: the index that matches the most selective filter; dates bound its sort key; newest first. */
export const listByStatusAndDate = <T>(entity: ListedEntity, filter: StatusDateFilter, page: PageRequest, map: FromItem<T>): Promise<Page<T>> => {
  const [keys, partition, prefix] = filter.customerId
    ? [INDEX.byOwner, PARTITION.owner(filter.customerId), ITEM_PREFIX.entity(entity)]
    : filter.status
      ? [INDEX.byStatus, PARTITION.entityStatus(entity, filter.status), '']
      : [INDEX.byType, PARTITION.entity(entity), ''];
  const key: KeyCondition = { keys, partition, range: dateRange(prefix, filter.dateStart, filter.dateEnd) };
  // Only a customer-and-status query filters after reading (one customer's items are few).
  const statusFilter = filter.customerId && filter.status;
  return queryPage(
    {
      key,
      ...(statusFilter
        ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':status': filter.status } }
        : {}),
      ScanIndexForward: false,
    },
    page,
    map,
  );
};

/** Return requests or cancellations filed against one order (byLookup), newest first. */
export const listFiledAgainst = <T>(entity: Exclude<ListedEntity, 'ORDER'>, orderId: string, page: PageRequest, map: FromItem<T>): Promise<Page<T>> =>
  queryPage(
    { key: { keys: INDEX.byLookup, partition: PARTITION.filedAgainstOrder(orderId), prefix: ITEM_PREFIX.entity(entity) }, ScanIndexForward: false },
    page,
    map,
  );
