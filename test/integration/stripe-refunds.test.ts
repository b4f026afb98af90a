// Card refunds through Stripe, end to end with the real `stripe` SDK pointed at
// a local stand-in (STRIPE_API_URL), the real handlers, the real payments
// stream consumer behind the local stream poller, and DynamoDB Local. Stripe
// keys are per process, so this file runs on a table of its own, in process.
import { describe, expect, it, vi } from 'vitest';
import { configuredProvider } from '#shared/adapters/payments/provider';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import { admin, call } from '../support/api.ts';
import { readRefund as getRefund, postStripeEvent, cardRefund as refundBy, settleByHand, useStripeStack } from '../support/payments.ts';
import { signedEvent } from '../support/stripe-stand-in.ts';

vi.hoisted(() => {
  process.env.TABLE_NAME = `own-${crypto.randomUUID()}`;
});

const stack = useStripeStack();

const cardRefund = (pi: string, amount = 1500) => refundBy(pi, amount, stack.poller);

/** A Stripe event about our refund's last transaction as the stand-in holds it (with `changes`), signed as Stripe signs it. */
const webhook = (type: string, refund: Refund, changes: Record<string, unknown>, sign: { secret?: string; timestamp?: number } = {}) => {
  const txn = refund.transactions.at(-1)!;
  const event = signedEvent(type, { ...stack.standIn.refundOf(txn.id), ...changes }, sign);
  return (signature = event.signature) => postStripeEvent({ payload: event.payload, signature });
};

describe('card refunds through Stripe', () => {
  it('sends a card refund once, after it committed: amount, PaymentIntent, idempotency key and metadata', async () => {
    const { order, refund } = await cardRefund('pi_ok_1', 1500);
    const txn = refund.transactions[0]!;
    const sent = stack.standIn.requests.filter((r) => r.idempotencyKey === txn.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: '/v1/refunds',
      authorization: 'Bearer sk_test_standin',
      form: { payment_intent: 'pi_ok_1', amount: '1500', 'metadata[transactionId]': txn.id, 'metadata[refundId]': refund.id, 'metadata[orderId]': order.id },
    });
    expect(txn).toMatchObject({ status: 'pending', providerRefundId: expect.stringMatching(/^re_/) });
    expect(stack.standIn.refunds.get(txn.providerRefundId!)).toMatchObject({ amount: 1500, payment_intent: 'pi_ok_1' });
    // The admin sees the reference the refund went against.
    expect((await call<Order>(admin, 'GET', `/admin/orders/${order.id}`)).body.paymentReference).toBe('pi_ok_1');
  });

  it('refunds once when the call is replayed with the same transaction (idempotency key)', async () => {
    const provider = await configuredProvider();
    const request = { transactionId: 'txn_replay', refundId: 'rfd_replay', orderId: 'ord_replay', paymentReference: 'pi_ok_2', amount: 700, currency: 'USD' };
    const [a, b] = [await provider!.refund(request), await provider!.refund(request)];
    expect(b).toEqual(a);
    expect([...stack.standIn.refunds.values()].filter((r) => r.payment_intent === 'pi_ok_2')).toHaveLength(1);
    expect(stack.standIn.requests.filter((r) => r.idempotencyKey === 'txn_replay')).toHaveLength(2);
  });

  it('retries a 500 with back-off under the same key and refunds once', async () => {
    const { refund } = await cardRefund('pi_flaky_1');
    const txn = refund.transactions[0]!;
    expect(stack.standIn.requests.filter((r) => r.idempotencyKey === txn.id)).toHaveLength(2);
    expect([...stack.standIn.refunds.values()].filter((r) => r.payment_intent === 'pi_flaky_1')).toHaveLength(1);
    expect(txn.providerRefundId).toMatch(/^re_/);
  });

  it('marks the transaction failed with the provider code on a 402 or a 400, and the retry endpoint pays it', async () => {
    const declined = await cardRefund('pi_402_1');
    expect(declined.refund.transactions[0]).toMatchObject({
      status: 'failure',
      errorCode: 'expired_or_canceled_card',
      message: expect.stringContaining('expired'),
    });
    expect(declined.refund.owed).toBe(1500);
    const refused = await cardRefund('pi_400_1');
    expect(refused.refund.transactions[0]).toMatchObject({ status: 'failure', errorCode: 'charge_already_refunded' });
    const voucher = await call<Refund>(admin, 'POST', `/admin/refunds/${declined.refund.id}/transactions`, { gateway: 'voucher' });
    expect(voucher.status).toBe(201);
    expect(voucher.body.owed).toBe(0);
  });

  it('settles by a signed refund.updated; the same event again changes nothing; forged or stale signatures are refused', async () => {
    const { refund } = await cardRefund('pi_ok_3');
    const forged = await webhook('refund.updated', refund, { status: 'succeeded' }, { secret: 'whsec_forged' })();
    expect(forged.status).toBe(400);
    expect(forged.headers.get('content-type')).toContain('application/problem+json');
    expect(forged.body.errors?.[0]?.path).toBe('Stripe-Signature');
    const stale = await webhook('refund.updated', refund, { status: 'succeeded' }, { timestamp: Math.floor(Date.now() / 1000) - 600 })();
    expect(stale.status).toBe(400);
    const send = webhook('refund.updated', refund, { status: 'succeeded' });
    expect((await send('t=1,v1=deadbeef')).status).toBe(400);
    expect((await getRefund(refund)).transactions[0]!.status).toBe('pending');

    const first = await send();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ received: true, outcome: 'settled' });
    const settled = await getRefund(refund);
    expect(settled).toMatchObject({ owed: 0, transactions: [{ status: 'success' }] });
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('already settled');
    expect((await getRefund(refund)).version).toBe(settled.version);
  });

  it('settles a failure from refund.failed, ignores unknown events, and never answers 5xx to what it is sent', async () => {
    const { refund } = await cardRefund('pi_ok_4');
    const unknown = await webhook('payment_intent.created', refund, {})();
    expect(unknown.status).toBe(200);
    expect(unknown.body.outcome).toBe('ignored');
    const failed = await webhook('refund.failed', refund, { status: 'failed', failure_reason: 'lost_or_stolen_card' })();
    expect(failed.body.outcome).toBe('settled');
    expect((await getRefund(refund)).transactions[0]).toMatchObject({ status: 'failure', errorCode: 'lost_or_stolen_card' });
    for (const body of ['', 'not json', '{"id": 1}']) {
      const reply = await postStripeEvent({ payload: body, signature: 't=1,v1=00' });
      expect(reply.status).toBe(400);
    }
    expect((await call({ role: 'public' }, 'POST', '/payments/webhooks/paypal', '{}')).status).toBe(404);
  });

  it('a webhook racing an admin who tries to settle by hand: the provider holds it, so only its event settles it', async () => {
    for (let round = 0; round < 3; round++) {
      const { refund } = await cardRefund(`pi_ok_race_${round}`);
      const [hook, manual] = await Promise.all([webhook('refund.updated', refund, { status: 'succeeded' })(), settleByHand(refund, 'failure')]);
      expect(hook.status).toBe(200);
      expect(hook.body.outcome).toBe('settled');
      expect(manual.status).toBe(409);
      expect((await getRefund(refund)).transactions[0]!.status).toBe('success');
    }
  });
});
