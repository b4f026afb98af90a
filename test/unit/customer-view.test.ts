import { describe, expect, it } from 'vitest';
import { forCustomer, publicActor } from '#shared/domain/customer-view';

describe('publicActor', () => {
  it.each([
    ['customer:cus-1', undefined, 'customer'],
    ['customer', 'new', 'customer'],
    ['admin:adm-1', 'shipped', 'shop'],
    ['admin', undefined, 'shop'],
    ['storefront:sf-1', 'pending', 'shop'],
    ['storefront:sf-1', 'cancelled', 'shop'],
    ['storefront:sf-1', 'confirmed', 'shop'],
    ['storefront:sf-1', 'picked_up', 'carrier'],
    ['storefront:sf-1', 'shipped', 'carrier'],
    ['storefront:sf-1', 'out_for_delivery', 'carrier'],
    ['storefront:sf-1', 'delivered', 'carrier'],
    ['storefront:sf-1', 'delivery_failed', 'carrier'],
    ['storefront:sf-1', undefined, 'shop'],
    ['system', 'refunded', 'shop'],
    ['', undefined, 'shop'],
  ])('%s (status %s) reads %s', (actor, status, expected) => {
    expect(publicActor(actor, status)).toBe(expected);
  });
});

describe('forCustomer', () => {
  it('maps every actor field at any depth and leaves everything else as it was', () => {
    const order = {
      id: 'ord_1',
      status: 'shipped',
      timeline: [
        { status: 'pending', at: 't0', by: 'storefront:sf', note: null },
        { status: 'confirmed', at: 't1', by: 'admin:adm-1', note: 'by: admin:adm-1 stays in a note' },
        { status: 'shipped', at: 't2', by: 'storefront:sf', note: null },
      ],
      totals: { total: 1000 },
    };
    const page = {
      items: [
        {
          id: 'ret_1',
          statusHistory: [
            { status: 'new', at: 't0', submittedBy: 'customer:cus-1' },
            { status: 'picked_up', at: 't1', submittedBy: 'admin:adm-1' },
          ],
          comments: [{ id: 'cmt_1', body: 'Hi', visibleToCustomer: true, submittedBy: 'admin:adm-1', createdAt: 't2' }],
        },
      ],
      nextCursor: null,
    };
    const note = { id: 'note_1', body: 'Hello', visibility: 'customer', author: 'admin:adm-1' };
    expect(forCustomer(order)).toEqual({
      ...order,
      timeline: [
        { ...order.timeline[0], by: 'shop' },
        { ...order.timeline[1], by: 'shop' },
        { ...order.timeline[2], by: 'carrier' },
      ],
    });
    expect(JSON.stringify(forCustomer(page))).not.toMatch(/admin:|customer:/);
    expect(forCustomer(page)).toMatchObject({
      items: [{ statusHistory: [{ submittedBy: 'customer' }, { submittedBy: 'shop' }], comments: [{ submittedBy: 'shop', body: 'Hi' }] }],
    });
    expect(forCustomer(note)).toEqual({ ...note, author: 'shop' });
    expect([forCustomer(null), forCustomer(3), forCustomer('admin:x')]).toEqual([null, 3, 'admin:x']);
  });
});
