import { describe, expect, it } from 'vitest';
import { type Caller, ownerIdOf, visibleTo } from '#shared/domain/caller';
import { NotFoundError } from '#shared/domain/errors';
import { callerOf } from '#shared/http/principal';

const order = { id: 'ord_1', customerId: 'cus-ada' };
const ownerOf = (o: typeof order) => o.customerId;
const ada: Caller = { role: 'customer', customerId: 'cus-ada' };
const bob: Caller = { role: 'customer', customerId: 'cus-bob' };
const admin: Caller = { role: 'admin' };

describe('caller', () => {
  it('reads every principal one way: an admin, or a customer by id; any other role owns nothing', () => {
    expect(callerOf({ role: 'admin', sub: 'a1', email: null })).toEqual(admin);
    expect(callerOf({ role: 'customer', sub: 'cus-ada', email: 'ada@example.com' })).toEqual(ada);
    expect(callerOf({ role: 'storefront', sub: 'shop' })).toEqual({ role: 'customer', customerId: '' });
    expect(callerOf({ role: 'public' })).toEqual({ role: 'customer', customerId: '' });
  });

  it('shows the owner and an admin what was found', () => {
    expect(visibleTo(ada, order, ownerOf, 'The order')).toBe(order);
    expect(visibleTo(admin, order, ownerOf, 'The order')).toBe(order);
  });

  it("answers someone else's exactly like a missing one", () => {
    const missing = (() => {
      try {
        visibleTo(ada, undefined, ownerOf, 'The order');
      } catch (error) {
        return error;
      }
    })();
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(() => visibleTo(bob, order, ownerOf, 'The order')).toThrow(missing as Error);
    expect(() => visibleTo(admin, undefined, ownerOf, 'The order')).toThrow(NotFoundError);
    // A caller without an id (a storefront on a customer route) owns nothing, not every id-less resource.
    expect(() => visibleTo({ role: 'customer', customerId: '' }, order, ownerOf, 'The order')).toThrow(NotFoundError);
  });

  it("lists a customer's own; an admin has no own list", () => {
    expect(ownerIdOf(ada)).toBe('cus-ada');
    expect(ownerIdOf(admin)).toBe('');
  });
});
