// The parts of each item that the emails read, as they arrive in stream images.
// Items are written by other slices with the pinned shapes (API.md resources);
// these views name only the fields an email needs, so a new field elsewhere
// never breaks a template. Optional where the writer may leave a field out.
// Statuses are the domain's own types: each status list is declared once.
import type { CancellationStatus } from '../cancellation.ts';
import type { TransactionStatus } from '../refund.ts';
import type { ReturnStatus } from '../return-status.ts';

/** The order as templates need it (the full Order satisfies it). */
export interface OrderView {
  readonly id: string;
  readonly number: string;
  readonly currency: string;
  /** `locale`: the language the customer reads (API.md's `customer.locale`), when the order says. */
  readonly customer: { readonly name: string; readonly email: string; readonly locale?: string | null };
}

export interface CancellationView {
  readonly id: string;
  readonly orderId: string;
  readonly orderNumber?: string;
  readonly requestedBy?: 'customer' | 'admin';
  readonly reasonText?: string | null;
  readonly comment?: string | null;
  readonly status: CancellationStatus;
  readonly rejectionReason?: string | null;
  readonly refundAmount?: number | null;
  /** The voucher its refund issued at once, when it was refunded by voucher. */
  readonly voucherCode?: string | null;
  readonly version: number;
}

export interface ReturnItemView {
  readonly lineItemId: string;
  readonly sku?: string;
  readonly title: string;
  readonly quantity: number;
  readonly reasonText?: string | null;
  readonly goodQuantity?: number | null;
  readonly status?: string | null;
}

export interface ReturnRequestView {
  readonly id: string;
  readonly orderId: string;
  readonly orderNumber?: string;
  readonly currency?: string;
  readonly customer?: { readonly name?: string | null; readonly email?: string | null; readonly locale?: string | null } | null;
  readonly status: ReturnStatus;
  readonly items?: readonly ReturnItemView[];
  readonly refundMethod?: string;
  readonly voucherCode?: string | null;
  readonly extraComment?: string | null;
  readonly refundAmount?: number | null;
  readonly rejectionReason?: string | null;
  readonly version: number;
}

export interface RefundTransactionView {
  readonly id: string;
  readonly amount: number;
  readonly currency?: string;
  readonly gateway: string;
  readonly status: TransactionStatus;
  readonly voucherCode?: string | null;
  readonly message?: string | null;
}

export interface RefundView {
  readonly id: string;
  readonly orderId: string;
  readonly currency?: string;
  readonly total: number;
  readonly source?: { readonly type: string; readonly id: string | null };
  readonly refundLineItems?: readonly { readonly quantity: number; readonly lineItem?: { readonly title?: string; readonly variantTitle?: string | null } }[];
  readonly shipping?: { readonly amount: number } | null;
  readonly transactions?: readonly RefundTransactionView[];
  readonly version?: number;
}

export interface OrderNoteView {
  readonly id: string;
  readonly orderId: string;
  readonly body: string;
  readonly visibility: 'private' | 'customer';
}

export interface ReturnCommentView {
  readonly id: string;
  readonly returnId: string;
  readonly orderId: string;
  readonly body: string;
  readonly visibleToCustomer: boolean;
  /** The actor label: `admin:<sub>`, `customer:<sub>` (or the bare role). */
  readonly submittedBy: string;
}

/** Where a store-credit email goes (store-credit-repo.ts records it on the account and copies it onto what it emails about). */
export interface CreditContactView {
  readonly email: string;
  readonly locale?: string | null;
}

export interface CreditTransactionView {
  readonly id: string;
  readonly customerId: string;
  readonly currency: string;
  readonly kind: string;
  /** A credit's whole amount, its bonus included. */
  readonly amount: number;
  readonly bonus?: number;
  readonly balanceAfter: number;
  readonly origin: { readonly type: string };
  readonly expiresAt: string | null;
}

/** A ledger row: the transaction and, on a credit, its contact. */
export interface CreditTransactionRowView {
  readonly txn: CreditTransactionView;
  readonly contact?: CreditContactView;
}

/** A lot's reminder item (written once by the expiry job). */
export interface CreditReminderView {
  readonly customerId: string;
  readonly currency: string;
  readonly lot: { readonly id: string; readonly remaining: number; readonly expiresAt: string | null };
  readonly contact?: CreditContactView;
}
