// Routes of the store-credit area: accounts and their ledger, spending at
// checkout (storefront), manual credits and debits, gift cards.
import * as z from 'zod/mini';
import { CreateGiftCardBody, GiftCard, IssuedGiftCard, RedeemBody } from '#shared/domain/gift-card';
import { lazy } from '#shared/domain/pure';
import { Currency, Id, Page, PageQuery, Text } from '#shared/domain/schema-kit';
import { CreditIdParams, CreditTransaction, DebitBody, ManualCreditBody, StoreCreditAccounts } from '#shared/domain/store-credit';
import type { SpecsOf } from '#shared/http/route-spec';

const CustomerParams = /* @__PURE__ */ lazy(() => z.object({ customerId: Text(128) }));
const GiftCardParams = /* @__PURE__ */ lazy(() => z.object({ id: Id('gc') }));
const TransactionsQuery = /* @__PURE__ */ lazy(() => z.extend(PageQuery, { currency: z.optional(Currency) }));
const Transactions = /* @__PURE__ */ lazy(() => Page(CreditTransaction));

export const creditApi = /* @__PURE__ */ lazy(
  () =>
    ({
      'credit.mine': { summary: 'My store credit: one account per currency, with its lots', response: StoreCreditAccounts },
      'credit.myTransactions': {
        summary: 'My store credit transactions, newest first (one currency with `currency`)',
        query: TransactionsQuery,
        response: Transactions,
      },
      'credit.redeem': {
        summary: 'Redeem a gift card code into my store credit (an unusable code is always the same 422; over 10 tries a minute, 429)',
        body: RedeemBody,
        response: CreditTransaction,
        status: 201,
        idempotent: true,
      },
      'credit.customerAccounts': { summary: "A customer's store credit, for checkout", params: CustomerParams, response: StoreCreditAccounts },
      'credit.debit': {
        summary: 'Spend store credit: soonest-expiring lots first (422 insufficient_funds or currency_mismatch)',
        body: DebitBody,
        response: CreditTransaction,
        status: 201,
        idempotent: true,
      },
      'credit.revert': {
        summary: 'Put back what a debit took (once; 409 after): a lot expired meanwhile comes back as a new lot',
        params: CreditIdParams,
        response: CreditTransaction,
        status: 201,
        idempotent: true,
      },
      'credit.adminAccounts': { summary: "A customer's store credit accounts", params: CustomerParams, response: StoreCreditAccounts },
      'credit.adminTransactions': {
        summary: "A customer's store credit transactions, newest first",
        params: CustomerParams,
        query: TransactionsQuery,
        response: Transactions,
      },
      'credit.adminCredit': {
        summary: 'Credit a customer by hand (a lot with origin manual and a note)',
        params: CustomerParams,
        body: ManualCreditBody,
        response: CreditTransaction,
        status: 201,
        idempotent: true,
      },
      'credit.adminDebit': {
        summary: 'Debit a customer by hand, with a note (`expiresAt` does not apply)',
        params: CustomerParams,
        body: ManualCreditBody,
        response: CreditTransaction,
        status: 201,
        idempotent: true,
      },
      'credit.giftCards': {
        summary: 'Gift cards, newest first (`last4`: those whose code ends so)',
        query: z.extend(PageQuery, {
          last4: z.optional(z.string().check(z.maxLength(4, { abort: true }), z.regex(/^[0-9A-Za-z]{4}$/, 'must be the last 4 characters of a code'))),
        }),
        response: Page(GiftCard),
      },
      'credit.issueGiftCard': {
        summary: 'Issue a gift card: its `code` is answered this once',
        body: CreateGiftCardBody,
        response: IssuedGiftCard,
        status: 201,
        idempotent: true,
      },
      'credit.giftCard': { summary: 'One gift card (never its code)', params: GiftCardParams, response: GiftCard, fields: true },
      'credit.disableGiftCard': { summary: 'Disable an active gift card (409 once redeemed)', params: GiftCardParams, response: GiftCard },
    }) as const satisfies SpecsOf<'credit'>,
);
