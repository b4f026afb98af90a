// Round trips of whole business flows, counted on the real local DynamoDB
// (every HTTP attempt of every call, not time): a flow that gains a trip fails
// here, before anyone runs `npm run bench`. The budgets are stated in
// test/bench/flow-trips.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { FLOW_TRIPS } from '../bench/flow-trips.ts';
import { FLOWS, runFlow } from '../bench/flows.ts';
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
    });
  }
});
