// What a business flow costs: every API call of a whole flow run through the
// shipped handlers (in-process, API Gateway-shaped events) with the meters on
// (ReturnConsumedCapacity INDEXES on every DynamoDB call), summed, beside its
// floor (the flows: flow-catalogue.ts). Shared by `npm run bench` and test/integration/flow-cost.test.ts,
// which holds each flow to its stated round trips.
import { NOTIFIABLE_TYPES } from '#shared/domain/notifications/types';
import { consumed, isRead } from './capacity.ts';
import { invokeOk, type Request } from './invoke.ts';
import { kindOf, type MeteredCall, metered, resourceUnits, waves } from './meter.ts';

export type Body = Record<string, unknown>;
export type State = Record<string, string>;

interface StepBase {
  /** What the step does, e.g. `POST /returns` or `status → picked_up`. */
  readonly label: string;
  readonly keep?: (body: Body, state: State) => void | Promise<void>;
}

/** An API call through its HTTP handler (one Lambda invocation). */
export type ApiStep = StepBase & { readonly request: (state: State) => Request; readonly status?: number };
/** Any other function's invocation (a queue consumer's batch), run in process. */
type RunStep = StepBase & { readonly run: (state: State) => Promise<Body> };
type FlowStep = ApiStep | RunStep;

export interface Flow {
  readonly name: string;
  /** Unmetered: what the flow starts from (a delivered order…). */
  readonly prepare?: (state: State) => Promise<void>;
  /** Unmetered: what the flow leaves behind that must go (a receiver, an endpoint). */
  readonly cleanup?: (state: State) => Promise<void>;
  readonly steps: readonly FlowStep[];
}

export interface StepCost {
  readonly label: string;
  /** Every HTTP attempt of every DynamoDB call (what the guard holds). */
  readonly trips: number;
  /** Of those, one after another (calls sent together count once): what a caller waits for. */
  readonly sequential: number;
  readonly calls: readonly MeteredCall[];
}

export interface FlowResult {
  readonly name: string;
  /** Lambda invocations the flow makes itself: one per API call or queue batch. */
  readonly invocations: number;
  /** Stream records the flow's changes hand to consumers (notify, events, payments): the most invocations they cost (batches share one). */
  readonly consumerRecords: number;
  readonly trips: number;
  readonly sequential: number;
  readonly readUnits: number;
  /** Write units at AWS's price: DynamoDB Local's transactional units rescaled from its factor to AWS's 2. */
  readonly writeUnits: number;
  /** Σ over the changes the flow must make: the changed resource's own units (as answered, no table-own attributes), ×2 when one step changes several (one transaction by rule). */
  readonly floorWriteUnits: number;
  /** Items the flow wrote / of those, resources that must change. */
  readonly itemsWritten: number;
  readonly itemsFloor: number;
  /** Table write units per kind of item written (a plain put's units, ×2 in a transaction: AWS's price), largest first: where the WCU go. */
  readonly writtenByKind: readonly (readonly [string, number])[];
  /** Of the table write units, those of items that are no API resource (copies, pointers, rows, marks): the design's own cost. */
  readonly designUnits: number;
  readonly steps: readonly StepCost[];
}

/** Items that are API resources (or the record an Idempotency-Key asks for): a flow must write them. Copies, pointers, rows and guards are the design's own cost. */
const RESOURCE_TYPES = new Set([
  'Order',
  'ReturnRequest',
  'ReturnComment',
  'Cancellation',
  'Refund',
  'OrderNote',
  'Attachment',
  'Idempotency',
  'WebhookDelivery',
  'CreditAccount',
  'CreditTransaction',
  'GiftCard',
]);
const isResource = (item: Record<string, unknown> | undefined, key: Record<string, unknown>): boolean =>
  String(key.PK).startsWith('STOCK#') || RESOURCE_TYPES.has(String(item?.type));

const changed = (before: unknown, after: unknown): boolean => JSON.stringify(before) !== JSON.stringify(after);

/** Records of one changed item that reach the stream consumers (infra/streams.ts filters). */
const consumerRecordsOf = (after: Record<string, unknown> | undefined): number => {
  if (!after) return 0;
  const notifiable = (NOTIFIABLE_TYPES as readonly string[]).includes(String(after.type)) ? 2 : 0;
  return notifiable + (after.type === 'Refund' && after.awaitsProvider === true ? 1 : 0);
};

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Runs one flow, each step metered on its own, and adds them up. */
export const runFlow = async (flow: Flow, transactionalFactor: number): Promise<FlowResult> => {
  const state: State = {};
  await flow.prepare?.(state);
  const steps: StepCost[] = [];
  let floor = 0;
  let itemsWritten = 0;
  let itemsFloor = 0;
  let consumerRecords = 0;
  const byKind = new Map<string, number>();
  let designUnits = 0;
  try {
    for (const step of flow.steps) {
      const { result, meter } = await metered(() => ('run' in step ? step.run(state) : invokeOk<Body>(step.request(state), step.status ?? 200)));
      // The webhook queue's message (kept by the meter, see meter.ts): the next step hands it to the delivery function.
      for (const body of meter.queued) state.queued = body;
      await step.keep?.(result, state);
      const writes = meter.dynamo.flatMap((c) => c.writes).filter((w) => w.kind !== 'ConditionCheck' && changed(w.before, w.after));
      const resources = writes.filter((w) => isResource(w.after ?? w.before, w.key));
      const units = await Promise.all(resources.map((w) => resourceUnits(w.after ?? w.before)));
      floor += sum(units) * (resources.length > 1 ? 2 : 1);
      itemsWritten += writes.length;
      for (const call of meter.dynamo) {
        for (const w of call.writes.filter((x) => x.kind !== 'ConditionCheck' && changed(x.before, x.after))) {
          const units = Math.max(w.beforeUnits ?? 0, w.afterUnits ?? 0) * (call.transactional ? 2 : 1);
          byKind.set(kindOf(w.key), (byKind.get(kindOf(w.key)) ?? 0) + units);
          if (!isResource(w.after ?? w.before, w.key)) designUnits += units;
        }
      }
      itemsFloor += resources.length;
      consumerRecords += sum(writes.map((w) => consumerRecordsOf(w.after)));
      steps.push({ label: step.label, trips: sum(meter.dynamo.map((c) => c.attempts)), sequential: waves(meter.dynamo), calls: meter.dynamo });
    }
  } finally {
    await flow.cleanup?.(state);
  }
  const calls = steps.flatMap((s) => s.calls);
  const awsUnits = (c: MeteredCall) => consumed(c) * (c.transactional ? 2 / transactionalFactor : 1);
  return {
    name: flow.name,
    invocations: flow.steps.length,
    consumerRecords,
    trips: sum(steps.map((s) => s.trips)),
    sequential: sum(steps.map((s) => s.sequential)),
    readUnits: sum(calls.filter(isRead).map(awsUnits)),
    writeUnits: sum(calls.filter((c) => !isRead(c)).map(awsUnits)),
    floorWriteUnits: floor,
    itemsWritten,
    itemsFloor,
    writtenByKind: [...byKind].sort((a, b) => b[1] - a[1]),
    designUnits,
    steps,
  };
};
