// Store credit, to the customer: credit added to their account (with its bonus
// and expiry), and a lot about to expire.
import { formatDay } from '../../i18n/format.ts';
import type { CreditReminderView, CreditTransactionView } from '../notifications/views.ts';
import { type Email, type EmailContext, layout, pageUrl } from './layout.ts';
import { wordsFor } from './words.ts';

export interface CreditIssuedData {
  readonly transaction: CreditTransactionView;
}

export interface CreditReminderData {
  readonly lot: CreditReminderView['lot'];
  readonly currency: string;
}

export const creditIssuedEmail = ({ transaction: txn }: CreditIssuedData, ctx: EmailContext): Email => {
  const words = wordsFor(ctx);
  const { t } = words;
  const money = (amount: number) => words.money(amount, txn.currency);
  const bonus = txn.bonus ?? 0;
  // `amount` is the whole credit; the customer reads what they were owed, then the bonus on top.
  const total = money(txn.amount);
  const credited = money(txn.amount - bonus);
  const until = txn.expiresAt === null ? t('email.credit.noExpiry') : formatDay(txn.expiresAt, ctx.locale);
  return layout(
    {
      subject: t('email.credit.subject', { amount: total }),
      heading: t('email.credit.heading'),
      paragraphs: [
        words.hello(null),
        t('email.credit.body', { origin: txn.origin.type, amount: credited }),
        ...(bonus > 0 ? [t('email.credit.bonus', { bonus: money(bonus), total })] : []),
        ...(txn.expiresAt === null ? [] : [t('email.credit.expires', { date: until })]),
        t('email.credit.spend', { shop: ctx.shopName }),
      ],
      details: [
        [t('email.label.credited'), credited],
        ...(bonus > 0 ? [[t('email.label.bonus'), money(bonus)] as const] : []),
        [t('email.label.validUntil'), until],
        [t('email.label.creditBalance'), money(txn.balanceAfter)],
      ],
      link: { label: t('email.link.shop'), url: pageUrl(ctx) },
    },
    ctx,
  );
};

export const creditReminderEmail = ({ lot, currency }: CreditReminderData, ctx: EmailContext): Email => {
  const words = wordsFor(ctx);
  const { t } = words;
  const amount = words.money(lot.remaining, currency);
  // A reminder is only written for a lot that expires (lotsToRemind); the fallback keeps the type honest.
  const date = lot.expiresAt === null ? t('email.credit.noExpiry') : formatDay(lot.expiresAt, ctx.locale);
  return layout(
    {
      subject: t('email.creditReminder.subject', { amount, date }),
      heading: t('email.creditReminder.heading'),
      paragraphs: [words.hello(null), t('email.creditReminder.body', { amount, date, shop: ctx.shopName })],
      details: [
        [t('email.label.amount'), amount],
        [t('email.label.validUntil'), date],
      ],
      link: { label: t('email.link.shop'), url: pageUrl(ctx) },
    },
    ctx,
  );
};
