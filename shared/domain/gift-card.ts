// Gift cards (API.md "Store credit and gift cards"): a code worth an amount,
// redeemed once into the redeemer's store-credit account. The table keeps only
// a keyed hash of the code (adapters/secret-box.ts `codeHash`); the plain code
// leaves the system once, in the answer that created it (or a voucher refund's
// email). Pure: ids, codes and time are passed in.
import * as z from 'zod/mini';
import { BusinessRuleError, ConflictError, ThrottledError } from './errors.ts';
import { lazy } from './pure.ts';
import { type RateWindow, rateWindowAt } from './rate-window.ts';
import { Currency, IsoDateTime, Money, OptionalText, Text, Timestamp, Version } from './schema-kit.ts';
import { CreditAmount } from './store-credit.ts';

export const GIFT_CARD_STATUSES = ['active', 'redeemed', 'expired', 'disabled'] as const;

export const GiftCard = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: z.string().clone().register(z.globalRegistry, { example: 'gc_01JD3V7N8Q2M4K6P9R1T3W5Y7Z' }),
      last4: z.string(),
      currency: z.string(),
      initialAmount: Money,
      balance: Money,
      expiresAt: z.nullable(Timestamp),
      status: z.enum(GIFT_CARD_STATUSES),
      customerId: z.nullable(z.string()).clone().register(z.globalRegistry, { description: 'Who may redeem it (when issued to one customer) or who did.' }),
      note: z.nullable(z.string()),
      createdAt: Timestamp,
      redeemedAt: z.optional(Timestamp),
      source: z.optional(z.object({ type: z.enum(['admin', 'refund']), id: z.nullable(z.string()) })),
      version: Version,
    })
    .clone()
    .register(z.globalRegistry, { id: 'GiftCard' }),
);
export type GiftCard = z.infer<typeof GiftCard>;

/** The creation's answer: the card with its code, shown this once. */
export const IssuedGiftCard = /* @__PURE__ */ lazy(() =>
  z
    .extend(GiftCard, { code: z.string().clone().register(z.globalRegistry, { description: 'Shown once: the table keeps only a keyed hash.' }) })
    .clone()
    .register(z.globalRegistry, { id: 'IssuedGiftCard' }),
);
export type IssuedGiftCard = z.infer<typeof IssuedGiftCard>;

export const CreateGiftCardBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      amount: CreditAmount,
      currency: Currency,
      expiresAt: z.optional(IsoDateTime()),
      customerId: z.optional(Text(128)),
      note: OptionalText(500),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreateGiftCardBody' }),
);
export type CreateGiftCardBody = z.infer<typeof CreateGiftCardBody>;

export const RedeemBody = /* @__PURE__ */ lazy(() =>
  z
    .object({ code: Text(64) })
    .clone()
    .register(z.globalRegistry, { id: 'RedeemGiftCardBody' }),
);

/** Codes are read off a screen or paper: case, spaces and dashes do not matter. */
export const normalizeCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');

export const newGiftCard = (
  body: CreateGiftCardBody,
  ids: { readonly id: string; readonly code: string; readonly now: string },
  source: NonNullable<GiftCard['source']>,
): GiftCard => ({
  id: ids.id,
  last4: ids.code.slice(-4),
  currency: body.currency,
  initialAmount: body.amount,
  balance: body.amount,
  expiresAt: body.expiresAt ? new Date(body.expiresAt).toISOString() : null,
  status: 'active',
  customerId: body.customerId ?? null,
  note: body.note || null,
  createdAt: ids.now,
  source,
  version: 1,
});

/** What the card is now: an active card past its expiry reads `expired`. */
export const giftCardView = (card: GiftCard, now: string): GiftCard =>
  card.status === 'active' && card.expiresAt !== null && card.expiresAt <= now ? { ...card, status: 'expired' } : card;

/** One and the same refusal for an unknown, used, disabled, expired or someone else's code: a guesser learns nothing. */
export const invalidCode = (): BusinessRuleError =>
  new BusinessRuleError('gift_card_invalid', 'This gift card code cannot be redeemed.', { errors: [{ path: 'code', message: 'cannot be redeemed' }] });

/** The card as redeemed by `customerId`, or the one refusal. */
export const redeemCard = (card: GiftCard | undefined, customerId: string, now: string): GiftCard => {
  if (!card || giftCardView(card, now).status !== 'active' || (card.customerId !== null && card.customerId !== customerId)) throw invalidCode();
  return { ...card, status: 'redeemed', balance: 0, customerId, redeemedAt: now, version: card.version + 1 };
};

/** Only an active card can be disabled (409 otherwise: a redeemed card's money is in an account already). */
export const disableCard = (card: GiftCard, now: string): GiftCard => {
  const status = giftCardView(card, now).status;
  if (status !== 'active') throw new ConflictError(`The gift card is ${status}; only an active card can be disabled.`, { allowedTransitions: [] });
  return { ...card, status: 'disabled', version: card.version + 1 };
};

/** How many redemption tries a customer gets per minute before a 429. */
export const REDEEM_TRIES_PER_MINUTE = 10;

/** The minute a try is counted in; its counter outlives it by a minute (TTL). */
export const redeemWindowAt = (now: string): RateWindow => rateWindowAt(now, 60);

export const redeemLimitError = (window: RateWindow): ThrottledError =>
  new ThrottledError(`More than ${REDEEM_TRIES_PER_MINUTE} redemption tries this minute; try again in ${window.retryAfter} s.`, window.retryAfter);
