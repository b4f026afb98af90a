// A status change in one round trip: the domain's StatusWrite as one
// conditional UpdateItem that moves the byStatus index key too, appends to the
// history list in place, answers the item as written (ALL_NEW), and on a
// refused condition returns the item as it was (ALL_OLD) for the domain to
// explain. No rule is decided here.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { StatusWrite } from '#shared/domain/status-write';
import { withBackoff } from './backoff.ts';
import { concurrentChange, db, TABLE_NAME } from './dynamo.ts';
import { INDEX, type ListedEntity, PARTITION, TABLE_KEY } from './keys.ts';

/** The item as written, or (refused) the item as it was: `undefined` when there was none. */
export type StatusUpdate = { readonly written: Record<string, unknown> } | { readonly refused: Record<string, unknown> | undefined };

export interface StatusUpdateTarget {
  readonly entity: ListedEntity;
  readonly key: Readonly<Record<string, string>>;
  /** Attributes that must be absent (a table-own mark, e.g. an order held by an open cancellation). */
  readonly absent?: readonly string[];
  /** Attributes that must be there (a table-own copy the answer is built from, e.g. a return's comment copies). */
  readonly present?: readonly string[];
  /** Lists that must hold fewer entries than this before the move appends (an order's timeline: orders-repo.ts rolls it over). */
  readonly shorterThan?: Readonly<Record<string, number>>;
}

const TRANSACTION_CONFLICT = 'TransactionConflictException';

export const updateStatus = async <S extends string>(target: StatusUpdateTarget, write: StatusWrite<S>, attempts = 6): Promise<StatusUpdate> => {
  const names: Record<string, string> = { '#status': 'status', '#pk': TABLE_KEY.pk, '#statusPk': INDEX.byStatus.pk };
  const values: Record<string, unknown> = { ':to': write.to, ':statusKey': PARTITION.entityStatus(target.entity, write.to), ':one': 1, ':at': write.at };
  const sets = ['#status = :to', '#statusPk = :statusKey', 'version = version + :one', 'updatedAt = :at'];
  Object.entries(write.set).forEach(([field, value], n) => {
    Object.assign(names, { [`#s${n}`]: field });
    Object.assign(values, { [`:s${n}`]: value });
    sets.push(`#s${n} = :s${n}`);
  });
  Object.entries(write.append).forEach(([field, entries], n) => {
    Object.assign(names, { [`#a${n}`]: field });
    Object.assign(values, { [`:a${n}`]: entries });
    sets.push(`#a${n} = list_append(#a${n}, :a${n})`);
  });
  const froms = write.from.map((status, n) => {
    values[`:f${n}`] = status;
    return `:f${n}`;
  });
  // No status may move to `to`: a condition every item fails, so the refusal still brings the item to explain.
  const conditions = ['attribute_exists(#pk)', froms.length > 0 ? `#status IN (${froms.join(', ')})` : 'attribute_not_exists(#status)'];
  Object.entries(write.require).forEach(([field, value], n) => {
    Object.assign(names, { [`#r${n}`]: field });
    Object.assign(values, { [`:r${n}`]: value });
    conditions.push(`#r${n} = :r${n}`);
  });
  (target.absent ?? []).forEach((field, n) => {
    names[`#x${n}`] = field;
    conditions.push(`attribute_not_exists(#x${n})`);
  });
  (target.present ?? []).forEach((field, n) => {
    names[`#p${n}`] = field;
    conditions.push(`attribute_exists(#p${n})`);
  });
  Object.entries(target.shorterThan ?? {}).forEach(([field, max], n) => {
    Object.assign(names, { [`#l${n}`]: field });
    Object.assign(values, { [`:l${n}`]: max });
    conditions.push(`size(#l${n}) < :l${n}`);
  });
  if (write.expectedVersion !== undefined) {
    values[':v'] = write.expectedVersion;
    conditions.push('version = :v');
  }
  const command = new UpdateCommand({
    TableName: TABLE_NAME,
    Key: target.key,
    UpdateExpression: `SET ${sets.join(', ')}`,
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ReturnValues: 'ALL_NEW',
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  });
  return withBackoff(
    async (): Promise<StatusUpdate> => {
      try {
        const { Attributes } = await db.send(command);
        return { written: Attributes ?? {} };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        return { refused: error.Item ? unmarshall(error.Item as Parameters<typeof unmarshall>[0]) : undefined };
      }
    },
    // A transaction was writing the item at that instant: nothing of ours was written, and the condition is re-checked.
    { attempts, retryIf: (error) => error instanceof Error && error.name === TRANSACTION_CONFLICT, exhausted: concurrentChange },
  );
};
