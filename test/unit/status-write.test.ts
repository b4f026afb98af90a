// The one-write plans against the domain's own transitions: applied the way
// DynamoDB applies the UpdateItem (condition, SET, list_append, version + 1),
// a plan writes exactly what transitionOrder / transitionReturn produce, and
// where its condition refuses, the explanation is the error they throw.
import { describe, expect, it } from 'vitest';
import { DomainError } from '#shared/domain/errors';
import { buildOrder, type Order } from '#shared/domain/order';
import { type StatusChange, transitionOrder } from '#shared/domain/order-lifecycle';
import { explainOrderStatusRefusal, planOrderStatusWrite } from '#shared/domain/order-status-change';
import { ORDER_STATUSES } from '#shared/domain/order-transitions';
import { buildReturnRequest, type ReturnTransition, transitionReturn } from '#shared/domain/return-lifecycle';
import type { ReturnRecord } from '#shared/domain/return-request';
import { RETURN_STATUSES } from '#shared/domain/return-status';
import { explainReturnStatusRefusal, planReturnStatusWrite, VERDICT, verdictOf } from '#shared/domain/return-status-change';
import type { StatusWrite } from '#shared/domain/status-write';
import { orderBody } from '../support/orders.ts';
import { deliveredOrder, NOW, returnBody } from '../support/returns.ts';

const AT = '2026-11-22T10:00:00.000Z';

/** What DynamoDB does with the UpdateItem status-update.ts builds: the item written, or `undefined` when the condition refuses. */
const apply = <T extends { status: string; version: number }>(item: T, write: StatusWrite<string>, held = false): T | undefined => {
  const record = item as unknown as Record<string, unknown>;
  const meets =
    write.from.includes(item.status) &&
    Object.entries(write.require).every(([field, value]) => record[field] === value) &&
    (write.expectedVersion === undefined || write.expectedVersion === item.version) &&
    !held;
  if (!meets) return undefined;
  const appended = Object.fromEntries(Object.entries(write.append).map(([field, entries]) => [field, [...(record[field] as unknown[]), ...entries]]));
  return { ...item, ...write.set, ...appended, status: write.to, version: item.version + 1, updatedAt: write.at };
};

const outcome = (fn: () => unknown): unknown => {
  try {
    return { ok: fn() };
  } catch (error) {
    return error instanceof DomainError ? { code: error.code, message: error.message, details: error.details } : error;
  }
};

describe('order status write plan', () => {
  const base = buildOrder(orderBody(), { id: 'ord_1', number: 'N1', lineIds: ['li_1', 'li_2'], now: NOW, by: 'storefront:s' });

  it('writes what transitionOrder writes, and is refused exactly where it throws, with its error', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES.filter((s) => s !== 'cancelled')) {
        for (const paymentStatus of ['unpaid', 'paid'] as const) {
          for (const paymentCollected of [undefined, true]) {
            const order: Order = { ...base, status: from, paymentStatus };
            const change: StatusChange = { to, at: AT, by: 'admin:a', note: 'n', paymentCollected };
            const reference = outcome(() => transitionOrder(order, change));
            let written = apply(order, planOrderStatusWrite(change, undefined));
            if (!written) {
              const replanned = outcome(() => explainOrderStatusRefusal(order, false, change, undefined));
              // Refused only for the payment rule: the same move without the collection is written instead.
              if ('ok' in (replanned as object)) written = apply(order, planOrderStatusWrite((replanned as { ok: StatusChange }).ok, undefined));
              else expect(replanned).toEqual(reference);
            }
            if (written) expect({ ok: written }).toEqual(reference);
          }
        }
      }
    }
  });

  it('explains a refusal: none is 404, a stale If-Match 412 before the table, the hold 409 after it', () => {
    const change: StatusChange = { to: 'shipped', at: AT, by: 'admin:a' };
    const confirmed: Order = { ...base, status: 'confirmed', version: 3 };
    expect(outcome(() => explainOrderStatusRefusal(undefined, false, change, undefined))).toMatchObject({ code: 'not_found' });
    expect(outcome(() => explainOrderStatusRefusal({ ...base, version: 3 }, false, change, 2))).toMatchObject({ code: 'precondition_failed' });
    expect(outcome(() => explainOrderStatusRefusal(base, true, change, undefined))).toMatchObject({
      code: 'conflict',
      details: { allowedTransitions: ['confirmed', 'cancelled'] },
    });
    expect(outcome(() => explainOrderStatusRefusal(confirmed, true, change, 3))).toMatchObject({ code: 'conflict', details: { allowedTransitions: [] } });
    expect(apply(confirmed, planOrderStatusWrite(change, 3), true)).toBeUndefined();
  });
});

describe('return status write plan', () => {
  const fresh = buildReturnRequest({ id: 'ret_1', order: deliveredOrder(), body: returnBody(), now: NOW, actor: 'customer:c' });

  // Unverified, every unit good, some good, none good: the verdicts a request can carry.
  const verifications = [null, 2, 1, 0].map((good) => fresh.items.map((i) => ({ ...i, goodQuantity: good === null ? null : Math.min(good, i.quantity) })));

  it('covers the moves that give no units back, writing what transitionReturn writes or refusing with its error', () => {
    const planned = new Set<string>();
    let writtenFromVerification = 0;
    for (const items of verifications) {
      for (const from of RETURN_STATUSES) {
        for (const to of RETURN_STATUSES) {
          const request: ReturnRecord = { ...fresh, items, status: from };
          const change: ReturnTransition = { to, at: AT, by: 'admin:a', role: 'admin' };
          const write = planReturnStatusWrite(change, undefined);
          if (!write) continue;
          planned.add(to);
          const reference = outcome(() => transitionReturn(request, change));
          // Applied to the item as stored: the request with the verdict returns-repo writes beside it.
          const stored = apply({ ...request, [VERDICT]: verdictOf(request) }, write);
          const written = stored && (({ [VERDICT]: _, ...rest }) => rest)(stored);
          if (written) expect({ ok: written }).toEqual(reference);
          else expect(outcome(() => explainReturnStatusRefusal(request, change, undefined))).toEqual(reference);
          if (written && from === 'pending_verification') writtenFromVerification++;
        }
      }
    }
    // Nothing moves to `new`: its write is always refused, and explained, in one trip. `approved` is
    // written from pending_verification exactly when every unit is good.
    expect([...planned].sort()).toEqual(['approved', 'new', 'pending_verification', 'picked_up']);
    expect(writtenFromVerification).toBe(1);
    // A customer's withdrawal gives units back: it reads first.
    expect(planReturnStatusWrite({ to: 'cancelled', at: AT, by: 'customer', role: 'customer' }, undefined)).toBeUndefined();
  });
});
