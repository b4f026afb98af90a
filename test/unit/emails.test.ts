import { describe, expect, it } from 'vitest';
import { type EmailContext, renderEmail } from '#shared/domain/emails/index';
import type { OrderView, RefundView, ReturnRequestView } from '#shared/domain/notifications/views';

const ctx: EmailContext = { shopName: 'Shop & Co', storefrontUrl: 'https://shop.example/', locale: 'en' };
const order = (currency = 'USD'): OrderView => ({ id: 'ord_1', number: '1001', currency, customer: { name: 'Ada', email: 'ada@example.com' } });
const XSS = '<script>alert(1)</script>';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';

/** Both parts carry `text`; the HTML part never carries a raw tag from user input. */
const expectBoth = (email: { html: string; text: string }, ...texts: string[]) => {
  for (const t of texts) {
    expect(email.text).toContain(t);
    expect(email.html).toContain(t);
  }
};

describe('order status', () => {
  it('names the order and the new status in words, links to tracking, quotes the timeline note as text', () => {
    const email = renderEmail('order-status', { order: { ...order(), status: 'out_for_delivery', timeline: [{ note: `Gate code 42 ${XSS}` }] } }, ctx);
    expect(email.subject).toBe('Order 1001 is now out for delivery');
    expectBoth(email, '1001', 'out for delivery', 'https://shop.example/orders/ord_1');
    expect(email.text).toContain(`Gate code 42 ${XSS}`);
    expect(email.html).toContain(ESCAPED);
    expect(email.html).not.toContain('<script>');
  });
});

describe('cancellation', () => {
  const cancellation = {
    id: 'can_1',
    orderId: 'ord_1',
    status: 'approved' as const,
    refundAmount: 123456,
    comment: XSS,
    reasonText: 'Changed my mind',
    version: 2,
  };

  it.each([
    ['USD', '$1,234.56'],
    ['JPY', '¥123,456'],
    ['KWD', 'KWD\u00a0123.456'],
  ])('tells the customer of the cancellation and the refund in %s', (currency, amount) => {
    const email = renderEmail('cancellation-customer', { cancellation, order: order(currency) }, ctx);
    expect(email.subject).toBe('Order 1001 has been cancelled');
    // The one email of the approval says all of it: the order is cancelled, and what is refunded.
    expectBoth(email, amount, 'Hello Ada', 'approved', 'Order status', 'cancelled', `A refund of ${amount} will be issued`);
  });

  it('refunded at approval by voucher: the order is cancelled, the amount and the voucher code', () => {
    const email = renderEmail('cancellation-customer', { cancellation: { ...cancellation, status: 'refunded', voucherCode: 'VCH-7' }, order: order() }, ctx);
    expect(email.subject).toBe('Order 1001 has been cancelled and refunded');
    expectBoth(email, 'Your order 1001 has been cancelled', '$1,234.56', 'as a store voucher', 'VCH-7');
  });

  it('has words for every status, and the rejection reason for a rejected one', () => {
    const subjects = (['requested', 'approved', 'rejected', 'refunded'] as const).map(
      (status) =>
        renderEmail('cancellation-customer', { cancellation: { ...cancellation, status, rejectionReason: 'Already shipped' }, order: order() }, ctx).subject,
    );
    expect(subjects).toEqual([
      'We received your cancellation request for order 1001',
      'Order 1001 has been cancelled',
      'Your cancellation request for order 1001 was declined',
      'Order 1001 has been cancelled and refunded',
    ]);
    const rejected = renderEmail(
      'cancellation-customer',
      { cancellation: { ...cancellation, status: 'rejected', rejectionReason: 'Already shipped' }, order: order() },
      ctx,
    );
    expectBoth(rejected, 'Already shipped');
  });

  it('omits the refund when there is none (an unpaid order)', () => {
    const email = renderEmail('cancellation-customer', { cancellation: { ...cancellation, refundAmount: 0 }, order: order() }, ctx);
    expect(email.text).not.toContain('refund');
  });

  it("gives the admins the customer's words escaped, the reason and a link to the admin page", () => {
    const email = renderEmail('cancellation-admin', { cancellation: { ...cancellation, status: 'requested' }, order: order() }, ctx);
    expect(email.subject).toBe('[Cancellation] Cancellation requested for order 1001');
    expectBoth(email, 'Changed my mind', 'ada@example.com', 'https://shop.example/admin/cancellations/can_1');
    expect(email.text).toContain(XSS);
    expect(email.html).toContain(ESCAPED);
    expect(email.html).not.toContain('<script>');
  });
});

describe('return request', () => {
  const request = (status: ReturnRequestView['status'], extra: Partial<ReturnRequestView> = {}): ReturnRequestView => ({
    id: 'ret_1',
    orderId: 'ord_1',
    orderNumber: '1001',
    currency: 'KWD',
    customer: { name: 'Ada', email: 'ada@example.com' },
    status,
    items: [{ lineItemId: 'li_1', title: `Mug ${XSS}`, quantity: 2, goodQuantity: 1, reasonText: 'Broken' }],
    refundMethod: 'voucher',
    refundAmount: 2500,
    extraComment: `Ring twice ${XSS}`,
    version: 2,
    ...extra,
  });

  it('tells the admins of a new request with its items and the escaped comment', () => {
    const email = renderEmail('return-created-admin', { returnRequest: request('new') }, ctx);
    expect(email.subject).toBe('[Return] New return request for order 1001');
    expectBoth(email, 'ret_1', 'Broken', 'https://shop.example/admin/returns/ret_1');
    expect(email.text).toContain(`Ring twice ${XSS}`);
    expect(email.html).toContain(`Ring twice ${ESCAPED}`);
    expect(email.html).not.toContain('<script>');
  });

  it('confirms a new request to the customer as received, not as "now new"', () => {
    const customer = renderEmail('return-status-customer', { returnRequest: request('new') }, ctx);
    expect(customer.subject).toBe('We received your return request for order 1001');
    expectBoth(customer, 'We received your return request and will review it shortly.', 'https://shop.example/returns/ret_1');
  });

  it.each([
    ['picked_up', 'picked up'],
    ['pending_verification', 'pending verification'],
    ['approved', 'approved'],
    ['partially_approved', 'partially approved'],
    ['denied', 'denied'],
    ['refunded', 'refunded'],
    ['cancelled', 'cancelled'],
  ] as const)('tells the customer and the admins the return is now %s', (status, words) => {
    const customer = renderEmail('return-status-customer', { returnRequest: request(status) }, ctx);
    const admin = renderEmail('return-status-admin', { returnRequest: request(status) }, ctx);
    expect(customer.subject).toBe(`Your return for order 1001 is now ${words}`);
    expect(admin.subject).toBe(`[Return] Return for order 1001 is now ${words}`);
    expectBoth(customer, words, 'https://shop.example/returns/ret_1');
    expectBoth(admin, words, 'https://shop.example/admin/returns/ret_1');
    expect(customer.html).not.toContain('<script>');
  });

  it('shows the refund in the currency (KWD, 3 decimals), the verdict per item and the voucher code once refunded', () => {
    const email = renderEmail('return-status-customer', { returnRequest: request('refunded', { voucherCode: 'VCH-1' }) }, ctx);
    expectBoth(email, 'KWD\u00a02.500', '1 of 2 accepted', 'VCH-1', 'as a store voucher');
  });

  it('gives the rejection reason of a denied request and no refund', () => {
    const email = renderEmail('return-status-customer', { returnRequest: request('denied', { rejectionReason: 'Used' }) }, ctx);
    expectBoth(email, 'Used');
    expect(email.text).not.toContain('KWD\u00a02.500');
  });

  it('falls back to the loaded order for the number, currency and name', () => {
    const bare = request('approved', { orderNumber: undefined, currency: undefined, customer: null });
    const email = renderEmail('return-status-customer', { returnRequest: bare, order: { ...order('JPY'), number: '2002' } }, ctx);
    expect(email.subject).toBe('Your return for order 2002 is now approved');
    expectBoth(email, '¥2,500', 'Hello Ada');
  });
});

describe('refund', () => {
  const refund = (currency: string, gateway: string, status: 'pending' | 'success' | 'failure'): RefundView => ({
    id: 'rfd_1',
    orderId: 'ord_1',
    currency,
    total: 1999,
    refundLineItems: [{ quantity: 2, lineItem: { title: 'Mug', variantTitle: 'Blue' } }],
    shipping: { amount: 500 },
    transactions: [{ id: 'txn_1', amount: 1999, currency, gateway, status, ...(gateway === 'voucher' ? { voucherCode: 'VCH-9' } : {}) }],
  });

  it.each([
    ['USD', '$19.99', '$5.00'],
    ['JPY', '¥1,999', '¥500'],
    ['KWD', 'KWD\u00a01.999', 'KWD\u00a00.500'],
  ])('tells the customer of a new refund in %s with what was refunded', (currency, total, shipping) => {
    const email = renderEmail('refund-created', { refund: refund(currency, 'card', 'pending'), order: order(currency) }, ctx);
    expect(email.subject).toBe(`Refund of ${total} for order 1001`);
    expectBoth(email, total, `Shipping: ${shipping}`, 'Mug (Blue) × 2', 'to your card');
  });

  it('gives the voucher code of a voucher refund', () => {
    const email = renderEmail('refund-created', { refund: refund('USD', 'voucher', 'success'), order: order() }, ctx);
    expectBoth(email, 'VCH-9', 'as a store voucher');
  });

  it('tells the customer a transaction succeeded or failed', () => {
    const sent = refund('USD', 'bank_transfer', 'success');
    const success = renderEmail('refund-transaction', { refund: sent, transaction: sent.transactions![0]!, order: order() }, ctx);
    expect(success.subject).toBe('Your refund of $19.99 for order 1001 has been sent');
    expectBoth(success, 'by bank transfer', 'completed');
    const failedRefund = refund('USD', 'card', 'failure');
    const failure = renderEmail('refund-transaction', { refund: failedRefund, transaction: failedRefund.transactions![0]!, order: order() }, ctx);
    expect(failure.subject).toBe('We could not complete your refund for order 1001');
    expectBoth(failure, 'failed', '$19.99', 'still owed to you');
    // It promises only what the product does.
    expect(failure.text).not.toContain('notified');
  });

  it('tells the admins a transaction failed, with what is still owed and where to retry', () => {
    const failedRefund = refund('USD', 'bank_transfer', 'failure');
    const transaction = { ...failedRefund.transactions![0]!, message: 'Account closed' };
    const email = renderEmail('refund-failed-admin', { refund: failedRefund, transaction, order: order() }, ctx);
    expect(email.subject).toBe('[Refund] A refund of $19.99 for order 1001 failed');
    expectBoth(email, 'by bank transfer', 'still owed', 'Account closed', 'txn_1');
  });
});

describe('order note and return comments', () => {
  it('delivers a note containing <script> as text', () => {
    const email = renderEmail(
      'order-note',
      { note: { id: 'note_1', orderId: 'ord_1', body: `Line one\n${XSS}`, visibility: 'customer' }, order: order() },
      ctx,
    );
    expect(email.subject).toBe('A message about your order 1001');
    expect(email.text).toContain(`> ${XSS}`);
    expect(email.html).toContain(`Line one<br>${ESCAPED}`);
    expect(email.html).not.toContain('<script>');
  });

  it("sends an admin's comment to the customer and a customer's to the admins", () => {
    const comment = { id: 'cmt_1', returnId: 'ret_1', orderId: 'ord_1', body: XSS, visibleToCustomer: true, submittedBy: 'admin:a' };
    const toCustomer = renderEmail('return-comment-customer', { comment, order: order() }, ctx);
    expect(toCustomer.subject).toBe('New message about your return for order 1001');
    expectBoth(toCustomer, 'https://shop.example/returns/ret_1');
    const toAdmins = renderEmail('return-comment-admin', { comment: { ...comment, submittedBy: 'customer:c' }, order: order() }, ctx);
    expect(toAdmins.subject).toBe('[Return] Customer comment on the return for order 1001');
    expectBoth(toAdmins, 'ada@example.com', 'https://shop.example/admin/returns/ret_1');
    for (const email of [toCustomer, toAdmins]) {
      expect(email.text).toContain(XSS);
      expect(email.html).toContain(ESCAPED);
      expect(email.html).not.toContain('<script>');
    }
  });
});
