// The printed table: every figure with its target, as Markdown (readable in a
// terminal, pasteable into test/bench/RESULTS.md). Pure: formats results.

import type { OverheadResult } from './api-overhead.ts';
import { BUNDLE_BUDGET_KB } from './bundle-budgets.ts';
import type { BundleResult } from './bundles.ts';
import { RETURN_STATUS_WHY } from './flow-trips.ts';
import type { FlowResult, StepCost } from './flows.ts';
import type { InitResult } from './init-time.ts';
import type { OperationResult } from './operations.ts';
import type { ScaleResult } from './scale.ts';
import { ratio, type Summary } from './stats.ts';

/** Issue 17's targets: bundles and init against the SDK-only reference (documents and meta have their own). */
export const TARGETS = {
  bundleRatio: 1.35,
  initP50Ratio: 1.3,
  documentsBundleRatio: 3,
  /** The payment functions carry Stripe's official SDK (DESIGN.md), counted as their own bytes. */
  paymentsBundleRatio: 2.1,
  /** A flow's write units against its floor. */
  flowWriteRatio: 2,
  documentsInitP50Ratio: 2.5,
  /** meta: absolute bytes (its reference is an empty handler) and init p50 against orders'. */
  metaBundleBytes: 120 * 1024,
  metaInitOfOrders: 0.5,
  scaleLatencyRatio: 1.25,
  scaleRcuRatio: 1,
  countRatio: 1,
} as const;

/** Issue 17's round-trip targets where they are above the floor: a create or approval with rules reads once (one BatchGetItem), then writes. */
export const TRIP_TARGETS: Readonly<Record<string, number>> = {
  'returns.create': 2,
  'cancellations.create': 2,
  'cancellations.approve': 2,
  'refunds.create': 2,
  'refunds.settleTransaction': 2,
};

const bundleLimit = (name: string): number =>
  name === 'documents' ? TARGETS.documentsBundleRatio : name.startsWith('payments') ? TARGETS.paymentsBundleRatio : TARGETS.bundleRatio;
const bundleTarget = (name: string): string => (name === 'meta' ? `≤ ${kb(TARGETS.metaBundleBytes)}` : `≤ ${bundleLimit(name)}`);
const bundleOk = (b: BundleResult): boolean =>
  b.name === 'meta' ? b.bytes <= TARGETS.metaBundleBytes : ratio(b.bytes, b.referenceBytes) <= bundleLimit(b.name);

/** Why an operation makes more round trips or reads than its floor (from reading its code; the calls column shows what it did, and `why` adds what the calls themselves show). */
export const WHY: Record<string, string> = {
  'refunds.settleTransaction': 'the route names only the refund: its pointer (which carries a copy of the refund) is read, then the conditional write',
  'cancellations.approve':
    'one BatchGetItem: the request, the order as the request left it (with its refund counters) and the settings (restock default), then the one transaction',
  'notes.list': 'ownership check: the order is read beside the notes Query (in parallel; consistent Query, 2× RCU)',
  'refunds.list': 'existence check: the order is read beside the refunds Query (in parallel)',
  'refunds.create': 'one BatchGetItem: the order (current version, refund counters) and the settings (restock default), then the one transaction',
  'cancellations.create': 'one BatchGetItem: the order (current version), the settings (cancellable statuses) and the reason, then the one transaction',
  'returns.create': 'one BatchGetItem: the order (current version, units refunded through returns), the settings and the reasons, then the one transaction',
  'settings.reasons': 'stored reasons of both kinds are queried (in parallel): an edited default that changed kind must hide the built-in one',
  'attachments.create': 'upload limits come from the settings item (GetItem) before the write',
  'returns.get': 'strongly consistent Query (request + comments): 2× the RCU of an eventually consistent read',
  'returns.adminGet': 'strongly consistent Query (request + comments): 2× the RCU of an eventually consistent read',
  'refunds.get': 'strongly consistent GetItem: 2× RCU',
  'attachments.get': 'strongly consistent GetItem: 2× RCU',
};

const why = (o: OperationResult): string => {
  const seen = [
    ...(WHY[o.route] ? [WHY[o.route] as string] : []),
    ...(o.calls.includes('Get IDEMPOTENCY')
      ? ['the Idempotency-Key is looked up before the work (orders.create lets the conditional put fail instead, and replays)']
      : []),
    ...(o.calls.includes('(consistent)') && !WHY[o.route]?.includes('consistent') ? ['strongly consistent reads cost 2× RCU'] : []),
  ];
  return seen.length ? seen.join('; ') : 'see calls';
};

const fmt = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (n: number): string => `${n.toFixed(1)} ms`;
const mark = (ok: boolean): string => (ok ? 'ok' : 'MISS');

export const table = (headers: string[], rows: string[][]): string =>
  [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export const bundlesSection = (bundles: readonly BundleResult[]): string =>
  `### 1. Bundle bytes (stack esbuild settings) vs an SDK-only reference — target ratio ≤ ${TARGETS.bundleRatio} (documents ≤ ${TARGETS.documentsBundleRatio}, payments ≤ ${TARGETS.paymentsBundleRatio} with Stripe's SDK as their own, meta ≤ ${kb(TARGETS.metaBundleBytes)})\n\nThe reference holds the AWS clients the stack grants the function (its role's policies) and its bundle holds, with the same commands; third-party SDKs (Stripe) are the function's own bytes, so the first ratio counts them and the second leaves them out.\n\n${table(
    [
      'function',
      'bundle',
      'budget',
      'reference (granted ∩ bundled)',
      'ratio',
      'ratio less third-party SDKs',
      'target',
      'AWS SDK in bundle',
      'two copies',
      'largest non-AWS parts',
    ],
    bundles.map((b) => [
      b.name,
      kb(b.bytes),
      `${BUNDLE_BUDGET_KB[b.name] ?? '?'} KB`,
      b.referenceBytes < 2048
        ? `${b.referenceBytes} B (no AWS client)`
        : `${kb(b.referenceBytes)} (${b.referenceFamilies.join(', ')}; granted: ${b.granted.join(', ')})`,
      fmt(ratio(b.bytes, b.referenceBytes)),
      fmt(ratio(b.bytes - b.thirdPartyBytes, b.referenceBytes)),
      `${bundleTarget(b.name)} ${mark(bundleOk(b))}`,
      kb(b.sdkBytes),
      b.duplicates.length ? b.duplicates.join(', ') : 'none',
      b.topOthers.map((o) => `${o.pkg} ${kb(o.bytes)}`).join(', '),
    ]),
  )}`;

const initTarget = (x: InitResult, init: readonly InitResult[]): { text: string; ok: boolean } => {
  if (x.name === 'meta') {
    const orders = init.find((o) => o.name === 'orders');
    const of = orders ? ratio(x.init.p50, orders.init.p50) : Number.NaN;
    return { text: `≤ ${TARGETS.metaInitOfOrders} × orders' p50 (${fmt(of)})`, ok: of <= TARGETS.metaInitOfOrders };
  }
  const limit = x.name === 'documents' ? TARGETS.documentsInitP50Ratio : TARGETS.initP50Ratio;
  return { text: `≤ ${limit}`, ok: x.ratio.p50 <= limit };
};

export const initSection = (init: readonly InitResult[], runs: number): string =>
  `### 2. Init time (fresh \`node\` per sample, ${runs} samples each, interleaved with the reference) — target: median of the per-pair ratios ≤ ${TARGETS.initP50Ratio} (documents ≤ ${TARGETS.documentsInitP50Ratio}, meta ≤ ${TARGETS.metaInitOfOrders} × orders' init p50)\n\nEach sample imports the bundle and its reference back to back (who goes first alternates); the ratio is taken pair by pair, and its p25–p75 is the spread a reader should trust.\n\n${table(
    [
      'function',
      'init p25 / p50 / p75',
      'reference p25 / p50 / p75',
      'ratio p25 / p50 / p75',
      'target',
      'first call p50',
      'ref first call p50',
      'first call event',
    ],
    init.map((x) => {
      const target = initTarget(x, init);
      return [
        x.name,
        `${ms(x.init.p25)} / ${ms(x.init.p50)} / ${ms(x.init.p75)}`,
        `${ms(x.referenceInit.p25)} / ${ms(x.referenceInit.p50)} / ${ms(x.referenceInit.p75)}`,
        `${fmt(x.ratio.p25)} / **${fmt(x.ratio.p50)}** / ${fmt(x.ratio.p75)}`,
        `${target.text} ${mark(target.ok)}`,
        ms(x.first.p50),
        ms(x.referenceFirst.p50),
        x.firstRoute,
      ];
    }),
  )}`;

/** Why a flow writes more than twice its floor (its write units by kind of item follow the table). */
export const FLOW_WHY: Record<string, string> = {
  'paid order cancelled: request → approved':
    "besides the order, the cancellation and the refund, the request writes its copy of the order (CANCELLATION/ORDER: one read at approval) and the order's hold mark, and the approval the refund pointer with its copy and the payout row (REFUND, REFUNDTXN: one read to settle); every one a transactional write (2×); each removed would add a read to a later step (approval, settlement)",
};

/** What a flow's trips are above the target the issue names (debit 1, redemption 2, a return status change 1). */
const FLOW_NOTES: Record<string, string> = {
  'store credit: debit at checkout, then reverted':
    "a debit reads the customer's accounts (its lots, soonest-expiring first) and writes one transaction: 2 trips, the fewest an allocation over lots allows; a revert reads the debit's pointer, then its row (beside the settings), then the accounts, then writes: 5",
  'gift card redeemed into store credit': 'the try counter, the card and the accounts at once, then one transaction: 2 sequential trips, 4 calls',
  'webhook delivery: enqueued, then POSTed to its endpoint':
    "the enqueue is measured through the ping route (the events consumer's enqueueDelivery for one endpoint, without its once-marker); the delivery reads the delivery, the endpoint and a concurrency slot at once, claims the attempt, records it and frees the slot",
};

const written = (f: FlowResult): string => f.writtenByKind.map(([kind, units]) => `${kind} ${fmt(units, 0)}`).join(', ');

export const flowsSection = (flows: readonly FlowResult[]): string =>
  `### 0. What a flow costs — target: write units ≤ ${TARGETS.flowWriteRatio} × floor\n\nEach flow runs through the shipped handlers with \`ReturnConsumedCapacity: INDEXES\` on every DynamoDB call. Write units are DynamoDB Local's, its transactional units rescaled to AWS's price (2 per unit). The floor is what the flow must write: each API resource it changes (order, return request, comment, cancellation, refund, note, attachment, stock level, store-credit account and row, gift card, webhook delivery, the Idempotency-Key's record), at the size the API answers it (no table-own attribute), once per change, ×2 when one request changes several (one transaction, by rule); index entries, copies, pointers, rows and guards are the design's own cost. Lambda invocations: the flow's own (one per API call or queue batch), plus at most one per stream record per consumer (notify, events, payments; batched in practice). Trips count every DynamoDB HTTP attempt; "sequential" counts calls sent together once.\n\n${table(
    [
      'flow',
      'Lambda invocations',
      'stream records → consumers',
      'DynamoDB trips (sequential)',
      'RCU',
      'WCU',
      'floor WCU',
      'WCU / floor',
      'items written (must change)',
      'result',
    ],
    flows.map((f) => {
      const r = ratio(f.writeUnits, f.floorWriteUnits);
      const ok = r <= TARGETS.flowWriteRatio;
      return [
        f.name,
        String(f.invocations),
        String(f.consumerRecords),
        `${f.trips} (${f.sequential})`,
        fmt(f.readUnits, 1),
        fmt(f.writeUnits, 0),
        fmt(f.floorWriteUnits, 0),
        fmt(r),
        `${f.itemsWritten} (${f.itemsFloor})`,
        ok
          ? 'ok'
          : `MISS: ${FLOW_WHY[f.name] ?? 'see its steps'}: those items are ${fmt(f.designUnits, 0)} of its ${fmt(f.writeUnits, 0)} WCU; without them ${fmt(ratio(f.writeUnits - f.designUnits, f.floorWriteUnits))}× its floor`,
      ];
    }),
  )}\n\nWhere the write units go (table units per kind of item, AWS's price; index entries are the rest):\n\n${flows.map((f) => `- ${f.name}: ${written(f)}`).join('\n')}\n\nTrips above the issue's targets:\n\n${Object.entries(
    FLOW_NOTES,
  )
    .map(([name, note]) => `- ${name}: ${note}.`)
    .join('\n')}\n\nNot measured: an exchange from request to completed (exchanges are not on main).`;

export const returnStatusSection = (flows: readonly FlowResult[]): string => {
  const seen = new Map<string, StepCost>();
  for (const step of flows.flatMap((f) => f.steps)) {
    const status = /^return → (\w+)$/.exec(step.label)?.[1];
    if (status && !seen.has(status)) seen.set(status, step);
  }
  return `### Return status changes: DynamoDB round trips per target status (held by test/integration/flow-cost.test.ts)\n\n${table(
    ['target status', 'trips', 'sequential', 'why more than one'],
    [...seen].map(([status, step]) => [status, String(step.trips), String(step.sequential), RETURN_STATUS_WHY[status] ?? '']),
  )}`;
};

export const operationsSection = (ops: readonly OperationResult[], transactionalFactor: number): string => {
  const rows = ops.map((o) => {
    const tripsOk = o.trips <= (TRIP_TARGETS[o.route] ?? o.floorTrips) && (!o.presign || o.s3Trips === 0);
    const readOk = o.readUnits <= o.floorReadUnits;
    const writeOk = o.writeUnits <= o.floorWriteUnits;
    return [
      o.route,
      o.opClass + (o.presign ? ' + presign' : ''),
      `${o.trips} / ${o.floorTrips}${TRIP_TARGETS[o.route] ? ` (target ${TRIP_TARGETS[o.route]})` : ''}${o.sequential !== o.trips ? ` (${o.sequential} sequential)` : ''}`,
      o.presign ? `${o.s3Trips} / 0` : '—',
      mark(tripsOk),
      `${fmt(o.readUnits, 1)} / ${fmt(o.floorReadUnits, 1)}`,
      `${fmt(o.writeUnits, 0)} / ${fmt(o.floorWriteUnits, 0)}`,
      mark(readOk && writeOk),
      o.calls,
      tripsOk && readOk ? '' : why(o),
    ];
  });
  return `### 3–4. DynamoDB round trips and consumed capacity per operation — targets: round trips ≤ floor (get 1, list 1, create 1, status 1, refund 1, presign 0 S3) or the issue's target where it names one (creates and approvals with rules ≤ 2), capacity ≤ floor\n\n${table(
    ['operation', 'class', 'DynamoDB trips / floor', 'S3 trips / floor', 'trips', 'RCU / floor', 'WCU / floor', 'capacity', 'calls', 'why above floor'],
    rows,
  )}\n\nCapacity floors: reads = the answer's items read once, eventually consistent; writes = each written item's units (DynamoDB Local's own size model, measured by a plain put of the item) for the table and every index entry it adds, moves or changes, × ${transactionalFactor} for a transaction (DynamoDB Local's transactional factor, calibrated in this run; AWS's is 2).`;
};

export const scaleSection = (scale: readonly ScaleResult[], note: string): string => {
  const c = scale[0]?.control;
  const drift = c
    ? `Drift control (GET /admin/orders/{id}, timed between the list calls): p50 ${ms(c.small.p50)} at the small size, ${ms(c.large.p50)} at the large one; the drift-corrected ratio divides by its ratio and is the one judged.`
    : '';
  return `### 5. Scale — targets: p50 latency ratio ≈ 1.00 (judged ≤ ${TARGETS.scaleLatencyRatio} on a shared machine), RCU ratio ${TARGETS.scaleRcuRatio.toFixed(2)}, Count / ScannedCount = 1\n\n${note} ${drift}\n\n${table(
    [
      'list',
      'items (small → large)',
      'p50 small',
      'p50 large',
      'p50 ratio',
      'drift-corrected',
      'RCU small → large',
      'RCU ratio',
      'Count / ScannedCount',
      'result',
    ],
    scale.map((s) => {
      const raw = ratio(s.large.latency.p50, s.small.latency.p50);
      const lat = raw / ratio(s.control.large.p50, s.control.small.p50);
      const rcu = ratio(s.large.rcu, s.small.rcu);
      const cs = `${s.small.count}/${s.small.scannedCount} → ${s.large.count}/${s.large.scannedCount}`;
      const csOk = s.small.count === s.small.scannedCount && s.large.count === s.large.scannedCount;
      return [
        s.list,
        `${s.small.items} → ${s.large.items}`,
        ms(s.small.latency.p50),
        ms(s.large.latency.p50),
        fmt(raw),
        fmt(lat),
        `${s.small.rcu} → ${s.large.rcu}`,
        fmt(rcu),
        cs,
        mark(lat <= TARGETS.scaleLatencyRatio && rcu === TARGETS.scaleRcuRatio && csOk),
      ];
    }),
  )}`;
};

export const streamSection = (s: Summary): string =>
  `### 6. Stream → email (local: DynamoDB Local stream, 200 ms poller, real notify handler, SES local) — anchor: AWS Streams → Lambda ~213 ms p50 / 552 ms p99\n\n${table(
    ['changes', 'p50', 'p95', 'min', 'max'],
    [[String(s.n), ms(s.p50), ms(s.p95), ms(s.min), ms(s.max)]],
  )}`;

export const overheadSection = (o: readonly OverheadResult[]): string =>
  `### 7. Local API overhead (one request in flight) — reported, no target\n\n${table(
    ['route', 'HTTP req/s', 'in-process req/s', 'HTTP / in-process'],
    o.map((x) => [x.route, fmt(x.httpRps, 0), fmt(x.inProcessRps, 0), fmt(ratio(x.httpRps, x.inProcessRps))]),
  )}`;
