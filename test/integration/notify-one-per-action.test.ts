// One action, one email per recipient: a request that changes several records
// (a cancellation with its order and refund, a return with its refund, a
// settled transaction with its cancellation) sends one message that says all
// of it. First through the API (the local poller runs the real consumer), then
// one action's records delivered in separate batches, as different shards
// would, and delivered again: the counts do not move.
import { describe, expect, it } from 'vitest';
import { waitForStreamIdle } from '#infra/local/control-server';
import { waitForEmail } from '#infra/local/ses-local';
import type { Cancellation } from '#shared/domain/cancellation';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { address, cancellationItem, context, inbox, notifyWith, orderItem, refundItem, returnItem, sesUrl } from '../support/notify.ts';
import { batch, inserted, modified } from '../support/stream-events.ts';

/** Every subject `to` received once the stream has nothing left to deliver. */
const settledInbox = async (to: string, last: (subject: string) => boolean) => {
  await waitForEmail(sesUrl(), (e) => e.destination.to.includes(to) && last(e.subject), { timeoutMs: 20_000 });
  await waitForStreamIdle();
  return inbox(to);
};

describe('one email per action, through the API', () => {
  it('a COD cancellation: one email that the order is cancelled, not one per record', async () => {
    const owner = customer();
    const order = await createOrder(owner, { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    const cancelled = await call<Cancellation>(owner, 'POST', `/orders/${order.id}/cancellation`, { reasonId: 'rsn_cxlchangedmind' });
    expect(cancelled.body).toMatchObject({ status: 'approved', refundAmount: 0 });
    const mails = await settledInbox(owner.email, (s) => s.includes('cancelled'));
    expect(mails.map((e) => e.subject)).toEqual([`Order ${order.number} has been cancelled`]);
  });

  it('a paid cancellation: the approval is one email with the refund amount; its settlement is one more', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    const requested = await call<Cancellation>(owner, 'POST', `/orders/${order.id}/cancellation`, { reasonId: 'rsn_cxlchangedmind' });
    expect(requested.body.status).toBe('requested');
    const approved = await call<Cancellation>(admin, 'POST', `/admin/cancellations/${requested.body.id}/approve`, {});
    expect(approved.body).toMatchObject({ status: 'approved', refundAmount: order.totals.total });
    const afterApproval = await settledInbox(owner.email, (s) => s.endsWith('has been cancelled'));
    expect(afterApproval.map((e) => e.subject)).toEqual([
      `We received your cancellation request for order ${order.number}`,
      `Order ${order.number} has been cancelled`,
    ]);
    expect(afterApproval[1]!.body.text).toContain('A refund of $60.50 will be issued');

    // Settling the refund also completes the cancellation (two records): one email.
    const refund = (await call<Refund>(admin, 'GET', `/admin/orders/${order.id}/refunds/${approved.body.refundId}`)).body;
    const settled = await call(admin, 'POST', `/admin/refunds/${refund.id}/transactions/${refund.transactions[0]!.id}`, { status: 'success' });
    expect(settled.status).toBe(200);
    const afterSettlement = await settledInbox(owner.email, (s) => s.includes('has been sent'));
    expect(afterSettlement.map((e) => e.subject).slice(2)).toEqual([`Your refund of $60.50 for order ${order.number} has been sent`]);
  });

  it('an admin cancelling a voucher-paid order: one email, with the order cancelled, the amount and the voucher code', async () => {
    const owner = customer();
    const order = await createOrder(owner, { paymentMethod: 'voucher' });
    const cancelled = await call<Cancellation>(admin, 'POST', `/admin/orders/${order.id}/cancel`, { reasonId: 'rsn_cxlother', comment: 'out of stock' });
    expect(cancelled.body).toMatchObject({ status: 'refunded', voucherCode: expect.any(String) });
    const mails = await settledInbox(owner.email, (s) => s.includes('cancelled'));
    expect(mails.map((e) => e.subject)).toEqual([`Order ${order.number} has been cancelled and refunded`]);
    expect(mails[0]!.body.text).toContain('$60.50');
    expect(mails[0]!.body.text).toContain(cancelled.body.voucherCode as string);
  });
});

/** Subject → count, for one address. */
const tally = async (to: string) => {
  const counts: Record<string, number> = {};
  for (const mail of await inbox(to)) counts[mail.subject] = (counts[mail.subject] ?? 0) + 1;
  return counts;
};

/** Runs each record in its own batch (as different shards deliver them), then all of them again. */
const deliverApart = async (adminEmail: string, records: Parameters<typeof batch>) => {
  const notify = notifyWith([adminEmail]);
  for (const record of records) expect((await notify(batch(record), context())).batchItemFailures).toEqual([]);
};

const scenario = async () => {
  const owner = customer();
  const order = await createOrder(owner);
  return { owner, order, admins: address('admin') };
};

describe('one email per recipient per action, record by record, redelivered', () => {
  const cases: Record<string, (order: Order) => Parameters<typeof batch>> = {
    'a COD cancellation (cancellation + order)': (order) => {
      const unpaid = { ...order, paymentMethod: 'cod', paymentStatus: 'unpaid' } as Order;
      return [
        inserted(cancellationItem(unpaid, { status: 'approved', refundAmount: 0 })),
        modified(orderItem(unpaid), orderItem({ ...unpaid, status: 'cancelled', version: 2 })),
      ];
    },
    'an approved paid cancellation (cancellation + order + refund)': (order) => {
      const requested = cancellationItem(order);
      const refund = refundItem(order);
      const withSource = { ...refund, source: { type: 'cancellation', id: requested.id } };
      return [
        modified(orderItem(order), orderItem({ ...order, status: 'cancelled', paymentStatus: 'refunded', version: 2 })),
        inserted(withSource),
        modified(requested, { ...requested, status: 'approved', refundId: refund.id, version: 2 }),
      ];
    },
    'a settled cancellation refund (refund + cancellation)': (order) => {
      const refund = { ...refundItem(order), source: { type: 'cancellation', id: 'can_x' } };
      const cancellation = cancellationItem(order, { status: 'approved', refundId: refund.id, version: 2 });
      const settled = { ...refund, transactions: refund.transactions.map((t) => ({ ...t, status: 'success' })), version: 2 };
      return [modified(cancellation, { ...cancellation, status: 'refunded', version: 3 }), modified(refund, settled)];
    },
    'a return refunded (return + refund)': (order) => {
      const approved = returnItem(order, { status: 'approved', refundAmount: 1000, version: 5 });
      const refund = { ...refundItem(order), source: { type: 'return', id: approved.id } };
      return [inserted(refund), modified(approved, { ...approved, status: 'refunded', refundId: refund.id, version: 6 })];
    },
    'a failed refund transaction (customer and admins told once each)': (order) => {
      const refund = refundItem(order);
      const failed = { ...refund, transactions: refund.transactions.map((t) => ({ ...t, status: 'failure', message: 'Card expired' })), version: 2 };
      return [modified(refund, failed)];
    },
  };

  for (const [action, recordsOf] of Object.entries(cases)) {
    it(`${action}: one email to the customer, one to the admins`, async () => {
      const { owner, order, admins } = await scenario();
      const records = recordsOf(order);
      await deliverApart(admins, records);
      const first = { customer: await tally(owner.email), admins: await tally(admins) };
      expect(Object.values(first.customer)).toEqual([1]);
      expect(Object.values(first.admins)).toEqual([1]);

      // Redelivered, one by one and as one batch: nothing new.
      await deliverApart(admins, records);
      expect((await notifyWith([admins])(batch(...records), context())).batchItemFailures).toEqual([]);
      expect({ customer: await tally(owner.email), admins: await tally(admins) }).toEqual(first);
    });
  }

  it('a failed transaction tells the admins what is owed, and never promises the customer a notification', async () => {
    const { owner, order, admins } = await scenario();
    await deliverApart(admins, cases['a failed refund transaction (customer and admins told once each)']!(order));
    const [toAdmins] = await inbox(admins);
    expect(toAdmins?.subject).toBe(`[Refund] A refund of $10.00 for order ${order.number} failed`);
    expect(toAdmins?.body.text).toContain('Card expired');
    const [toCustomer] = await inbox(owner.email);
    expect(toCustomer?.body.text).toContain('still owed to you');
    expect(toCustomer?.body.text).not.toContain('notified');
  });
});
