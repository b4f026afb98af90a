// Store credit (API.md "Store credit and gift cards"): money the shop owes a
// customer, as an exact ledger. The schemas are the types, the validators and
// the OpenAPI entries; the movements are in store-credit-ledger.ts. Pure.
import * as z from 'zod/mini';
import { lazy } from './pure.ts';
import { Currency, IsoDateTime, MAX_MONEY, Text, Timestamp } from './schema-kit.ts';

export const CREDIT_ORIGINS = ['refund', 'bonus', 'manual', 'gift_card', 'order', 'exchange'] as const;

export const CREDIT_KINDS = ['credit', 'debit', 'revert', 'expiry', 'void'] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];

/** One movement is at most this much (10,000,000.00 in a two-decimal currency): a typo never credits a fortune. */
export const MAX_CREDIT_AMOUNT = 1_000_000_000;

/** An amount a caller may move: a positive integer of minor units, capped. */
export const CreditAmount = /* @__PURE__ */ lazy(() =>
  z
    .number()
    .check(z.int(), z.minimum(1), z.maximum(MAX_CREDIT_AMOUNT))
    .clone()
    .register(z.globalRegistry, { description: `Minor units, 1 to ${MAX_CREDIT_AMOUNT}.` }),
);

const Amount = /* @__PURE__ */ lazy(() => z.number().check(z.int(), z.minimum(0), z.maximum(MAX_MONEY)));

export const CreditOrigin = /* @__PURE__ */ lazy(() =>
  z
    .object({ type: z.enum(CREDIT_ORIGINS), id: z.string() })
    .clone()
    .register(z.globalRegistry, { id: 'CreditOrigin', description: 'What the credit came from (or a debit went to): each origin credits once.' }),
);
export type CreditOrigin = z.infer<typeof CreditOrigin>;

export const CreditLot = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: z.string(),
      origin: CreditOrigin,
      amount: Amount,
      remaining: Amount,
      expiresAt: z.nullable(Timestamp),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreditLot' }),
);
export type CreditLot = z.infer<typeof CreditLot>;

export const CreditAccount = /* @__PURE__ */ lazy(() =>
  z
    .object({
      customerId: z.string(),
      currency: z.string(),
      balance: Amount.clone().register(z.globalRegistry, { description: 'Σ lots.remaining; never negative.' }),
      lots: z.array(CreditLot).clone().register(z.globalRegistry, { description: 'The lots with money left, soonest-expiring first.' }),
      version: z.number().check(z.int(), z.minimum(0)),
    })
    .clone()
    .register(z.globalRegistry, { id: 'StoreCreditAccount' }),
);
export type CreditAccount = z.infer<typeof CreditAccount>;

export const CreditAllocation = /* @__PURE__ */ lazy(() =>
  z
    .object({
      lotId: z.string(),
      amount: Amount,
      origin: CreditOrigin.clone().register(z.globalRegistry, { description: "The lot's origin (a revert rebuilds a lot spent to zero from it)." }),
      expiresAt: z.nullable(Timestamp).clone().register(z.globalRegistry, { description: "The lot's expiry." }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreditAllocation' }),
);
export type CreditAllocation = z.infer<typeof CreditAllocation>;

export const CreditTransaction = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: z.string().clone().register(z.globalRegistry, { example: 'sct_01JD3V7N8Q2M4K6P9R1T3W5Y7Z' }),
      customerId: z.string(),
      currency: z.string(),
      kind: z.enum(CREDIT_KINDS),
      amount: Amount.clone().register(z.globalRegistry, { description: 'Always > 0; the kind says which way it went.' }),
      balanceAfter: Amount,
      origin: CreditOrigin,
      allocations: z.array(CreditAllocation).clone().register(z.globalRegistry, { description: 'The lots it drew from or gave to.' }),
      expiresAt: z.nullable(Timestamp).clone().register(z.globalRegistry, { description: "A credit's expiry (its lot's)." }),
      note: z.nullable(z.string()),
      by: z.string(),
      createdAt: Timestamp,
      revertOf: z.optional(z.string()).clone().register(z.globalRegistry, { description: 'The debit a revert puts back.' }),
      revertedBy: z.optional(z.string()).clone().register(z.globalRegistry, { description: 'The revert of this debit, once reverted.' }),
      bonus: z.optional(Amount).clone().register(z.globalRegistry, { description: 'The bonus credited beside this credit (its own lot, origin `bonus`).' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'StoreCreditTransaction' }),
);
export type CreditTransaction = z.infer<typeof CreditTransaction>;

/** Admin credit or debit of an account. */
export const ManualCreditBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      amount: CreditAmount,
      currency: Currency,
      expiresAt: z
        .optional(IsoDateTime())
        .clone()
        .register(z.globalRegistry, { description: "A credit's expiry (default: `storeCredit.expiresInDays` from now)." }),
      note: Text(500),
    })
    .clone()
    .register(z.globalRegistry, { id: 'ManualCreditBody' }),
);
export type ManualCreditBody = z.infer<typeof ManualCreditBody>;

/** The storefront spends credit at checkout. */
export const DebitBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      customerId: Text(128),
      currency: Currency,
      amount: CreditAmount,
      orderId: z.optional(Text(64)),
    })
    .clone()
    .register(z.globalRegistry, { id: 'StoreCreditDebitBody' }),
);
export type DebitBody = z.infer<typeof DebitBody>;

/** `storeCredit` of the settings. */
export const StoreCreditSettings = /* @__PURE__ */ lazy(() =>
  z
    .object({
      enabled: z.boolean(),
      expiresInDays: z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(3650))),
      reminderDays: z.number().check(z.int(), z.minimum(0), z.maximum(365)),
      bonus: z.object({
        percent: z.number().check(z.int(), z.minimum(0), z.maximum(100)),
        flat: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_CREDIT_AMOUNT)),
        max: z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(MAX_CREDIT_AMOUNT))),
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'StoreCreditSettings' }),
);
export type StoreCreditSettings = z.infer<typeof StoreCreditSettings>;

/** Off on a new install: a shop turns store credit on when it wants it (API.md: "store credit once `storeCredit.enabled`"). */
export const DEFAULT_STORE_CREDIT: StoreCreditSettings = { enabled: false, expiresInDays: 365, reminderDays: 14, bonus: { percent: 0, flat: 0, max: null } };

export const StoreCreditAccounts = /* @__PURE__ */ lazy(() => z.object({ items: z.array(CreditAccount) }));
export const CreditIdParams = /* @__PURE__ */ lazy(() =>
  z.object({ debitId: z.string().check(z.maxLength(64), z.regex(/^sct_[0-9A-Za-z]+$/, 'must be a sct_… id')) }),
);
