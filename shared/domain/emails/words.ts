// Shared phrasing, in the reader's locale: amounts, refund methods, item lines.
import { emailTranslator } from '../../i18n/catalogues/emails.ts';
import type { EmailMessageId } from '../../i18n/catalogues/types.ts';
import { formatAmount } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { EmailContext } from './layout.ts';

export interface Words {
  readonly t: Translate<EmailMessageId>;
  /** An integer minor-unit amount for people (`$12.34`, `12,34 €`, `KWD 1.234`). */
  readonly money: (amount: number, currency: string) => string;
  /** How a refund reaches the customer: `to your card`, `by bank transfer`… */
  readonly how: (method: string) => string;
  /** `Mug (M) × 2`. */
  readonly item: (title: string | undefined, quantity: number, variant?: string | null) => string;
  /** `Hello Ada,` (or a plain greeting when the name is unknown). */
  readonly hello: (name: string | null | undefined) => string;
}

export const wordsFor = ({ locale }: EmailContext): Words => {
  const t = emailTranslator(locale);
  return {
    t,
    money: (amount, currency) => formatAmount(amount, currency, locale),
    how: (method) => t('method.refundHow', { method }),
    item: (title, quantity, variant) =>
      variant
        ? t('item.lineWithVariant', { title: title ?? t('item.untitled'), variant, quantity })
        : t('item.line', { title: title ?? t('item.untitled'), quantity }),
    hello: (name) => (name ? t('email.hello', { name }) : t('email.helloNoName')),
  };
};

/** Who acted, from an actor label (`admin:abc`, `customer:xyz`, or a bare role). */
export const isAdminActor = (actor: string): boolean => actor === 'admin' || actor.startsWith('admin:');
