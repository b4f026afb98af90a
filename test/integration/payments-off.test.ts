// Payments off by default, end to end: in AWS the Stripe keys come from a
// Secrets Manager secret that starts as `{}`, read through the Parameters and
// Secrets extension (stood in here on its configurable port). No keys: card
// refunds stay pending for an admin (the manual flow) and the webhook route
// says so with a 4xx; keys put in the secret (or taken out) are seen within
// five minutes, without a cold start. In process, on a table of its own.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useOwnTable } from '../support/own-table.ts';
import { cardRefund, type PaymentsPath, postStripeEvent, readRefund, settleByHand, startPaymentsPath } from '../support/payments.ts';
import { STAND_IN_WEBHOOK_SECRET, type StripeStandIn, signedEvent, startStripeStandIn } from '../support/stripe-stand-in.ts';

vi.hoisted(() => {
  process.env.TABLE_NAME = `own-${crypto.randomUUID()}`;
});

const SECRET_ID = 'aftersales/prod/stripe';
let secretString = '{}';
const secretReads: string[] = [];
let extension: Server;
let standIn: StripeStandIn;
let poller: PaymentsPath;

beforeAll(async () => {
  await useOwnTable();
  standIn = await startStripeStandIn();
  // What the extension answers: GetSecretValue's shape, to a caller holding the session token.
  extension = createServer((request, response) => {
    const url = new URL(request.url ?? '', 'http://localhost');
    secretReads.push(url.searchParams.get('secretId') ?? '');
    const authorized = request.headers['x-aws-parameters-secrets-token'] === process.env.AWS_SESSION_TOKEN;
    response.writeHead(authorized ? 200 : 401, { 'content-type': 'application/json' });
    response.end(JSON.stringify(authorized ? { Name: SECRET_ID, SecretString: secretString } : { message: 'no token' }));
  });
  // Both stacks: `localhost` may resolve to either.
  await new Promise<void>((resolve) => extension.listen(0, resolve));
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  Object.assign(process.env, {
    STRIPE_SECRET_ID: SECRET_ID,
    PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String((extension.address() as AddressInfo).port),
    AWS_SESSION_TOKEN: 'session-token',
    STRIPE_API_URL: standIn.url,
  });
  poller = await startPaymentsPath();
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await poller?.stop();
  await standIn?.stop();
  await new Promise((resolve) => extension?.close(resolve));
});

const event = () => signedEvent('refund.updated', { id: 're_any', object: 'refund', amount: 1500, currency: 'usd', status: 'succeeded', metadata: {} });

/** Five minutes and a second later, as far as the key cache can tell. */
const afterKeyCache = () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 5 * 60_000 + 1000);
};

describe('payments off by default', () => {
  it('with the secret at `{}`: card refunds stay pending for an admin, the webhook answers a 4xx that says why, nothing reaches the provider', async () => {
    const { refund } = await cardRefund('pi_off_1', 1500, poller);
    const txn = refund.transactions[0]!;
    expect(txn).toMatchObject({ gateway: 'card', status: 'pending' });
    expect(txn.provider).toBeUndefined();
    expect(txn.providerRefundId).toBeUndefined();
    expect(standIn.requests).toEqual([]);
    expect(secretReads).toContain(SECRET_ID);

    const hook = await postStripeEvent(event());
    expect(hook.status).toBe(422);
    expect(hook.headers.get('content-type')).toContain('application/problem+json');
    expect(hook.body).toMatchObject({ rule: 'payments_not_configured', detail: expect.stringContaining('manual flow') });

    expect((await settleByHand(refund, 'success')).status).toBe(200);
    expect((await readRefund(refund)).owed).toBe(0);
  });

  it('keys put in the secret are used once the 5-minute cache passes, and payments go off again when they are taken out', async () => {
    secretString = JSON.stringify({ secretKey: 'sk_test_standin', webhookSecret: STAND_IN_WEBHOOK_SECRET });
    // Still cached: off until the cache passes (one read per 5 minutes, not one per call).
    const reads = secretReads.length;
    expect((await postStripeEvent(event())).status).toBe(422);
    expect(secretReads).toHaveLength(reads);

    afterKeyCache();
    const on = await cardRefund('pi_on_1', 1500, poller);
    expect(on.refund.transactions[0]).toMatchObject({ status: 'pending', provider: 'stripe', providerRefundId: expect.stringMatching(/^re_/) });
    const hook = await postStripeEvent(event());
    expect(hook.status).toBe(200);
    expect(hook.body.outcome).toBe('ignored');

    secretString = '{}';
    afterKeyCache();
    expect((await postStripeEvent(event())).status).toBe(422);
    const off = await cardRefund('pi_off_2', 1500, poller);
    expect(off.refund.transactions[0]!.provider).toBeUndefined();
    expect(standIn.requests.filter((r) => r.form.payment_intent === 'pi_off_2')).toEqual([]);
  });
});
