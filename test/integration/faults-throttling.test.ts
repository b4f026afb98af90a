// DynamoDB throttling mid-request: an SDK middleware on the shipped table
// client throws ProvisionedThroughputExceededException (as the SDK does once
// its own retries are spent) on the Nth call of a request, for N = 1, 2, 3…
// until the request gets through untouched. Every throttled attempt must be a
// clean 503 problem with Retry-After, and must leave the table exactly as it
// was: the proof that each state change is one transaction, not a sequence of
// writes a fault could cut in half.
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Route, routes } from '#infra/routes';
import { db } from '#shared/adapters/dynamo';
import { buildWorld, type World, worldState } from '../support/fuzz-fixtures.ts';
import { type Caller, invoke } from '../support/fuzz-invoke.ts';

const fault = { armed: false, calls: 0, failAt: 0, fired: 0 };
db.middlewareStack.add(
  (next) => async (args) => {
    if (fault.armed && ++fault.calls === fault.failAt) {
      fault.fired++;
      throw new ProvisionedThroughputExceededException({ message: 'Injected: throughput exceeded', $metadata: { httpStatusCode: 400 } });
    }
    return next(args);
  },
  { step: 'initialize', name: 'injectThrottling', priority: 'high' },
);

const route = (id: string) => (routes as readonly Route[]).find((r) => r.id === id) as Route;
let world: World;
const admin: Caller = { role: 'admin', sub: 'admin-faults' };

beforeAll(async () => {
  world = await buildWorld();
});

/**
 * Writes outside the table that a failed request may leave, by design: binding
 * re-tags the uploads `state=bound` in S3 right before the return's transaction
 * (shared/use-cases/steps/bind-attachments.ts explains the order), so a transaction
 * that then fails leaves the tag but an attachment record still `pending`: the
 * table is untouched and the next attempt binds it (checked below).
 */
// S3 writes a refused request may make: a return freezes its uploads by copying them before the commit and
// deletes those copies when the commit fails (attachments-bind.test.ts checks nothing is left behind).
const OUTSIDE_THE_TABLE: Readonly<Record<string, readonly string[]>> = { 'returns.create': ['CopyObjectCommand', 'DeleteObjectCommand'] };

interface Step {
  readonly id: string;
  readonly caller: () => Caller;
  readonly params: () => Record<string, string>;
  readonly body?: () => unknown;
  readonly headers?: Record<string, string>;
  readonly expect: number;
  /** One conditional write and nothing else (a status change that only stamps the status): throttled at its only call. */
  readonly oneCall?: true;
}

/** State changes that read several items and write several (or, `oneCall`, write in one), in the order a shop goes through them. */
const STEPS: readonly Step[] = [
  {
    id: 'returns.create',
    caller: () => world.owner,
    params: () => ({}),
    body: () => ({
      orderId: world.order.id,
      items: [{ lineItemId: world.order.lineItems[1]?.id, quantity: 1, reasonId: 'rsn_retdamaged' }],
      refundMethod: 'card',
      attachments: [world.attachmentId],
    }),
    headers: { 'idempotency-key': `return-${Date.now()}` },
    expect: 201,
  },
  {
    id: 'refunds.create',
    caller: () => admin,
    params: () => ({ orderId: world.order.id }),
    body: () => ({ refundLineItems: [{ lineItemId: world.order.lineItems[0]?.id, quantity: 1 }], restock: true }),
    expect: 201,
  },
  {
    id: 'refunds.settleTransaction',
    caller: () => admin,
    params: () => ({ refundId: world.refundId, txnId: world.txnId }),
    body: () => ({ status: 'success' }),
    expect: 200,
  },
  { id: 'cancellations.approve', caller: () => admin, params: () => ({ id: world.cancellationId }), expect: 200 },
  {
    id: 'returns.adminStatus',
    caller: () => admin,
    params: () => ({ returnId: world.returnId }),
    body: () => ({ status: 'picked_up' }),
    expect: 200,
    oneCall: true,
  },
  { id: 'returns.comment', caller: () => world.owner, params: () => ({ returnId: world.returnId }), body: () => ({ body: 'Picked up?' }), expect: 201 },
];

describe('DynamoDB throttled on the Nth call of a request', () => {
  const figures: string[] = [];

  it.each(STEPS.map((s) => [s.id, s] as const))(
    '%s: 503 + Retry-After and nothing written, at every call, then it succeeds',
    { timeout: 120_000 },
    async (_id, step) => {
      const request = {
        route: route(step.id),
        caller: step.caller(),
        pathParameters: step.params(),
        headers: { 'content-type': 'application/json', ...step.headers },
        body: step.body ? JSON.stringify(step.body()) : undefined,
      };
      for (let failAt = 1; ; failAt++) {
        expect(failAt, `${step.id} never succeeded`).toBeLessThan(40);
        const before = await worldState(world);
        Object.assign(fault, { armed: true, calls: 0, failAt, fired: 0 });
        const reply = await invoke(request);
        fault.armed = false;
        if (fault.fired === 0) {
          expect(reply.status, `${step.id} untouched: ${reply.text.slice(0, 300)}`).toBe(step.expect);
          if (step.id === 'returns.create') expect((JSON.parse(reply.text) as { attachments: string[] }).attachments).toEqual([world.attachmentId]);
          figures.push(`${step.id}: throttled at each of its ${failAt - 1} calls`);
          if (step.oneCall) expect(failAt - 1, `${step.id} makes one call`).toBe(1);
          else expect(failAt - 1, `${step.id} makes more than one call`).toBeGreaterThan(1);
          return;
        }
        expect(reply.status, `${step.id} throttled at call ${failAt}: ${reply.text.slice(0, 300)}`).toBe(503);
        expect(reply.headers['content-type']).toContain('application/problem+json');
        expect(Number(reply.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        const allowed = OUTSIDE_THE_TABLE[step.id] ?? [];
        expect(
          reply.writes.filter((w) => !allowed.includes(w)),
          `${step.id} throttled at call ${failAt}`,
        ).toEqual([]);
        expect(await worldState(world), `${step.id} throttled at call ${failAt} left a partial write`).toBe(before);
      }
    },
  );

  it('reports what was injected', () => {
    console.log(`faults-throttling: ${figures.join('; ')}`);
    expect(figures).toHaveLength(STEPS.length);
  });
});
