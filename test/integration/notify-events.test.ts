// One test per event: the real notify handler with hand-built stream records,
// the real order read from DynamoDB Local and the real local SES. Each test has
// its own customer and admin addresses, so it only sees its own mail.
import { describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import { createOrder, customer } from '../support/api.ts';
import { address, cancellationItem, commentItem, context, inbox, noteItem, notifyWith, orderItem, refundItem, returnItem, uid } from '../support/notify.ts';
import { batch, inserted, modified } from '../support/stream-events.ts';

const setup = async () => {
  const owner = customer();
  const order: Order = await createOrder(owner);
  const admins = [address('admin-a'), address('admin-b')];
  return { order, email: owner.email, admins, notify: notifyWith(admins) };
};

const subjects = async (to: string) => (await inbox(to)).map((e) => e.subject);

describe('notify: one email per event, to the right people', () => {
  it('order status change → the customer', async () => {
    const { order, email, admins, notify } = await setup();
    const shipped = { ...order, status: 'shipped', version: order.version + 1 };
    const result = await notify(batch(modified(orderItem(order), orderItem(shipped as Order))), context());
    expect(result.batchItemFailures).toEqual([]);
    const [mail, ...more] = await inbox(email);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`Order ${order.number} is now shipped`);
    expect(mail?.body.text).toContain(`/orders/${order.id}`);
    expect(mail?.body.html).toContain('<h1');
    expect(mail?.from).toBe(process.env.FROM_ADDRESS ?? 'no-reply@aftersales.local');
    expect(await inbox(admins[0]!)).toEqual([]);
  });

  it('cancellation created and approved → the customer and each admin, with amounts in the order currency', async () => {
    const { order, email, admins, notify } = await setup();
    const requested = cancellationItem(order);
    const approved = { ...requested, status: 'approved', version: 2 };
    const result = await notify(batch(inserted(requested), modified(requested, approved)), context());
    expect(result.batchItemFailures).toEqual([]);
    expect(await subjects(email)).toEqual([`We received your cancellation request for order ${order.number}`, `Order ${order.number} has been cancelled`]);
    for (const admin of admins) {
      expect(await subjects(admin)).toEqual([
        `[Cancellation] Cancellation requested for order ${order.number}`,
        `[Cancellation] Order ${order.number} cancelled`,
      ]);
    }
    const [, cancelled] = await inbox(email);
    expect(cancelled?.body.text).toContain('$60.50');
    expect(cancelled?.body.html).toContain('$60.50');
  });

  it('return request created, and its status change → the customer and the admins', async () => {
    const { order, email, admins, notify } = await setup();
    const created = returnItem(order);
    await notify(batch(inserted(created)), context());
    expect(await subjects(email)).toEqual([`We received your return request for order ${order.number}`]);
    expect(await subjects(admins[1]!)).toEqual([`[Return] New return request for order ${order.number}`]);
    const pickedUp = { ...created, status: 'picked_up', version: 2 };
    const result = await notify(batch(modified(created, pickedUp)), context());
    expect(result.batchItemFailures).toEqual([]);
    expect(await subjects(email)).toEqual([
      `We received your return request for order ${order.number}`,
      `Your return for order ${order.number} is now picked up`,
    ]);
    expect((await subjects(admins[0]!)).at(-1)).toBe(`[Return] Return for order ${order.number} is now picked up`);
  });

  it('refund created, its transaction succeeding and another failing → the customer; the failure also → the admins', async () => {
    const { order, email, admins, notify } = await setup();
    const refund = refundItem(order);
    const txn = refund.transactions[0]!;
    const sent = { ...refund, transactions: [{ ...txn, status: 'success' }], version: 2 };
    await notify(batch(inserted(refund), modified(refund, sent)), context());
    const other = refundItem(order, { gateway: 'bank_transfer' });
    const failed = { ...other, transactions: [{ ...other.transactions[0]!, status: 'failure' }], version: 2 };
    await notify(batch(modified(other, failed)), context());
    expect(await subjects(email)).toEqual([
      `Refund of $10.00 for order ${order.number}`,
      `Your refund of $10.00 for order ${order.number} has been sent`,
      `We could not complete your refund for order ${order.number}`,
    ]);
    expect((await inbox(admins[0]!)).map((e) => e.subject)).toEqual([`[Refund] A refund of $10.00 for order ${order.number} failed`]);
  });

  it('customer-visible order note → the customer, its <script> as text; a private note → nobody', async () => {
    const { order, email, notify } = await setup();
    const result = await notify(
      batch(inserted(noteItem(order, 'Internal: <b>fragile</b>', 'private')), inserted(noteItem(order, 'Two boxes <script>alert(1)</script>', 'customer'))),
      context(),
    );
    expect(result.batchItemFailures).toEqual([]);
    const [mail, ...more] = await inbox(email);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`A message about your order ${order.number}`);
    expect(mail?.body.text).toContain('Two boxes <script>alert(1)</script>');
    expect(mail?.body.html).toContain('Two boxes &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail?.body.html).not.toContain('<script>');
    expect(mail?.body.text).not.toContain('fragile');
  });

  it("return comments: an admin's visible one → the customer, a customer's → the admins, an internal one → nobody", async () => {
    const { order, email, admins, notify } = await setup();
    const returnId = uid('ret');
    await notify(
      batch(
        inserted(commentItem(order, returnId, 'Please send a photo', 'admin:admin-1')),
        inserted(commentItem(order, returnId, 'Internal: check stock', 'admin:admin-1', false)),
        inserted(commentItem(order, returnId, 'Photo attached <img src=x onerror=alert(1)>', `customer:${order.customer.customerId}`)),
      ),
      context(),
    );
    const toCustomer = await inbox(email);
    expect(toCustomer.map((e) => e.subject)).toEqual([`New message about your return for order ${order.number}`]);
    expect(toCustomer[0]?.body.text).toContain('Please send a photo');
    for (const admin of admins) {
      const mails = await inbox(admin);
      expect(mails.map((e) => e.subject)).toEqual([`[Return] Customer comment on the return for order ${order.number}`]);
      expect(mails[0]?.body.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(mails[0]?.body.text).not.toContain('Internal');
    }
  });

  it('sends no admin email when no admin address is set, and skips a change whose order does not exist', async () => {
    const { order, email } = await setup();
    const notify = notifyWith([]);
    const orphan = cancellationItem({ ...order, id: uid('ord') });
    const result = await notify(batch(inserted(cancellationItem(order)), inserted(orphan)), context());
    expect(result.batchItemFailures).toEqual([]);
    expect(await subjects(email)).toEqual([`We received your cancellation request for order ${order.number}`]);
  });
});
