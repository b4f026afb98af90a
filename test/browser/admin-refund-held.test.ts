// A card refund Stripe holds, in the back office: the order's refunds and the
// payout queue say it was sent to Stripe and offer no hand settlement (the API
// answers one 409) and no retry; a manual transfer beside it keeps its settle
// form. Once Stripe reports the refund failed, the screen says so and offers
// the retry the API now accepts. Stripe keys are per process, so this file
// serves the app from its own API server, in process, on a table of its own.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiServer, startApiServer } from '#infra/local/api-server';
import type { Refund } from '#shared/domain/refund';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { cardRefund, postStripeEvent, readRefund, settleByHand, useStripeStack } from '../support/payments.ts';
import { signedEvent } from '../support/stripe-stand-in.ts';
import { appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, signedInApp } from './support/browser.ts';

vi.hoisted(() => {
  process.env.TABLE_NAME = `own-${crypto.randomUUID()}`;
});

const stack = useStripeStack();
let server: ApiServer | undefined;
beforeAll(async () => {
  // The page signs in and calls this process's handlers (own table, Stripe configured), not the shared stack's.
  server = await startApiServer({ port: 0 });
  process.env.API_URL = server.url;
});
afterAll(() => server?.stop());
const current = signedInApp({ role: 'admin' });

const HELD = 'Sent to Stripe — waiting for Stripe to confirm.';

/** A bank-transfer refund of 7.77, pending until an admin settles it by hand. */
const manualTransfer = async () => {
  const order = await createOrder(customer(), { paymentMethod: 'bank_transfer', paymentReference: 'BT-2026-0043' });
  const created = await call<Refund>(admin, 'POST', `/admin/orders/${order.id}/refunds`, { amount: 777 });
  expect(created.status).toBe(201);
  return created.body;
};

describe('a refund the payment provider holds', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('is left to Stripe on the order and in the payout queue; a manual transfer keeps its settle form', async () => {
    const { page, errors } = current();
    const { order, refund } = await cardRefund('pi_held_1', 1500, stack.poller);
    expect(refund.transactions[0]).toMatchObject({ status: 'pending', provider: 'stripe', providerRefundId: expect.stringMatching(/^re_/) });
    // What the screen must not offer, the API refuses.
    expect((await settleByHand(refund, 'failure')).status).toBe(409);
    const manual = await manualTransfer();

    await page.goto(appUrl(`/admin/orders/${order.id}`));
    const refunds = page.getByRole('region', { name: 'Refunds' });
    await refunds.getByText(HELD, { exact: true }).waitFor();
    expect(await refunds.getByRole('form', { name: /^Settle the / }).count()).toBe(0);
    expect(await refunds.getByRole('button', { name: 'Settle transaction' }).count()).toBe(0);
    expect(await refunds.getByRole('form', { name: /still owed$/ }).count()).toBe(0);
    await expectAccessible(page, 'order detail with a refund Stripe holds');

    await page.goto(appUrl(`/admin/orders/${manual.orderId}`));
    const manualForm = page.getByRole('form', { name: /^Settle the .*7\.77 transaction$/ });
    await manualForm.getByRole('button', { name: 'Settle transaction' }).waitFor();
    expect(await page.getByText(HELD).count()).toBe(0);

    await page.goto(appUrl('/admin/payouts?status=pending'));
    const held = page.getByRole('article', { name: /15\.00 by card$/ });
    await held.getByText(HELD, { exact: true }).waitFor();
    expect(await held.getByRole('form').count()).toBe(0);
    const transfer = page.getByRole('article', { name: /7\.77 by bank transfer$/ });
    await transfer.getByRole('button', { name: 'Settle transaction' }).waitFor();
    expect(await transfer.getByText(HELD).count()).toBe(0);
    await expectAccessible(page, 'payout queue with a held and a manual transaction');
    expect(errors).toEqual([]);
  });

  it('says Stripe reported the failure and offers the retry the API then accepts', async () => {
    const { page, errors } = current();
    const { order, refund } = await cardRefund('pi_held_2', 1500, stack.poller);
    const txn = refund.transactions[0]!;
    const moved = stack.standIn.move(txn.providerRefundId!, 'failed', 'expired_or_canceled_card');
    expect((await postStripeEvent(signedEvent('refund.failed', moved))).body.outcome).toBe('settled');
    expect((await readRefund(refund)).transactions[0]).toMatchObject({ status: 'failure' });

    await page.goto(appUrl(`/admin/orders/${order.id}`));
    const refunds = page.getByRole('region', { name: 'Refunds' });
    await refunds.getByText('Stripe reported this refund failed.', { exact: true }).waitFor();
    await refunds.getByRole('form', { name: /^Retry the .*15\.00 still owed$/ }).waitFor();
    expect(await refunds.getByText(HELD).count()).toBe(0);
    expect(await refunds.getByRole('button', { name: 'Settle transaction' }).count()).toBe(0);
    await expectAccessible(page, 'order detail with a refund Stripe reported failed');
    expect(errors).toEqual([]);
  });
});
