// The printable documents of an order (seed 000: "Print Receipt" / "Print
// Invoice") as pure layout data: every string already formatted for people,
// in the order's locale, and for the PDF font. shared/adapters/pdf.ts only draws it.
import { documentTranslator } from '../../i18n/catalogues/documents.ts';
import type { DocumentMessageId } from '../../i18n/catalogues/types.ts';
import { formatAmount, formatDay } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Translate } from '../../i18n/translate.ts';
import { ConflictError } from '../errors.ts';
import { type Address, lineTotal, type Order } from '../order.ts';
import { printable } from './printable.ts';

export type DocumentKind = 'invoice' | 'receipt';

/** What the documents need of a refund (API.md's Refund, narrowed). */
export interface RefundSummary {
  readonly id: string;
  readonly createdAt: string;
  readonly total: number;
  readonly transactions: readonly { readonly gateway: string; readonly status: 'pending' | 'success' | 'failure' }[];
}

export interface DocumentShop {
  readonly name: string;
  readonly address: string;
}

export interface TableRow {
  readonly cells: readonly string[];
  /** A smaller second line under the first cell (variant, SKU). */
  readonly detail: string | null;
}

export interface Table {
  readonly heading: string;
  readonly columns: readonly string[];
  /** Relative column widths, the first one stretches. */
  readonly widths: readonly number[];
  readonly rows: readonly TableRow[];
}

export interface TotalRow {
  readonly label: string;
  readonly value: string;
  readonly strong: boolean;
}

export interface OrderDocument {
  readonly kind: DocumentKind;
  readonly title: string;
  readonly fileName: string;
  readonly shop: { readonly name: string; readonly addressLines: readonly string[] };
  readonly meta: readonly (readonly [string, string])[];
  readonly parties: readonly { readonly heading: string; readonly lines: readonly string[] }[];
  readonly lines: Table;
  readonly totals: readonly TotalRow[];
  readonly paymentHeading: string;
  readonly payment: readonly (readonly [string, string])[];
  readonly refunds: Table | null;
  readonly footer: string;
  /** `Page 2 of 3`, in the document's language. */
  readonly pageLabel: (page: number, pages: number) => string;
  /** The document's language (the PDF's /Lang). */
  readonly locale: Locale;
}

/** `out_for_delivery` → `Out for delivery`, in the reader's words. */
const capitalised = (words: string, locale: Locale): string => words.charAt(0).toLocaleUpperCase(locale) + words.slice(1);

export const addressLines = (address: Address, t: Translate<DocumentMessageId>): string[] =>
  [
    address.name,
    address.line1,
    address.line2,
    [address.postalCode, address.city].filter(Boolean).join(' '),
    address.region,
    address.country,
    address.phone ? t('doc.phone', { phone: address.phone }) : undefined,
  ]
    .filter((line): line is string => typeof line === 'string' && line.trim() !== '')
    .map(printable);

/** A receipt proves a payment: none exists for an order that was never paid. */
export const checkReceiptAvailable = (order: Pick<Order, 'paymentStatus'>): void => {
  if (order.paymentStatus === 'unpaid') {
    throw new ConflictError('A receipt is issued once the order is paid; this order is unpaid.', { paymentStatus: order.paymentStatus });
  }
};

/** A refund's state, from its transactions (`doc.refundState` words it). */
export const refundState = (refund: Pick<RefundSummary, 'transactions'>): 'completed' | 'pending' | 'failed' | 'recorded' => {
  const statuses = refund.transactions.map((t) => t.status);
  if (statuses.length > 0 && statuses.every((s) => s === 'success')) return 'completed';
  if (statuses.includes('pending')) return 'pending';
  if (statuses.includes('failure')) return 'failed';
  return 'recorded';
};

export interface DocumentInput {
  readonly kind: DocumentKind;
  readonly order: Order;
  readonly shop: DocumentShop;
  readonly refunds: readonly RefundSummary[];
  /** When the document is printed. */
  readonly now: string;
  /** The language it is printed in: the order's, resolved against the shop's locales. */
  readonly locale: Locale;
}

export const buildOrderDocument = ({ kind, order, shop, refunds, now, locale }: DocumentInput): OrderDocument => {
  if (kind === 'receipt') checkReceiptAvailable(order);
  const t = documentTranslator(locale);
  const money = (amount: number): string => printable(formatAmount(amount, order.currency, locale));
  const minus = (amount: number): string => (amount === 0 ? money(0) : money(-amount));
  const day = (iso: string): string => formatDay(iso, locale);
  const { totals } = order;
  const paid = order.paymentStatus === 'unpaid' ? 0 : totals.total;
  const number = printable(order.number);

  const meta: [string, string][] = [
    [t('doc.number', { kind }), `${kind === 'invoice' ? 'INV' : 'RCT'}-${number}`],
    [t('doc.orderNumber'), number],
    [t('doc.orderDate'), day(order.createdAt)],
    ...(kind === 'invoice' ? [[t('doc.invoiceDate'), day(order.invoicedAt ?? order.createdAt)] as [string, string]] : []),
    ...(order.deliveredAt ? [[t('doc.delivered'), day(order.deliveredAt)] as [string, string]] : []),
    [t('doc.issued'), day(now)],
    [t('doc.currency'), order.currency],
  ];

  const lines: Table = {
    heading: t('doc.items'),
    columns: [t('doc.col.item'), t('doc.col.quantity'), t('doc.col.unitPrice'), t('doc.col.discount'), t('doc.col.tax'), t('doc.col.total')],
    widths: [3.2, 0.7, 1.3, 1.2, 1.1, 1.4],
    rows: order.lineItems.map((line) => ({
      cells: [printable(line.title), String(line.quantity), money(line.unitPrice), minus(line.discount), money(line.tax), money(lineTotal(line))],
      detail: printable([line.variantTitle, t('doc.sku', { sku: line.sku })].filter(Boolean).join(' · ')),
    })),
  };

  const totalRows: TotalRow[] = [
    { label: t('doc.subtotal'), value: money(totals.subtotal), strong: false },
    { label: t('doc.discounts'), value: minus(totals.discount), strong: false },
    { label: t('doc.shipping', { method: printable(order.shipping.method) }), value: money(totals.shipping), strong: false },
    { label: t('doc.tax'), value: money(totals.tax), strong: false },
    { label: t('doc.total'), value: money(totals.total), strong: true },
    { label: t('doc.paid', { kind }), value: money(paid), strong: kind === 'receipt' },
    ...(totals.refunded > 0
      ? [
          { label: t('doc.refunded'), value: minus(totals.refunded), strong: false },
          { label: t('doc.netPaid'), value: money(paid - totals.refunded), strong: true },
        ]
      : []),
    ...(kind === 'invoice' && order.paymentStatus === 'unpaid' ? [{ label: t('doc.amountDue'), value: money(totals.total), strong: true }] : []),
  ];

  const refundTable: Table | null =
    refunds.length === 0
      ? null
      : {
          heading: t('doc.refunds'),
          columns: [t('doc.col.refund'), t('doc.col.date'), t('doc.col.method'), t('doc.col.status'), t('doc.col.amount')],
          widths: [3.2, 1.3, 1.2, 1.1, 1.3],
          rows: [...refunds]
            .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
            .map((refund) => ({
              cells: [
                printable(refund.id),
                day(refund.createdAt),
                [...new Set(refund.transactions.map((tx) => printable(t('method.refund', { method: tx.gateway }))))].join(', ') || '-',
                t('doc.refundState', { state: refundState(refund) }),
                money(refund.total),
              ],
              detail: null,
            })),
        };

  return {
    kind,
    title: t('doc.title', { kind }),
    fileName: `${kind}-${order.number.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`,
    shop: {
      name: printable(shop.name),
      addressLines: shop.address
        .split(/\r?\n/)
        .map((l) => printable(l.trim()))
        .filter(Boolean),
    },
    meta,
    parties: [
      { heading: t('doc.billTo'), lines: [...addressLines(order.billingAddress, t), printable(order.customer.email)] },
      { heading: t('doc.shipTo'), lines: addressLines(order.shippingAddress, t) },
    ],
    lines,
    totals: totalRows,
    paymentHeading: t('doc.payment'),
    payment: [
      [t('doc.paymentMethod'), t('method.payment', { method: order.paymentMethod })],
      [t('doc.paymentStatus'), t('status.payment', { status: order.paymentStatus })],
      [t('doc.orderStatus'), capitalised(t('status.order', { status: order.status }), locale)],
    ],
    refunds: refundTable,
    footer: t('doc.footer', { kind, shop: printable(shop.name), number, currency: order.currency }),
    pageLabel: (page, pages) => t('doc.page', { page: String(page), pages: String(pages) }),
    locale,
  };
};
