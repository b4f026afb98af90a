// The payout queue across orders: every refund transaction as a row with its
// refund and order, by status and gateway, kept in step with its refund by the
// same transaction. Real HTTP against the local API.
import { describe, expect, it, vi } from 'vitest';
import type { Refund } from '#shared/domain/refund';
import type { RefundTransactionRow } from '#shared/domain/refund-queue';
import { admin, call, createOrder, customer } from '../support/api.ts';

type Page = { items: RefundTransactionRow[]; nextCursor: string | null };

/** The row of `txnId` in a list, paging through it (other test files add rows concurrently); undefined when absent. */
const rowIn = async (query: string, txnId: string): Promise<RefundTransactionRow | undefined> => {
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const reply: { status: number; body: Page } = await call<Page>(
      admin,
      'GET',
      `/admin/refund-transactions?limit=100${query ? `&${query}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(reply.status).toBe(200);
    const row = reply.body.items.find((r) => r.id === txnId);
    if (row) return row;
    cursor = reply.body.nextCursor;
    if (!cursor) return undefined;
  }
  throw new Error(`${query}: more than 100 pages`);
};

const refund = async (orderId: string, body: Record<string, unknown>) => {
  const reply = await call<Refund>(admin, 'POST', `/admin/orders/${orderId}/refunds`, body);
  expect(reply.status).toBe(201);
  return reply.body;
};

const settle = (r: Refund, status: 'success' | 'failure', message = 'from the bank') =>
  call<Refund>(admin, 'POST', `/admin/refunds/${r.id}/transactions/${r.transactions[0]?.id}`, { status, message });

const FILTERS = (gateway: string, status: string) => [`status=${status}&gateway=${gateway}`, `status=${status}`, `gateway=${gateway}`, ''];

describe('GET /admin/refund-transactions', () => {
  it('lists a new transaction under every filter that matches it, with its refund and order', async () => {
    const order = await createOrder(customer());
    const transfer = await refund(order.id, { amount: 700, gateway: 'bank_transfer', note: 'goodwill' });
    const txn = transfer.transactions[0];
    const expected = {
      ...txn,
      refundId: transfer.id,
      orderId: order.id,
      source: { type: 'manual', id: null },
      retried: false,
      amount: 700,
      currency: 'USD',
      gateway: 'bank_transfer',
      status: 'pending',
    };
    for (const query of FILTERS('bank_transfer', 'pending')) {
      await vi.waitFor(async () => expect(await rowIn(query, txn?.id ?? ''), query).toEqual(expected), { timeout: 5000 });
    }
    const day = txn?.createdAt.slice(0, 10) ?? '';
    expect(await rowIn(`gateway=bank_transfer&status=pending&dateStart=${day}&dateEnd=${day}`, txn?.id ?? '')).toEqual(expected);
    for (const query of ['status=success', 'status=failure&gateway=bank_transfer', 'gateway=card', 'status=pending&gateway=cash', 'dateEnd=2000-01-01']) {
      expect(await rowIn(query, txn?.id ?? ''), query).toBeUndefined();
    }
  });

  it('moves a settled transaction to its new queue in the same transaction as the refund', async () => {
    const order = await createOrder(customer());
    const transfer = await refund(order.id, { amount: 300, gateway: 'bank_transfer' });
    const txnId = transfer.transactions[0]?.id ?? '';
    expect((await settle(transfer, 'failure', 'account closed')).status).toBe(200);

    const row = await rowIn('status=failure&gateway=bank_transfer', txnId);
    expect(row).toMatchObject({ id: txnId, status: 'failure', message: 'account closed', refundId: transfer.id, retried: false });
    expect(await rowIn('status=pending&gateway=bank_transfer', txnId)).toBeUndefined();
    expect(await rowIn('status=pending', txnId)).toBeUndefined();
    expect((await rowIn('gateway=bank_transfer', txnId))?.status).toBe('failure');
  });

  it('keeps a voucher (settled at once) in the success queue', async () => {
    const order = await createOrder(customer());
    const voucher = await refund(order.id, { amount: 100, gateway: 'voucher' });
    const row = await rowIn('status=success&gateway=voucher', voucher.transactions[0]?.id ?? '');
    expect(row).toMatchObject({ status: 'success', gateway: 'voucher', voucherCode: voucher.transactions[0]?.voucherCode });
  });

  it('agrees with the refund after racing settlements: one wins, the row shows the winner', async () => {
    const order = await createOrder(customer());
    const transfer = await refund(order.id, { amount: 250, gateway: 'bank_transfer' });
    const replies = await Promise.all([settle(transfer, 'success'), settle(transfer, 'failure'), settle(transfer, 'success'), settle(transfer, 'failure')]);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    const stored = (await call<Refund>(admin, 'GET', `/admin/orders/${order.id}/refunds/${transfer.id}`)).body;
    const winner = stored.transactions[0]?.status;
    expect(winner).not.toBe('pending');
    expect((await rowIn(`status=${winner}&gateway=bank_transfer`, transfer.transactions[0]?.id ?? ''))?.status).toBe(winner);
    expect(await rowIn('status=pending&gateway=bank_transfer', transfer.transactions[0]?.id ?? '')).toBeUndefined();
  });

  it('pages with cursors that belong to one list only, and refuses unknown filters', async () => {
    const order = await createOrder(customer());
    await refund(order.id, { amount: 10, gateway: 'cash' });
    await refund(order.id, { amount: 10, gateway: 'cash' });
    const first = await call<Page>(admin, 'GET', '/admin/refund-transactions?gateway=cash&limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const cursor = encodeURIComponent(first.body.nextCursor ?? '');
    const second = await call<Page>(admin, 'GET', `/admin/refund-transactions?gateway=cash&limit=1&cursor=${cursor}`);
    expect(second.status).toBe(200);
    expect(second.body.items[0]?.id).not.toBe(first.body.items[0]?.id);
    expect((second.body.items[0]?.createdAt ?? '~') <= (first.body.items[0]?.createdAt ?? '')).toBe(true);
    for (const other of ['gateway=card', 'status=pending', '']) {
      expect((await call(admin, 'GET', `/admin/refund-transactions?${other}&cursor=${cursor}`)).status, other).toBe(400);
    }
    const bad = await call<{ errors: { path: string }[] }>(admin, 'GET', '/admin/refund-transactions?status=owed&gateway=paypal');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual(['gateway', 'status']);
  });
});
