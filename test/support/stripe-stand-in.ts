// A local stand-in for the slice of Stripe's REST API this product calls
// (`POST /v1/refunds`, `POST /v1/checkout/sessions`), answering as Stripe's API reference documents: a
// form-encoded request, a JSON Refund object, errors as `{error: {type, code,
// message}}`, and `Idempotency-Key` honoured (the same key answers the first
// result again, and creates nothing). Reached through the real `stripe` SDK
// via STRIPE_API_URL. The PaymentIntent id picks the scenario:
//   pi_402…  → 402 card_error (expired_or_canceled_card)
//   pi_400…  → 400 invalid_request_error (charge_already_refunded)
//   pi_flaky… → 500 api_error on the first call of a key, then a refund
//   pi_slow…  → a refund, answered 1.5 s later (a call still on its way)
//   anything else → a `pending` refund
// Its refunds then move as Stripe moves them (`move`), its Checkout Sessions
// are paid (`pay`) and expire after `sessionLifetimeSeconds`, and
// `signedEvent` wraps either in an event signed with the real SDK's test
// signing helper.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export interface StandInRequest {
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string | undefined;
  readonly authorization: string | undefined;
  readonly form: Readonly<Record<string, string>>;
}

export interface StripeStandIn {
  readonly url: string;
  /** Every request received, oldest first (retries included). */
  readonly requests: StandInRequest[];
  /** Refunds created, by id: a replay never adds one. */
  readonly refunds: Map<string, Record<string, unknown>>;
  /** The refund created for our transaction (its metadata), if any. */
  refundOf(transactionId: string): Record<string, unknown> | undefined;
  /** Moves a refund as Stripe would (pending → succeeded | failed | canceled; succeeded → failed when the bank returns it) and answers it. */
  move(refundId: string, status: 'succeeded' | 'failed' | 'canceled', failureReason?: string): Record<string, unknown>;
  /** Checkout Sessions opened, by id: a replay never adds one. */
  readonly sessions: Map<string, Record<string, unknown>>;
  /** How long a new session stays open (Stripe: 24 h unless asked otherwise). */
  sessionLifetimeSeconds: number;
  /** The customer pays a session: it becomes complete and paid, with a PaymentIntent, and is answered (the object of `checkout.session.completed`). */
  pay(sessionId: string): Record<string, unknown>;
  stop(): Promise<void>;
}

export const STAND_IN_WEBHOOK_SECRET = 'whsec_test_standin';
const signer = new Stripe('sk_test_standin');

/** A Stripe event of `type` about `object`, signed as Stripe signs it (or with another secret, or at another time). */
export const signedEvent = (
  type: string,
  object: Record<string, unknown>,
  sign: { readonly secret?: string; readonly timestamp?: number; readonly id?: string } = {},
): { readonly payload: string; readonly signature: string } => {
  const payload = JSON.stringify({
    id: sign.id ?? `evt_${randomUUID().slice(0, 12)}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object },
  });
  const signature = signer.webhooks.generateTestHeaderString({
    payload,
    secret: sign.secret ?? STAND_IN_WEBHOOK_SECRET,
    ...(sign.timestamp ? { timestamp: sign.timestamp } : {}),
  });
  return { payload, signature };
};

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const error = (status: number, type: string, code: string, message: string) => ({ status, body: { error: { type, code, message } } });

/** Stripe's nested form fields (`metadata[exchangeId]`, `line_items[0][price_data][unit_amount]`) under one prefix, by their last key. */
const fieldsUnder = (form: Record<string, string>, prefix: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries(form)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(k.lastIndexOf('[') + 1, -1), v]),
  );

const shortId = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 24)}`;

type Answer = { status: number; body: unknown; delayMs?: number };

export const startStripeStandIn = async (): Promise<StripeStandIn> => {
  const requests: StandInRequest[] = [];
  const refunds = new Map<string, Record<string, unknown>>();
  const answered = new Map<string, { status: number; body: unknown }>();
  const flaky = new Set<string>();

  const sessions = new Map<string, Record<string, unknown>>();
  const lifetime = { seconds: 24 * 3600 };

  const refund = (form: Record<string, string>) => {
    const metadata = fieldsUnder(form, 'metadata[');
    const created = {
      id: shortId('re'),
      object: 'refund',
      amount: Number(form.amount),
      balance_transaction: null,
      charge: `ch_${form.payment_intent?.slice(3)}`,
      created: Math.floor(Date.now() / 1000),
      currency: 'usd',
      metadata,
      payment_intent: form.payment_intent,
      reason: null,
      receipt_number: null,
      source_transfer_reversal: null,
      status: 'pending',
      transfer_reversal: null,
    };
    refunds.set(created.id, created);
    return { status: 200, body: created };
  };

  const openSession = (form: Record<string, string>): Answer => {
    const price = fieldsUnder(form, 'line_items[0][price_data][');
    const quantity = Number(form['line_items[0][quantity]'] ?? 1);
    if (form.mode !== 'payment' || !price.unit_amount || !price.currency || !form.success_url) {
      return error(400, 'invalid_request_error', 'parameter_missing', 'Missing required param: mode, line_items or success_url.');
    }
    const now = Math.floor(Date.now() / 1000);
    const id = shortId('cs_test');
    const session = {
      id,
      object: 'checkout.session',
      amount_total: Number(price.unit_amount) * quantity,
      cancel_url: form.cancel_url ?? null,
      client_reference_id: form.client_reference_id ?? null,
      created: now,
      currency: price.currency,
      expires_at: now + lifetime.seconds,
      metadata: fieldsUnder(form, 'metadata['),
      mode: 'payment',
      payment_intent: null,
      payment_status: 'unpaid',
      status: 'open',
      success_url: form.success_url,
      url: `https://checkout.stripe.com/c/pay/${id}`,
    };
    sessions.set(id, session);
    return { status: 200, body: session };
  };

  const answer = (form: Record<string, string>, key: string | undefined): Answer => {
    const pi = form.payment_intent ?? '';
    if (!pi || !form.amount) return error(400, 'invalid_request_error', 'parameter_missing', 'Missing required param: payment_intent or amount.');
    if (pi.startsWith('pi_402')) return error(402, 'card_error', 'expired_or_canceled_card', 'The card has expired or was canceled.');
    if (pi.startsWith('pi_400')) return error(400, 'invalid_request_error', 'charge_already_refunded', 'Charge has already been refunded.');
    if (pi.startsWith('pi_slow')) return { ...refund(form), delayMs: 1500 };
    if (pi.startsWith('pi_flaky') && !flaky.has(key ?? '')) {
      flaky.add(key ?? '');
      return error(500, 'api_error', 'internal', 'An unknown error occurred.');
    }
    return refund(form);
  };

  const server = createServer((request, response) => {
    void (async () => {
      const text = await readBody(request);
      const form = Object.fromEntries(new URLSearchParams(text));
      const key = request.headers['idempotency-key'] as string | undefined;
      const path = (request.url ?? '').split('?')[0] ?? '';
      requests.push({ method: request.method ?? '', path, idempotencyKey: key, authorization: request.headers.authorization, form });
      let result: Answer;
      const creates = request.method === 'POST' && (path === '/v1/refunds' || path === '/v1/checkout/sessions');
      const replay = key && creates ? answered.get(key) : undefined;
      if (!creates) result = error(404, 'invalid_request_error', 'resource_missing', 'Unrecognized request URL.');
      else if (replay) result = replay;
      else {
        result = path === '/v1/refunds' ? answer(form, key) : openSession(form);
        // Stripe stores the result of a key unless the server itself failed (5xx), which a retry may then redo.
        if (key && result.status < 500) answered.set(key, result);
      }
      if (result.delayMs && !replay) await new Promise((resolve) => setTimeout(resolve, result.delayMs));
      response.writeHead(result.status, {
        'content-type': 'application/json',
        'request-id': `req_${randomUUID().slice(0, 8)}`,
        ...(replay ? { 'idempotent-replayed': 'true' } : {}),
      });
      response.end(JSON.stringify(result.body));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    refunds,
    refundOf: (transactionId) => [...refunds.values()].find((r) => (r.metadata as Record<string, string>).transactionId === transactionId),
    move: (refundId, status, failureReason) => {
      const moved = { ...refunds.get(refundId), status, ...(failureReason ? { failure_reason: failureReason } : {}) };
      refunds.set(refundId, moved);
      return moved;
    },
    sessions,
    get sessionLifetimeSeconds() {
      return lifetime.seconds;
    },
    set sessionLifetimeSeconds(seconds: number) {
      lifetime.seconds = seconds;
    },
    pay: (sessionId) => {
      const paid = { ...sessions.get(sessionId), status: 'complete', payment_status: 'paid', payment_intent: shortId('pi'), url: null };
      sessions.set(sessionId, paid);
      return paid;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
