// Store-credit area: a customer's accounts and ledger, spending at checkout,
// manual credits and debits, gift cards.
import { creditRoutes } from '#infra/routes/credit';
import { getGiftCard, listGiftCards } from '#shared/adapters/gift-cards-repo';
import { listAccountViews, listCreditTransactions } from '#shared/adapters/store-credit-repo';
import { creditApi } from '#shared/api/credit';
import { giftCardView } from '#shared/domain/gift-card';
import { httpHandler } from '#shared/http/handler';
import { creditStoreCredit } from '#shared/use-cases/credit-store-credit';
import { debitStoreCredit } from '#shared/use-cases/debit-store-credit';
import { disableGiftCard } from '#shared/use-cases/disable-gift-card';
import { issueGiftCard, reopenGiftCard } from '#shared/use-cases/issue-gift-card';
import { redeemGiftCard } from '#shared/use-cases/redeem-gift-card';
import { revertStoreCredit } from '#shared/use-cases/revert-store-credit';

/** The caller's own customer id: these routes admit customers only, so `sub` is theirs. */
const me = (principal: { readonly role: string; readonly sub?: string }): string => principal.sub ?? '';

export const handler = httpHandler(
  creditRoutes,
  creditApi,
  {
    'credit.mine': async ({ principal }) => ({ items: await listAccountViews(me(principal)) }),
    'credit.myTransactions': ({ principal, query: { currency, ...page } }) => listCreditTransactions(me(principal), currency, page),
    'credit.redeem': ({ principal, body, actor, now, idempotency }) =>
      redeemGiftCard({ customerId: me(principal), code: body.code, by: actor, now, idempotency }),
    'credit.customerAccounts': async ({ params }) => ({ items: await listAccountViews(params.customerId) }),
    'credit.debit': ({ body, actor, now, idempotency }) => debitStoreCredit({ ...body, by: actor, now, idempotency }),
    'credit.revert': ({ params, actor, now, idempotency }) => revertStoreCredit({ debitId: params.debitId, by: actor, now, idempotency }),
    'credit.adminAccounts': async ({ params }) => ({ items: await listAccountViews(params.customerId) }),
    'credit.adminTransactions': ({ params, query: { currency, ...page } }) => listCreditTransactions(params.customerId, currency, page),
    'credit.adminCredit': ({ params, body, actor, now, idempotency }) =>
      creditStoreCredit({ customerId: params.customerId, body, by: actor, now, idempotency }),
    'credit.adminDebit': ({ params, body, actor, now, idempotency }) =>
      debitStoreCredit({ customerId: params.customerId, currency: body.currency, amount: body.amount, note: body.note, by: actor, now, idempotency }),
    'credit.giftCards': async ({ query: { last4, ...page }, now }) => {
      const found = await listGiftCards({ last4 }, page);
      return { ...found, items: found.items.map((card) => giftCardView(card, now)) };
    },
    'credit.issueGiftCard': ({ body, now, idempotency }) => issueGiftCard({ body, now, idempotency }),
    'credit.giftCard': async ({ params, now }) => giftCardView((await getGiftCard(params.id)).card, now),
    'credit.disableGiftCard': ({ params, now }) => disableGiftCard(params.id, now),
  },
  reopenGiftCard,
);
