import { describe, expect, it } from 'vitest';
import {
  allowedReturnTransitions,
  allVerified,
  customerReturnTransitions,
  impliedReturnStatus,
  isFinalReturnStatus,
  isOpenReturnStatus,
  itemStatusOf,
  RETURN_STATUSES,
  RETURN_TRANSITIONS,
} from '#shared/domain/return-status';

const item = (quantity: number, goodQuantity: number | null) => ({ quantity, goodQuantity });

describe('return status machine', () => {
  it('is the table of API.md', () => {
    expect(RETURN_TRANSITIONS).toEqual({
      new: ['picked_up', 'pending_verification', 'denied', 'cancelled'],
      picked_up: ['pending_verification'],
      pending_verification: ['approved', 'partially_approved', 'denied'],
      approved: ['refunded'],
      partially_approved: ['refunded'],
      refunded: [],
      denied: [],
      cancelled: [],
    });
    expect(RETURN_STATUSES.filter(isFinalReturnStatus)).toEqual(['denied', 'refunded', 'cancelled']);
    expect(RETURN_STATUSES.filter(isOpenReturnStatus)).toEqual(['new', 'picked_up', 'pending_verification', 'approved', 'partially_approved']);
  });

  it('derives an item status from goodQuantity', () => {
    expect(itemStatusOf(0, 3)).toBe('denied');
    expect(itemStatusOf(1, 3)).toBe('partially_approved');
    expect(itemStatusOf(2, 3)).toBe('partially_approved');
    expect(itemStatusOf(3, 3)).toBe('approved');
  });

  it('implies nothing until every item is verified, then approved / partially approved / denied', () => {
    expect(allVerified([item(2, 1), item(1, null)])).toBe(false);
    expect(impliedReturnStatus([item(2, 1), item(1, null)])).toBeUndefined();
    expect(impliedReturnStatus([])).toBeUndefined();
    expect(impliedReturnStatus([item(2, 2), item(1, 1)])).toBe('approved');
    expect(impliedReturnStatus([item(2, 2), item(1, 0)])).toBe('partially_approved');
    expect(impliedReturnStatus([item(2, 1)])).toBe('partially_approved');
    expect(impliedReturnStatus([item(2, 0), item(1, 0)])).toBe('denied');
  });

  it('narrows pending_verification to the implied status, and to none before every item is verified', () => {
    const pending = (items: { quantity: number; goodQuantity: number | null }[]) => allowedReturnTransitions({ status: 'pending_verification', items });
    expect(pending([item(1, null)])).toEqual([]);
    expect(pending([item(1, 1)])).toEqual(['approved']);
    expect(pending([item(2, 1)])).toEqual(['partially_approved']);
    expect(pending([item(2, 0)])).toEqual(['denied']);
    for (const status of RETURN_STATUSES.filter((s) => s !== 'pending_verification')) {
      expect(allowedReturnTransitions({ status, items: [item(1, null)] })).toEqual(RETURN_TRANSITIONS[status]);
    }
  });

  it('lets a customer withdraw only a new request', () => {
    for (const status of RETURN_STATUSES) expect(customerReturnTransitions(status)).toEqual(status === 'new' ? ['cancelled'] : []);
  });
});
