// DynamoDB capacity arithmetic for the floors: the units a write of the items
// an operation changed must cost (table + each index entry it touched), the
// cheapest read of what it answered, and what DynamoDB Local reported. Item
// sizes are Local's own (a plain put of each image, measured by the meter):
// its size model counts list and number elements higher than AWS documents,
// so floors from AWS's formula would not be comparable. Pure: data comes from
// test/bench/meter.ts.
import { isDeepStrictEqual } from 'node:util';
import type { ItemWrite, MeteredCall } from './meter.ts';

type Item = Record<string, unknown>;

const GSI = [
  ['byOwner', 'GSI1PK', 'GSI1SK'],
  ['byStatus', 'GSI2PK', 'GSI2SK'],
  ['byType', 'GSI3PK', 'GSI3SK'],
  ['byLookup', 'GSI4PK', 'GSI4SK'],
] as const;

/** Index writes of one item change: a put, an in-place update, or a delete + put when the key moved. */
const indexUnits = (w: ItemWrite): number => {
  const { before, after } = w;
  const b = w.beforeUnits ?? 0;
  const a = w.afterUnits ?? 0;
  let units = 0;
  for (const [, pk, sk] of GSI) {
    const had = before?.[pk] !== undefined && before?.[sk] !== undefined;
    const has = after?.[pk] !== undefined && after?.[sk] !== undefined;
    if (had && has) {
      const moved = before?.[pk] !== after?.[pk] || before?.[sk] !== after?.[sk];
      if (moved) units += b + a;
      else if (!isDeepStrictEqual(before, after)) units += a;
    } else if (has) units += a;
    else if (had) units += b;
  }
  return units;
};

export interface Factors {
  /** Units per transactional write unit: 2 in AWS; what DynamoDB Local charges is calibrated at start. */
  readonly transactional: number;
}

/** The write units a call must cost for the items it wrote (table + every index entry it touched). */
export const writeFloor = (call: MeteredCall, factors: Factors): number => {
  const factor = call.transactional ? factors.transactional : 1;
  return call.writes.reduce((sum, w) => {
    if (w.kind === 'ConditionCheck') return sum + factor;
    const table = w.kind === 'Delete' ? (w.beforeUnits ?? 0) : Math.max(w.beforeUnits ?? 0, w.afterUnits ?? 0);
    return sum + factor * (table + indexUnits(w));
  }, 0);
};

/** Items a read call returned. */
export const itemsRead = (call: MeteredCall): Item[] => {
  const out = call.output ?? {};
  if (Array.isArray(out.Items)) return out.Items as Item[];
  if (out.Item) return [out.Item as Item];
  return [];
};

/**
 * The cheapest read of what a read call returned: the same request, eventually
 * consistent (half a strongly consistent one) and reading only the items it
 * answered (a filter's discarded items cost as much as kept ones).
 */
export const readFloor = (call: MeteredCall): number => {
  const input = call.input as { ConsistentRead?: boolean };
  const out = call.output as { Count?: number; ScannedCount?: number } | undefined;
  const kept = out?.ScannedCount ? (out.Count ?? 0) / out.ScannedCount : 1;
  const units = consumed(call) * (input.ConsistentRead ? 0.5 : 1) * kept;
  // Reads are billed in half units, and even an empty answer costs one.
  return Math.max(0.5, Math.ceil(units * 2) / 2);
};

/** Units DynamoDB Local reported for a call (table + indexes). */
export const consumed = (call: MeteredCall): number => {
  const c = call.output?.ConsumedCapacity;
  const list = (Array.isArray(c) ? c : c ? [c] : []) as { CapacityUnits?: number }[];
  return list.reduce((sum, x) => sum + (x.CapacityUnits ?? 0), 0);
};

export const isRead = (call: MeteredCall): boolean =>
  ['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand', 'ScanCommand'].includes(call.command);
