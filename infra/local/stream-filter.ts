// The subset of EventBridge pattern syntax that Lambda event filtering uses in
// infra/streams.ts: nested objects, and at each leaf an array of allowed exact
// values. Anything richer (prefix, exists, numeric…) is refused loudly, so a
// pattern the local poller cannot honour never silently lets everything through.

export type FilterPattern = { readonly [key: string]: FilterPattern | readonly (string | number | boolean | null)[] };

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export function matchesPattern(record: unknown, pattern: FilterPattern): boolean {
  for (const [key, expected] of Object.entries(pattern)) {
    const actual = isPlainObject(record) ? record[key] : undefined;
    if (Array.isArray(expected)) {
      for (const allowed of expected) {
        if (allowed !== null && typeof allowed === 'object') {
          throw new Error(`Unsupported filter operator ${JSON.stringify(allowed)} at "${key}" (the local poller only knows exact values)`);
        }
      }
      // EventBridge: a leaf matches if the value (or any element of an array value) is listed.
      const values = Array.isArray(actual) ? actual : [actual];
      if (!values.some((value) => value !== undefined && expected.includes(value as string))) return false;
    } else if (!matchesPattern(actual, expected as FilterPattern)) {
      return false;
    }
  }
  return true;
}

/** Lambda ORs the filters of an event source mapping. */
export const matchesAny = (record: unknown, patterns: readonly FilterPattern[]): boolean =>
  patterns.length === 0 || patterns.some((pattern) => matchesPattern(record, pattern));
