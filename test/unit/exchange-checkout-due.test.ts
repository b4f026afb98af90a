// Which table changes put an exchange's payment page on the payments queue:
// entering awaiting_payment with a positive difference and no page; never
// again once it waits (the consumer's own write of the page is not work).
import { describe, expect, it } from 'vitest';
import { exchangeCheckoutDue, exchangeCheckoutDueOf } from '#shared/domain/exchange-checkout-due';
import type { Change } from '#shared/domain/notifications/types';
import { owingExchange } from '../support/exchange-fixture.ts';

const change = (oldImage: object | undefined, newImage: object | undefined): Change =>
  ({ type: 'Exchange', eventName: oldImage ? 'MODIFY' : 'INSERT', old: oldImage, new: newImage }) as unknown as Change;

describe('exchange checkout due', () => {
  const requested = owingExchange({ status: 'requested' });
  const owing = owingExchange();
  const withPage = owingExchange({ payment: { sessionId: 'cs_1', url: 'https://x', expiresAt: '2026-12-08T10:00:00.000Z' } });

  it('is due when an approval leaves it awaiting payment without a page', () => {
    expect(exchangeCheckoutDue(change(requested, owing))).toEqual({ exchangeId: 'exc_1' });
  });

  it('is not due again: the page recorded, or any other change of one already waiting', () => {
    expect(exchangeCheckoutDue(change(owing, withPage))).toBeUndefined();
    expect(exchangeCheckoutDue(change(owing, owing))).toBeUndefined();
    expect(exchangeCheckoutDue(change(requested, owingExchange({ status: 'awaiting_return' })))).toBeUndefined();
  });

  it('reads its bus detail back, and nothing else', () => {
    expect(exchangeCheckoutDueOf({ exchangeId: 'exc_1' })).toEqual({ exchangeId: 'exc_1' });
    expect(exchangeCheckoutDueOf({ refundId: 'rfd_1', transactionIds: [] })).toBeUndefined();
    expect(exchangeCheckoutDueOf(null)).toBeUndefined();
  });
});
