// End to end: a status change through the local API reaches the table's
// stream, the local poller runs the real notify handler, and exactly one email
// per change arrives at the local SES.
import { describe, expect, it } from 'vitest';
import { waitForStreamIdle } from '#infra/local/control-server';
import { waitForEmail } from '#infra/local/ses-local';
import type { Order } from '#shared/domain/order';
import { admin, call, createOrder, customer, deliver } from '../support/api.ts';
import { inbox, sesUrl } from '../support/notify.ts';

describe('notify end to end', () => {
  it('emails the customer exactly once per order status change', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    for (const status of ['confirmed', 'shipped'] as const) {
      const reply = await call<Order>(admin, 'POST', `/admin/orders/${order.id}/status`, {
        status,
        note: status === 'shipped' ? 'Tracking <b>123</b>' : undefined,
      });
      expect(reply.status).toBe(200);
    }
    await waitForEmail(sesUrl(), (e) => e.destination.to.includes(owner.email) && e.subject.endsWith('now shipped'), { timeoutMs: 20_000 });
    // Everything the stream holds so far has been handled: no late duplicate can still arrive.
    await waitForStreamIdle();
    const mails = await inbox(owner.email);
    expect(mails.map((e) => e.subject)).toEqual([`Order ${order.number} is now confirmed`, `Order ${order.number} is now shipped`]);
    const shipped = mails[1]!;
    expect(shipped.body.text).toContain('Tracking <b>123</b>');
    expect(shipped.body.html).toContain('Tracking &lt;b&gt;123&lt;/b&gt;');
    expect(shipped.body.text).toContain(`/orders/${order.id}`);
  });

  it('emails the customer once per return status, the refund told by the refunded email itself, as the return moves through its statuses', async () => {
    const owner = customer();
    const order = await deliver(await createOrder(owner));
    const mug = order.lineItems[0]!;
    const created = await call<{ id: string }>(owner, 'POST', '/returns', {
      orderId: order.id,
      items: [{ lineItemId: mug.id, quantity: 1, reasonId: 'rsn_retdamaged' }],
      refundMethod: 'card',
      termsAccepted: true,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const returnId = created.body.id;
    const step = async (path: string, body: unknown) => {
      const reply = await call(admin, 'POST', `/admin/returns/${returnId}${path}`, body);
      expect(reply.status, `${path} ${JSON.stringify(reply.body)}`).toBe(200);
    };
    await step('/status', { status: 'picked_up' });
    await step('/status', { status: 'pending_verification' });
    await step(`/items/${mug.id}/verification`, { goodQuantity: 1, condition: 'as new' });
    await step('/status', { status: 'approved' });
    await step('/status', { status: 'refunded' });

    await waitForEmail(sesUrl(), (e) => e.destination.to.includes(owner.email) && e.subject.includes('is now refunded'), { timeoutMs: 20_000 });
    await waitForStreamIdle();
    const subjects = (await inbox(owner.email)).map((e) => e.subject);
    const number = order.number;
    // Three order status emails on the way to delivery, one per return status change; the refund
    // created with `refunded` is told by that email (one action, one email), not by one of its own.
    expect(subjects.filter((s) => s.startsWith(`Order ${number} is now`))).toHaveLength(3);
    // The request itself is confirmed on filing, like a cancellation request.
    expect(subjects.filter((s) => s.includes('return'))).toEqual([
      `We received your return request for order ${number}`,
      ...['picked up', 'pending verification', 'approved', 'refunded'].map((status) => `Your return for order ${number} is now ${status}`),
    ]);
    expect(subjects).toHaveLength(8);
    const refunded = (await inbox(owner.email)).find((e) => e.subject.endsWith('now refunded'));
    expect(refunded?.body.text).toContain('Your refund of $10.00 has been issued');
  });
});
