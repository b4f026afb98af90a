// Valid-shaped values from the API's own zod schemas (zod 4 `_zod.def`), for the
// fuzz suites: the shape of every body and query comes from shared/api/*, so a
// new route or field is fuzzed the day it is declared. "Valid-shaped" means the
// right types, lengths, enums and patterns; refinements the generator cannot
// see (a currency list, cross-field rules) may still fail, which is fine: the
// mutations in fuzz-mutations.ts break them on purpose anyway.
import fc from 'fast-check';
import * as z from 'zod/mini';

/** Known-good values by field name (fixture ids, a valid IBAN…), mixed in so requests reach deep code. */
export type Hints = Readonly<Record<string, fc.Arbitrary<unknown>>>;

// zod 4 keeps its definition on `_zod.def`; only the fields read here are typed.
interface Check {
  readonly _zod: {
    readonly def: {
      readonly check: string;
      readonly minimum?: number;
      readonly maximum?: number;
      readonly length?: number;
      readonly inclusive?: boolean;
      readonly value?: number;
      readonly pattern?: RegExp;
      readonly format?: string;
    };
  };
}
interface Def {
  readonly type: string;
  readonly format?: string;
  readonly coerce?: boolean;
  readonly checks?: readonly Check[];
  readonly shape?: Record<string, z.ZodMiniType>;
  readonly element?: z.ZodMiniType;
  readonly innerType?: z.ZodMiniType;
  readonly in?: z.ZodMiniType;
  readonly out?: z.ZodMiniType;
  readonly options?: readonly z.ZodMiniType[];
  readonly entries?: Record<string, string | number>;
  readonly values?: readonly unknown[];
  readonly keyType?: z.ZodMiniType;
  readonly valueType?: z.ZodMiniType;
  readonly pattern?: RegExp;
}

export const defOf = (schema: z.ZodMiniType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

/** The length bounds a string or array declares (`max_length`, `min_length`, `length_equals`). */
export const lengthBounds = (schema: z.ZodMiniType): { min: number; max: number | undefined } => {
  let min = 0;
  let max: number | undefined;
  for (const check of checksOf(defOf(schema))) {
    if (check.check === 'min_length') min = Math.max(min, check.minimum ?? 0);
    if (check.check === 'max_length') max = Math.min(max ?? Number.POSITIVE_INFINITY, check.maximum ?? Number.POSITIVE_INFINITY);
    if (check.check === 'length_equals') {
      min = check.length ?? min;
      max = check.length;
    }
  }
  return { min, max };
};

const exampleOf = (schema: z.ZodMiniType): unknown => z.globalRegistry.get(schema)?.example;

const stringArbitrary = (schema: z.ZodMiniType): fc.Arbitrary<string> => {
  const def = defOf(schema);
  const { min, max = 200 } = lengthBounds(schema);
  const maxLength = Math.min(max, 64);
  if (def.format === 'email') return fc.emailAddress().filter((e) => e.length <= max);
  if (def.format === 'url') return fc.webUrl().filter((u) => u.length <= max);
  const pattern = checksOf(def).find((c) => c.check === 'string_format' && c.pattern)?.pattern ?? def.pattern;
  const example = exampleOf(schema);
  const fallback = fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(maxLength, min, 1), unit: 'grapheme' });
  let matching: fc.Arbitrary<string> | undefined;
  if (pattern) {
    try {
      matching = fc.stringMatching(pattern, { maxLength: max }).filter((s) => s.length >= min && s.length <= max);
    } catch {
      // Lookaheads and other constructs the generator cannot invert: fall back to free text.
    }
  }
  const base = matching ?? fallback;
  return typeof example === 'string' ? fc.oneof(fc.constant(example), base) : base;
};

const numberArbitrary = (def: Def): fc.Arbitrary<number> => {
  let min = -1_000_000;
  let max = 1_000_000;
  let integer = false;
  for (const check of checksOf(def)) {
    if (check.check === 'greater_than') min = Math.max(min, (check.value ?? min) + (check.inclusive ? 0 : 1));
    if (check.check === 'less_than') max = Math.min(max, (check.value ?? max) - (check.inclusive ? 0 : 1));
    if (check.check === 'number_format') integer = true;
  }
  if (min > max) return fc.constant(min);
  return integer ? fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max)) : fc.double({ min, max, noNaN: true });
};

/** A valid-shaped value of `schema`; `hints` join the generator of a leaf (string, number, enum…) by field name. */
export const shaped = (schema: z.ZodMiniType, hints: Hints = {}, field = '', depth = 0): fc.Arbitrary<unknown> => {
  const def = defOf(schema);
  const hinted = (arb: fc.Arbitrary<unknown>) => {
    const hint = hints[field];
    return hint ? fc.oneof({ arbitrary: hint, weight: 3 }, { arbitrary: arb, weight: 1 }) : arb;
  };
  if (depth > 12) return fc.constant(null);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const required = Object.keys(shape).filter((k) => !['optional', 'default'].includes(defOf(shape[k] as z.ZodMiniType).type));
      const entries = Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, shaped(value, hints, key, depth + 1)]));
      return fc.record(entries, { requiredKeys: required });
    }
    case 'string':
      return hinted(stringArbitrary(schema));
    case 'number':
      return hinted(def.coerce ? numberArbitrary(def).map(String) : numberArbitrary(def));
    case 'boolean':
      return hinted(fc.boolean());
    case 'enum':
      return hinted(fc.constantFrom(...Object.values(def.entries ?? {})));
    case 'literal':
      return hinted(fc.constantFrom(...(def.values ?? [null])));
    case 'array': {
      const { min, max = 10 } = lengthBounds(schema);
      return fc.array(shaped(def.element as z.ZodMiniType, hints, field, depth + 1), { minLength: min, maxLength: Math.max(min, Math.min(max, 5)) });
    }
    case 'optional':
    case 'default':
      return fc.option(shaped(def.innerType as z.ZodMiniType, hints, field, depth + 1), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(shaped(def.innerType as z.ZodMiniType, hints, field, depth + 1), { nil: null, freq: 4 });
    case 'readonly':
    case 'nonoptional':
    case 'catch':
    case 'prefault':
      return shaped(def.innerType as z.ZodMiniType, hints, field, depth + 1);
    case 'pipe':
      return shaped(def.in as z.ZodMiniType, hints, field, depth + 1);
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => shaped(o, hints, field, depth + 1)));
    case 'record':
      return fc.dictionary(
        shaped(def.keyType as z.ZodMiniType, hints, '', depth + 1) as fc.Arbitrary<string>,
        shaped(def.valueType as z.ZodMiniType, hints, '', depth + 1),
        {
          maxKeys: 4,
        },
      );
    case 'null':
      return fc.constant(null);
    default:
      // A schema kind this generator does not know yet: anything JSON, which the schema must refuse cleanly.
      return fc.jsonValue({ maxDepth: 2 });
  }
};

/** Every string path (`a.b.0.c`) of a JSON value, for targeted mutations. */
export const pathsOf = (value: unknown, prefix: readonly (string | number)[] = []): (readonly (string | number)[])[] => {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Array.isArray(value) ? value.map((v, i) => pathsOf(v, [...prefix, i])) : Object.entries(value).map(([k, v]) => pathsOf(v, [...prefix, k]));
  return [prefix, ...children.flat()];
};

/** `n` values that `schema` accepts as sent over the wire (JSON round trip), reproducibly. */
export const validSamples = (schema: z.ZodMiniType, n: number, hints: Hints = {}, seed = 42): unknown[] =>
  fc.sample(
    shaped(schema, hints).filter((value) => schema.safeParse(value === undefined ? undefined : JSON.parse(JSON.stringify(value))).success),
    { numRuns: n, seed },
  );
