// Round trips of whole business flows, counted on the real local DynamoDB
// (every HTTP attempt of every call, not time): a flow that gains a trip fails
// here, before anyone runs `npm run bench`. The budgets are stated in
// test/bench/flow-trips.ts, and so is every return target status: a status
// change that gains a trip fails its flow's step.
import { beforeAll, describe, expect, it } from 'vitest';
import { RETURN_STATUSES } from '#shared/domain/return-status';
import { FLOWS } from '../bench/flow-catalogue.ts';
import { FLOW_TRIPS, RETURN_STATUS_WHY } from '../bench/flow-trips.ts';
import { runFlow } from '../bench/flows.ts';
import { calibrateTransactionalFactor, installMeters } from '../bench/meter.ts';

let factor = 2;
beforeAll(async () => {
  installMeters();
  factor = await calibrateTransactionalFactor();
});

describe('round trips per business flow', () => {
  for (const flow of FLOWS) {
    it(`${flow.name}: the stated DynamoDB round trips, step by step`, async () => {
      const result = await runFlow(flow, factor);
      expect(Object.fromEntries(result.steps.map((s) => [s.label, s.trips]))).toEqual(FLOW_TRIPS[flow.name]);
      // Trips do not depend on load, time does: a loaded shared machine takes several times the idle one's 10 s.
    }, 120_000);
  }
});

describe('round trips per return target status', () => {
  it('measures every target status in some flow, and says why where it takes more than one trip', () => {
    const stated = new Map<string, number>();
    for (const steps of Object.values(FLOW_TRIPS)) {
      for (const [label, trips] of Object.entries(steps)) {
        const status = /^return → (\w+)$/.exec(label)?.[1];
        if (status) stated.set(status, Math.max(trips, stated.get(status) ?? 0));
      }
    }
    const targets = RETURN_STATUSES.filter((s) => s !== 'new');
    expect([...stated.keys()].sort()).toEqual([...targets].sort());
    expect(Object.keys(RETURN_STATUS_WHY).sort()).toEqual([...targets].sort());
    for (const status of targets) expect([status, RETURN_STATUS_WHY[status] !== '']).toEqual([status, (stated.get(status) ?? 0) > 1]);
  });
});
