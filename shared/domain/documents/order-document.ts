// The printable documents of an order (seed 000: "Print Receipt" / "Print
// Invoice") as pure layout data: every string already formatted for people
// and for the PDF fonts. shared/adapters/pdf.ts only draws it.
import { ConflictError } from '../errors.ts';
import { formatMoney } from '../money.ts';
import { type Address, lineTotal, type Order, type PaymentMethod, type PaymentStatus } from '../order.ts';
import { printable, printableAmount } from './printable.ts';

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
  readonly payment: readonly (readonly [string, string])[];
  readonly refunds: Table | null;
  readonly footer: string;
}

const PAYMENT_METHOD_LABEL = {
  card: 'Card',
  cod: 'Cash on delivery',
  bank_transfer: 'Bank transfer',
  voucher: 'Voucher',
} as const satisfies Record<PaymentMethod, string>;

const PAYMENT_STATUS_LABEL = {
  unpaid: 'Unpaid',
  paid: 'Paid',
  partially_refunded: 'Partially refunded',
  refunded: 'Refunded',
} as const satisfies Record<PaymentStatus, string>;

const GATEWAY_LABEL: Readonly<Record<string, string>> = { card: 'Card', bank_transfer: 'Bank transfer', voucher: 'Voucher', cash: 'Cash' };

/** `out_for_delivery` → `Out for delivery`. */
const sentence = (code: string): string => {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** `2026-11-21T10:00:00.000Z` → `Nov 21, 2026` (UTC: the same date for every reader). */
export const formatDate = (iso: string): string => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));

export const addressLines = (address: Address): string[] =>
  [
    address.name,
    address.line1,
    address.line2,
    [address.postalCode, address.city].filter(Boolean).join(' '),
    address.region,
    address.country,
    address.phone ? `Tel. ${address.phone}` : undefined,
  ]
    .filter((line): line is string => typeof line === 'string' && line.trim() !== '')
    .map(printable);

/** A receipt proves a payment: none exists for an order that was never paid. */
export const checkReceiptAvailable = (order: Pick<Order, 'paymentStatus'>): void => {
  if (order.paymentStatus === 'unpaid') {
    throw new ConflictError('A receipt is issued once the order is paid; this order is unpaid.', { paymentStatus: order.paymentStatus });
  }
};

/** A refund's state in a word, from its transactions. */
export const refundState = (refund: Pick<RefundSummary, 'transactions'>): string => {
  const statuses = refund.transactions.map((t) => t.status);
  if (statuses.length > 0 && statuses.every((s) => s === 'success')) return 'Completed';
  if (statuses.includes('pending')) return 'Pending';
  if (statuses.includes('failure')) return 'Failed';
  return 'Recorded';
};

export interface DocumentInput {
  readonly kind: DocumentKind;
  readonly order: Order;
  readonly shop: DocumentShop;
  readonly refunds: readonly RefundSummary[];
  /** When the document is printed. */
  readonly now: string;
}

export const buildOrderDocument = ({ kind, order, shop, refunds, now }: DocumentInput): OrderDocument => {
  if (kind === 'receipt') checkReceiptAvailable(order);
  const money = (amount: number): string => printableAmount(formatMoney(amount, order.currency), order.currency);
  const minus = (amount: number): string => (amount === 0 ? money(0) : `-${money(amount)}`);
  const { totals } = order;
  const paid = order.paymentStatus === 'unpaid' ? 0 : totals.total;
  const title = kind === 'invoice' ? 'Invoice' : 'Receipt';
  const number = printable(order.number);

  const meta: [string, string][] = [
    [kind === 'invoice' ? 'Invoice no.' : 'Receipt no.', `${kind === 'invoice' ? 'INV' : 'RCT'}-${number}`],
    ['Order no.', number],
    ['Order date', formatDate(order.createdAt)],
    ...(kind === 'invoice' ? [['Invoice date', formatDate(order.invoicedAt ?? order.createdAt)] as [string, string]] : []),
    ...(order.deliveredAt ? [['Delivered', formatDate(order.deliveredAt)] as [string, string]] : []),
    ['Issued', formatDate(now)],
    ['Currency', order.currency],
  ];

  const lines: Table = {
    heading: 'Items',
    columns: ['Item', 'Qty', 'Unit price', 'Discount', 'Tax', 'Total'],
    widths: [3.2, 0.7, 1.3, 1.2, 1.1, 1.4],
    rows: order.lineItems.map((line) => ({
      cells: [printable(line.title), String(line.quantity), money(line.unitPrice), minus(line.discount), money(line.tax), money(lineTotal(line))],
      detail: printable([line.variantTitle, `SKU ${line.sku}`].filter(Boolean).join(' · ')),
    })),
  };

  const totalRows: TotalRow[] = [
    { label: 'Subtotal', value: money(totals.subtotal), strong: false },
    { label: 'Discounts', value: minus(totals.discount), strong: false },
    { label: `Shipping (${printable(order.shipping.method)})`, value: money(totals.shipping), strong: false },
    { label: 'Tax', value: money(totals.tax), strong: false },
    { label: 'Total', value: money(totals.total), strong: true },
    { label: kind === 'invoice' ? 'Paid' : 'Amount paid', value: money(paid), strong: kind === 'receipt' },
    ...(totals.refunded > 0
      ? [
          { label: 'Refunded', value: minus(totals.refunded), strong: false },
          { label: 'Net paid', value: money(paid - totals.refunded), strong: true },
        ]
      : []),
    ...(kind === 'invoice' && order.paymentStatus === 'unpaid' ? [{ label: 'Amount due', value: money(totals.total), strong: true }] : []),
  ];

  const refundTable: Table | null =
    refunds.length === 0
      ? null
      : {
          heading: 'Refunds so far',
          columns: ['Refund', 'Date', 'Method', 'Status', 'Amount'],
          widths: [3.2, 1.3, 1.2, 1.1, 1.3],
          rows: [...refunds]
            .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
            .map((refund) => ({
              cells: [
                printable(refund.id),
                formatDate(refund.createdAt),
                [...new Set(refund.transactions.map((t) => GATEWAY_LABEL[t.gateway] ?? printable(t.gateway)))].join(', ') || '-',
                refundState(refund),
                money(refund.total),
              ],
              detail: null,
            })),
        };

  return {
    kind,
    title,
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
      { heading: 'Bill to', lines: [...addressLines(order.billingAddress), printable(order.customer.email)] },
      { heading: 'Ship to', lines: addressLines(order.shippingAddress) },
    ],
    lines,
    totals: totalRows,
    payment: [
      ['Payment method', PAYMENT_METHOD_LABEL[order.paymentMethod]],
      ['Payment status', PAYMENT_STATUS_LABEL[order.paymentStatus]],
      ['Order status', sentence(order.status)],
    ],
    refunds: refundTable,
    footer:
      kind === 'invoice'
        ? `${printable(shop.name)} - invoice for order ${number}. Amounts in ${order.currency}.`
        : `${printable(shop.name)} - thank you for your payment. Amounts in ${order.currency}.`,
  };
};
