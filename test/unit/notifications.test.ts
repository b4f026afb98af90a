import { describe, expect, it } from 'vitest';
import { notificationsFor } from '#shared/domain/notifications/index';
import type { Change } from '#shared/domain/notifications/types';

type Image = Record<string, unknown>;
const insert = (type: string, next: Image): Change => ({ eventName: 'INSERT', type, old: undefined, new: next });
const modify = (type: string, old: Image, next: Image): Change => ({ eventName: 'MODIFY', type, old, new: next });
const summary = (change: Change) => notificationsFor(change).map((n) => ({ key: n.key, template: n.template, to: n.to, withOrder: n.withOrder }));

const order = { id: 'ord_1', number: '1001', currency: 'USD', customer: { name: 'Ada', email: 'ada@example.com' }, status: 'confirmed', version: 2 };
const cancellation = { id: 'can_1', orderId: 'ord_1', orderNumber: '1001', status: 'requested', refundAmount: 4450, version: 1 };
const returnRequest = {
  id: 'ret_1',
  orderId: 'ord_1',
  orderNumber: '1001',
  currency: 'USD',
  customer: { name: 'Ada', email: 'ada@example.com' },
  status: 'new',
  items: [{ lineItemId: 'li_1', title: 'Mug', quantity: 1 }],
  version: 1,
};
const txn = { id: 'txn_1', amount: 4450, currency: 'USD', gateway: 'card', status: 'pending' };
const refund = { id: 'rfd_1', orderId: 'ord_1', currency: 'USD', total: 4450, transactions: [txn], version: 1 };
const note = { id: 'note_1', orderId: 'ord_1', body: 'Hi', visibility: 'customer' };
const comment = { id: 'cmt_1', returnId: 'ret_1', orderId: 'ord_1', body: 'Hi', visibleToCustomer: true, submittedBy: 'admin:adm-1' };

describe('notificationsFor: what is not notifiable', () => {
  it('drops removals, unknown types and records without a new image', () => {
    expect(notificationsFor({ eventName: 'REMOVE', type: 'Order', old: order, new: undefined })).toEqual([]);
    expect(notificationsFor({ eventName: 'REMOVE', type: 'Cancellation', old: cancellation, new: cancellation })).toEqual([]);
    expect(notificationsFor(insert('Stock', { sku: 'A', status: 'x' }))).toEqual([]);
    expect(notificationsFor(insert('', {}))).toEqual([]);
    expect(notificationsFor({ eventName: 'MODIFY', type: 'Order', old: order, new: undefined })).toEqual([]);
    // `toString` is on every object's prototype: type names are looked up as own keys only.
    expect(notificationsFor(insert('toString', {}))).toEqual([]);
  });
});

describe('order', () => {
  it('emails the customer once per status change, keyed by id and version', () => {
    expect(summary(modify('Order', order, { ...order, status: 'shipped', version: 3 }))).toEqual([
      { key: 'ord_1#v3#customer', template: 'order-status', to: { kind: 'email', email: 'ada@example.com' }, withOrder: undefined },
    ]);
  });
  it('says nothing on creation or on changes that keep the status', () => {
    expect(notificationsFor(insert('Order', order))).toEqual([]);
    expect(notificationsFor(modify('Order', order, { ...order, paymentStatus: 'refunded', version: 3 }))).toEqual([]);
  });
  it('says nothing when cancelled: the cancellation written with it tells the customer (one action, one email)', () => {
    expect(notificationsFor(modify('Order', order, { ...order, status: 'cancelled', version: 3 }))).toEqual([]);
  });
});

describe('cancellation', () => {
  it('emails customer and admins on creation, reading the order for address and currency', () => {
    expect(summary(insert('Cancellation', cancellation))).toEqual([
      { key: 'can_1#v1#customer', template: 'cancellation-customer', to: { kind: 'customerOfOrder', orderId: 'ord_1' }, withOrder: 'ord_1' },
      { key: 'can_1#v1#admins', template: 'cancellation-admin', to: { kind: 'admins' }, withOrder: 'ord_1' },
    ]);
  });
  it('emails both again on a status change, with the new version in the key', () => {
    const next = { ...cancellation, status: 'approved', version: 2 };
    expect(summary(modify('Cancellation', cancellation, next)).map((n) => n.key)).toEqual(['can_1#v2#customer', 'can_1#v2#admins']);
  });
  it('approved → refunded (its refund settled later) emails only the admins: the customer reads the transaction email', () => {
    const approved = { ...cancellation, status: 'approved', version: 2 };
    const refunded = { ...approved, status: 'refunded', version: 3 };
    expect(summary(modify('Cancellation', approved, refunded)).map((n) => n.key)).toEqual(['can_1#v3#admins']);
  });
  it('refunded → approved (the provider reversed its refund) sends nothing itself: the failed transaction emails the customer and the admins', () => {
    const refunded = { ...cancellation, status: 'refunded', version: 3 };
    expect(notificationsFor(modify('Cancellation', refunded, { ...refunded, status: 'approved', version: 4 }))).toEqual([]);
  });
  it('straight to refunded at approval (a voucher) is the approval: customer and admins', () => {
    const refunded = { ...cancellation, status: 'refunded', voucherCode: 'VCH-1', version: 2 };
    expect(summary(modify('Cancellation', cancellation, refunded)).map((n) => n.key)).toEqual(['can_1#v2#customer', 'can_1#v2#admins']);
    expect(summary(insert('Cancellation', { ...refunded, version: 1 })).map((n) => n.key)).toEqual(['can_1#v1#customer', 'can_1#v1#admins']);
  });
  it('ignores changes that keep the status, and statuses it has no words for', () => {
    expect(notificationsFor(modify('Cancellation', cancellation, { ...cancellation, refundId: 'rfd_1', version: 2 }))).toEqual([]);
    expect(notificationsFor(insert('Cancellation', { ...cancellation, status: 'archived' }))).toEqual([]);
  });
});

describe('return request', () => {
  it('emails the customer (a receipt) and the admins when created', () => {
    expect(summary(insert('ReturnRequest', returnRequest))).toEqual([
      { key: 'ret_1#v1#customer', template: 'return-status-customer', to: { kind: 'email', email: 'ada@example.com' }, withOrder: undefined },
      { key: 'ret_1#v1#admins', template: 'return-created-admin', to: { kind: 'admins' }, withOrder: undefined },
    ]);
  });
  it('emails the customer (address from the request) and the admins on each status change', () => {
    const next = { ...returnRequest, status: 'picked_up', version: 2 };
    expect(summary(modify('ReturnRequest', returnRequest, next))).toEqual([
      { key: 'ret_1#v2#customer', template: 'return-status-customer', to: { kind: 'email', email: 'ada@example.com' }, withOrder: undefined },
      { key: 'ret_1#v2#admins', template: 'return-status-admin', to: { kind: 'admins' }, withOrder: undefined },
    ]);
  });
  it('reads the order when the request lacks its number, currency or contact', () => {
    const bare = { ...returnRequest, customer: null, orderNumber: undefined, status: 'denied', version: 4 };
    expect(summary(modify('ReturnRequest', returnRequest, bare))).toEqual([
      { key: 'ret_1#v4#customer', template: 'return-status-customer', to: { kind: 'customerOfOrder', orderId: 'ord_1' }, withOrder: 'ord_1' },
      { key: 'ret_1#v4#admins', template: 'return-status-admin', to: { kind: 'admins' }, withOrder: 'ord_1' },
    ]);
  });
  it('ignores item verifications that keep the status, and unknown statuses', () => {
    const verifying = { ...returnRequest, status: 'pending_verification', version: 3 };
    const verified = { ...verifying, items: [{ ...returnRequest.items[0], goodQuantity: 1 }], version: 4 };
    expect(notificationsFor(modify('ReturnRequest', verifying, verified))).toEqual([]);
    expect(notificationsFor(modify('ReturnRequest', verifying, { ...verifying, status: 'lost', version: 4 }))).toEqual([]);
  });
});

describe('refund', () => {
  it('emails the customer when a manual refund is created, keyed by the refund id', () => {
    expect(summary(insert('Refund', refund))).toEqual([
      { key: 'rfd_1#created#customer', template: 'refund-created', to: { kind: 'customerOfOrder', orderId: 'ord_1' }, withOrder: 'ord_1' },
    ]);
    expect(summary(insert('Refund', { ...refund, source: { type: 'manual', id: null } })).map((n) => n.key)).toEqual(['rfd_1#created#customer']);
  });
  it.each(['return', 'cancellation'])('says nothing when created for a %s: that record tells the amount', (type) => {
    expect(notificationsFor(insert('Refund', { ...refund, source: { type, id: 'x_1' } }))).toEqual([]);
  });
  it('emails the customer when a transaction succeeds or fails, and the admins when it fails', () => {
    const succeeded = { ...refund, transactions: [{ ...txn, status: 'success' }], version: 2 };
    expect(summary(modify('Refund', refund, succeeded)).map((n) => [n.key, n.template])).toEqual([['rfd_1#v2#txn_1#success#customer', 'refund-transaction']]);
    const failed = { ...refund, transactions: [{ ...txn, status: 'failure' }], version: 2 };
    expect(summary(modify('Refund', refund, failed))).toEqual([
      { key: 'rfd_1#v2#txn_1#failure#customer', template: 'refund-transaction', to: { kind: 'customerOfOrder', orderId: 'ord_1' }, withOrder: 'ord_1' },
      { key: 'rfd_1#v2#txn_1#failure#admins', template: 'refund-failed-admin', to: { kind: 'admins' }, withOrder: 'ord_1' },
    ]);
  });
  it('tells of each transaction that settled in the change, and of none that stayed or is pending', () => {
    const two = { ...refund, transactions: [txn, { ...txn, id: 'txn_2' }] };
    const both = {
      ...refund,
      transactions: [
        { ...txn, status: 'success' },
        { ...txn, id: 'txn_2', status: 'failure' },
      ],
      version: 2,
    };
    expect(summary(modify('Refund', two, both)).map((n) => n.key)).toEqual([
      'rfd_1#v2#txn_1#success#customer',
      'rfd_1#v2#txn_2#failure#customer',
      'rfd_1#v2#txn_2#failure#admins',
    ]);
    const unchanged = { ...both, note: 'edited', version: 3 };
    expect(notificationsFor(modify('Refund', both, unchanged))).toEqual([]);
    const appendedPending = { ...refund, transactions: [txn, { ...txn, id: 'txn_3' }], version: 2 };
    expect(notificationsFor(modify('Refund', refund, appendedPending))).toEqual([]);
    const appendedDone = { ...refund, transactions: [txn, { ...txn, id: 'txn_3', status: 'success' }], version: 2 };
    expect(summary(modify('Refund', refund, appendedDone)).map((n) => n.key)).toEqual(['rfd_1#v2#txn_3#success#customer']);
  });
});

describe('order note', () => {
  it('emails the customer a note they can see, once per note', () => {
    expect(summary(insert('OrderNote', note))).toEqual([
      { key: 'note_1#customer', template: 'order-note', to: { kind: 'customerOfOrder', orderId: 'ord_1' }, withOrder: 'ord_1' },
    ]);
    // A private note shared later gets the same key, so it is emailed at most once either way.
    expect(summary(modify('OrderNote', { ...note, visibility: 'private' }, note)).map((n) => n.key)).toEqual(['note_1#customer']);
  });
  it('never emails a private note, nor a visible one again', () => {
    expect(notificationsFor(insert('OrderNote', { ...note, visibility: 'private' }))).toEqual([]);
    expect(notificationsFor(modify('OrderNote', note, { ...note, body: 'edited' }))).toEqual([]);
  });
});

describe('return comment', () => {
  it("emails the customer an admin's visible comment", () => {
    expect(summary(insert('ReturnComment', comment))).toEqual([
      { key: 'cmt_1#customer', template: 'return-comment-customer', to: { kind: 'customerOfOrder', orderId: 'ord_1' }, withOrder: 'ord_1' },
    ]);
    expect(summary(insert('ReturnComment', { ...comment, submittedBy: 'admin' })).map((n) => n.key)).toEqual(['cmt_1#customer']);
  });
  it("keeps an admin's internal comment internal until it is shared", () => {
    const internal = { ...comment, visibleToCustomer: false };
    expect(notificationsFor(insert('ReturnComment', internal))).toEqual([]);
    expect(summary(modify('ReturnComment', internal, comment)).map((n) => n.key)).toEqual(['cmt_1#customer']);
    expect(notificationsFor(modify('ReturnComment', comment, { ...comment, body: 'edited' }))).toEqual([]);
  });
  it("emails the admins a customer's comment, on creation only", () => {
    const mine = { ...comment, submittedBy: 'customer:cus-1' };
    expect(summary(insert('ReturnComment', mine))).toEqual([
      { key: 'cmt_1#admins', template: 'return-comment-admin', to: { kind: 'admins' }, withOrder: 'ord_1' },
    ]);
    expect(notificationsFor(modify('ReturnComment', mine, { ...mine, body: 'edited' }))).toEqual([]);
  });
});
