// Every request schema of the API (path params, query, body of every route in
// shared/api/*) is bounded: each string and array declares a maximum, each
// number is an integer between declared bounds, nothing is open-ended (record,
// any, unknown). List routes take `limit` (1–100) and `cursor`. Walks zod 4's
// `_zod.def`, so a new field without a cap fails here the day it is added.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { routes } from '#infra/routes';
import { dateRange } from '#shared/adapters/keys';
import { contract } from '#shared/api/index';
import { ValidationError } from '#shared/domain/errors';
import { buildOrder } from '#shared/domain/order';
import { MAX_BODY_BYTES } from '#shared/http/parse';
import type { RouteSpec } from '#shared/http/route-spec';
import { defOf, lengthBounds } from '../support/fuzz-schema.ts';
import { orderBody } from '../support/orders.ts';

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);
const LEAVES = new Set(['enum', 'literal', 'boolean', 'null']);

/** Every unbounded spot of a schema, as `path: what`. */
const unbounded = (schema: z.ZodMiniType, path = ''): string[] => {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  if (WRAPPERS.has(def.type)) return unbounded(def.innerType as z.ZodMiniType, path);
  if (LEAVES.has(def.type)) return [];
  switch (def.type) {
    case 'string':
      return lengthBounds(schema).max === undefined ? [`${path}: string without a maximum length`] : [];
    case 'array':
      return [
        ...(lengthBounds(schema).max === undefined ? [`${path}: array without a maximum length`] : []),
        ...unbounded(def.element as z.ZodMiniType, `${path}[]`),
      ];
    case 'number': {
      const problems: string[] = [];
      if (!checks.some((c) => c.check === 'number_format')) problems.push(`${path}: number that is not an integer`);
      if (!checks.some((c) => c.check === 'greater_than')) problems.push(`${path}: number without a minimum`);
      if (!checks.some((c) => c.check === 'less_than')) problems.push(`${path}: number without a maximum`);
      return problems;
    }
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, value]) => unbounded(value, path ? `${path}.${key}` : key));
    case 'record': {
      // Bounded when its keys and values are, and its size is declared (`maxProperties`, enforced by a check beside it).
      const maxProperties = (z.globalRegistry.get(schema) as { maxProperties?: unknown } | undefined)?.maxProperties;
      return [
        ...(typeof maxProperties === 'number' ? [] : [`${path}: open-ended record`]),
        ...unbounded(def.keyType as z.ZodMiniType, `${path}{key}`),
        ...unbounded(def.valueType as z.ZodMiniType, `${path}{}`),
      ];
    }
    case 'pipe':
      return [...unbounded(def.in as z.ZodMiniType, path), ...unbounded(def.out as z.ZodMiniType, path)];
    case 'union':
      return (def.options ?? []).flatMap((option, i) => unbounded(option, `${path}|${i}`));
    case 'transform':
      return [];
    default:
      return [`${path}: open-ended ${def.type}`];
  }
};

const specs = Object.entries(contract) as [string, RouteSpec][];

describe('schema limits', () => {
  it('finds the gaps it is looking for (the walker itself)', () => {
    const loose = z.object({
      name: z.string(),
      tags: z.array(z.string().check(z.maxLength(5))),
      n: z.number(),
      meta: z.record(z.string(), z.string()),
      nested: z.optional(z.object({ ok: z.string().check(z.maxLength(3)), any: z.unknown() })),
    });
    expect(unbounded(loose)).toEqual([
      'name: string without a maximum length',
      'tags: array without a maximum length',
      'n: number that is not an integer',
      'n: number without a minimum',
      'n: number without a maximum',
      'meta: open-ended record',
      'meta{key}: string without a maximum length',
      'meta{}: string without a maximum length',
      'nested.any: open-ended unknown',
    ]);
    expect(
      unbounded(
        z.object({
          a: z.string().check(z.trim(), z.minLength(1), z.maxLength(9)),
          b: z.array(z.number().check(z.int(), z.minimum(0), z.maximum(9))).check(z.maxLength(3)),
          c: z.enum(['x']),
        }),
      ),
    ).toEqual([]);
  });

  it('walks a request schema on most routes (the contract is really read)', () => {
    const parts = specs.flatMap(([, spec]) => [spec.params, spec.query, spec.body].filter(Boolean));
    expect(parts.length).toBeGreaterThan(routes.length);
  });

  it.each(specs)('%s: every string, array and number it accepts is bounded', (_id, spec) => {
    const gaps = (['params', 'query', 'body'] as const).flatMap((part) => (spec[part] ? unbounded(spec[part] as z.ZodMiniType, part) : []));
    expect(gaps).toEqual([]);
  });

  const lists = specs.filter(([, spec]) => spec.response && 'nextCursor' in ((defOf(spec.response).shape ?? {}) as object));

  it('finds the list routes', () => {
    expect(lists.map(([id]) => id)).toEqual(expect.arrayContaining(['orders.list', 'orders.adminList', 'returns.list', 'refunds.list']));
  });

  it.each(lists)('%s: `limit` is 1–100 (default 20) and `cursor` is bounded', (_id, spec) => {
    const query = spec.query as z.ZodMiniObject;
    expect(query, 'a list without a query schema').toBeDefined();
    expect(query.safeParse({}).data).toMatchObject({ limit: 20 });
    for (const ok of ['1', '100']) expect(query.safeParse({ limit: ok }).success, ok).toBe(true);
    for (const bad of ['0', '101', '1000', '-1', '1.5', 'abc', '']) expect(query.safeParse({ limit: bad }).success, bad).toBe(false);
    expect(query.safeParse({ cursor: 'x'.repeat(4096) }).success).toBe(false);
  });

  it('caps a JSON body at 256 KiB (API Gateway itself allows 10 MB)', () => {
    expect(MAX_BODY_BYTES).toBeLessThanOrEqual(256 * 1024);
  });
});

describe('amount limits beyond one field', () => {
  const ids = { id: 'ord_1', number: 'N1', lineIds: ['li_1', 'li_2', 'li_3'], now: '2026-11-21T10:00:00.000Z', by: 'storefront:s' };
  const line = (quantity: number, unitPrice: number, tax = 0) => ({ sku: 'S', title: 'T', quantity, unitPrice, tax });
  const refused = (body: ReturnType<typeof orderBody>) => {
    try {
      buildOrder(body, ids);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).details.errors?.map((e) => e.path) ?? [];
    }
  };

  it('refuses a line whose quantity × unitPrice exceeds the Money cap (an unsafe integer otherwise)', () => {
    expect(refused(orderBody({ lineItems: [line(100_000, 1_000_000_000_000)] }))).toEqual(['lineItems.0.quantity']);
  });

  it('refuses an order whose totals exceed the Money cap although each line fits', () => {
    expect(refused(orderBody({ lineItems: [line(1, 600_000_000_000), line(1, 600_000_000_000)] }))).toEqual(['lineItems']);
    expect(refused(orderBody({ lineItems: [line(1, 999_999_999_000, 1000)], shipping: { method: 's', amount: 1 } }))).toEqual(['lineItems']);
  });

  it('accepts an order right at the cap', () => {
    expect(refused(orderBody({ lineItems: [line(1, 999_999_999_000, 1000)], shipping: { method: 's', amount: 0 } }))).toEqual([]);
  });

  it('refuses a date range whose end is before its start instead of sending DynamoDB a reversed BETWEEN', () => {
    expect(() => dateRange('ORDER#', '2026-11-22', '2026-11-21')).toThrow(ValidationError);
    expect(dateRange('ORDER#', '2026-11-21', '2026-11-21')).toEqual({ from: 'ORDER#2026-11-21', to: 'ORDER#2026-11-21~' });
    expect(dateRange('', '2026-11-21T10:00:00Z', '2026-11-21')).toEqual({ from: '2026-11-21T10:00:00Z', to: '2026-11-21~' });
    expect(dateRange('')).toEqual({ from: '0000', to: '9999~' });
  });
});
