// Shared phrasing: amounts for people, refund methods in words, item lines.
import { formatMoney, isCurrency } from '../money.ts';

/** An integer minor-unit amount for people (`$12.34`, `¥1,234`, `KWD 1.234`). */
export const money = (amount: number, currency: string): string =>
  // A currency the runtime does not know cannot be formatted by Intl; show the raw minor units rather than fail the email.
  isCurrency(currency) ? formatMoney(amount, currency) : `${amount} ${currency} (minor units)`;

const GATEWAYS: Readonly<Record<string, string>> = {
  card: 'to your card',
  bank_transfer: 'by bank transfer',
  voucher: 'as a store voucher',
  cash: 'in cash',
};

/** How a refund reaches the customer: `to your card`, `by bank transfer`… */
export const gatewayInWords = (gateway: string): string => GATEWAYS[gateway] ?? `by ${gateway.replaceAll('_', ' ')}`;

/** `Mug (M) × 2`. */
export const itemLine = (title: string | undefined, quantity: number, variant?: string | null): string =>
  `${title ?? 'Item'}${variant ? ` (${variant})` : ''} × ${quantity}`;

/** Who acted, from an actor label (`admin:abc`, `customer:xyz`, or a bare role). */
export const isAdminActor = (actor: string): boolean => actor === 'admin' || actor.startsWith('admin:');
