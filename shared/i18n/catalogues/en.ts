// English: the source catalogue. Every other locale has exactly these ids, with
// the same arguments (test/unit/i18n-catalogues.test.ts). ICU MessageFormat:
// `{name}` an argument, `{n, plural, …}` and `{x, select, …}` choices. Amounts
// and dates arrive formatted (shared/i18n/format.ts).

import { enExchangesWeb } from './en-exchanges-web.ts';
import { enWeb } from './en-web.ts';
export const en = {
  // Words every surface shares.
  'status.order':
    '{status, select, pending {pending} confirmed {confirmed} picked_up {picked up} shipped {shipped} out_for_delivery {out for delivery} delivered {delivered} delivery_failed {delivery failed} cancelled {cancelled} other {{status}}}',
  'status.return':
    '{status, select, new {new} picked_up {picked up} pending_verification {pending verification} approved {approved} partially_approved {partially approved} denied {denied} refunded {refunded} cancelled {cancelled} other {{status}}}',
  'status.cancellation': '{status, select, requested {requested} approved {approved} rejected {rejected} refunded {refunded} other {{status}}}',
  'status.payment': '{status, select, unpaid {Unpaid} paid {Paid} partially_refunded {Partially refunded} refunded {Refunded} other {{status}}}',
  'status.transaction': '{status, select, pending {on its way} success {completed} failure {failed} other {{status}}}',
  'method.payment': '{method, select, card {Card} cod {Cash on delivery} bank_transfer {Bank transfer} voucher {Voucher} other {{method}}}',
  'method.refund':
    '{method, select, card {Card} bank_transfer {Bank transfer} voucher {Voucher} store_credit {Store credit} exchange {Exchange} cash {Cash} other {{method}}}',
  'method.refundHow':
    '{method, select, card {to your card} bank_transfer {by bank transfer} voucher {as a store voucher} store_credit {as store credit} exchange {as an exchange} cash {in cash} other {by {method}}}',
  'item.line': '{title} × {quantity}',
  'item.lineWithVariant': '{title} ({variant}) × {quantity}',
  'item.untitled': 'Item',
  'item.verdict': '{line}: {good} of {quantity} accepted',

  // What every email shares.
  'email.hello': 'Hello {name},',
  'email.helloNoName': 'Hello,',
  'email.footer': 'This message was sent automatically.',
  'email.forYourRecords': 'For your records.',
  'email.label.order': 'Order',
  'email.label.return': 'Return',
  'email.label.status': 'Status',
  'email.label.refund': 'Refund',
  'email.label.refundTotal': 'Refund total',
  'email.label.amount': 'Amount',
  'email.label.payment': 'Payment',
  'email.label.transaction': 'Transaction',
  'email.label.voucherCode': 'Voucher code',
  'email.label.customer': 'Customer',
  'email.label.items': 'Items',
  'email.label.refunded': 'Refunded',
  'email.label.reason': 'Reason',
  'email.label.rejectionReason': 'Rejection reason',
  'email.label.note': 'Note',
  'email.label.message': 'Message',
  'email.label.comment': 'Comment',
  'email.label.customerComment': 'Customer comment',
  'email.label.refundMethod': 'Refund method',
  'email.label.orderStatus': 'Order status',
  'email.label.cancellation': 'Cancellation',
  'email.label.requestedBy': 'Requested by',
  'email.link.order': 'View your order',
  'email.link.track': 'Track your order',
  'email.link.return': 'View your return',
  'email.link.admin': 'Open in admin',

  // Order status changes, to the customer.
  // English needs no wording per status; other languages do (the same arguments).
  'email.orderStatus.subject': '{status, select, other {Order {number} is now {statusName}}}',
  'email.orderStatus.heading': 'Your order {number} is now {statusName}',
  'email.orderStatus.body':
    '{status, select, confirmed {We have confirmed your order and are preparing it.} picked_up {Your order has been picked and packed.} shipped {Your order is on its way.} out_for_delivery {Your order is out for delivery today.} delivered {Your order has been delivered. We hope you enjoy it.} delivery_failed {We could not deliver your order. We will try again or get in touch with you.} other {The status of your order changed to “{statusName}”.}}',

  // Cancellations.
  'email.cancellation.subject':
    '{status, select, requested {We received your cancellation request for order {number}} approved {Order {number} has been cancelled} rejected {Your cancellation request for order {number} was declined} other {Order {number} has been cancelled and refunded}}',
  'email.cancellation.heading':
    '{status, select, requested {Cancellation requested} rejected {Cancellation request declined} other {Order {number} has been cancelled}}',
  'email.cancellation.requested': 'We received your request to cancel order {number}. We will review it and let you know shortly.',
  'email.cancellation.cancelled': 'Your order {number} has been cancelled.',
  'email.cancellation.refundComing': 'A refund of {amount} will be issued to you. We will email you again when it is on its way.',
  'email.cancellation.refundIssued':
    '{voucher, select, yes {Your refund of {amount} has been issued as a store voucher.} other {Your refund of {amount} has been issued.}}',
  'email.cancellation.rejected': 'We are sorry: we could not cancel order {number}. It will go ahead as planned.',
  'email.cancellation.orderState': '{cancelled, select, yes {cancelled} other {unchanged}}',
  'email.cancellation.by': '{role, select, admin {the shop} other {the customer}}',
  'email.cancellationAdmin.subject': '[Cancellation] {heading}',
  'email.cancellationAdmin.heading':
    '{status, select, requested {Cancellation requested for order {number}} approved {Order {number} cancelled} rejected {Cancellation of order {number} rejected} other {Cancellation of order {number} refunded}}',
  'email.cancellationAdmin.decide': 'A paid order is waiting for your decision: approve or decline the cancellation.',

  // Return requests.
  'email.return.subject':
    '{status, select, new {We received your return request for order {number}} other {Your return for order {number} is now {statusName}}}',
  'email.return.heading': '{status, select, new {We received your return request} other {Your return is now {statusName}}}',
  'email.return.body':
    '{status, select, new {We received your return request and will review it shortly.} picked_up {Your return has been picked up. We will check the items as soon as they arrive.} pending_verification {Your return has arrived and we are checking the items.} approved {Good news: your return has been approved.} partially_approved {Part of your return has been approved; the list below shows what we accepted.} denied {We are sorry: your return request has been denied.} refunded {Your return is complete.} other {Your return request has been withdrawn. Nothing more will happen with it.}}',
  'email.return.refundPlanned': 'We will refund {amount} {how}.',
  'email.return.refundIssued': 'Your refund of {amount} has been issued {how}.',
  'email.returnAdmin.subject': '[Return] Return for order {number} is now {statusName}',
  'email.returnAdmin.heading': 'Return for order {number} is now {statusName}',
  'email.returnAdmin.withdrawn': 'The customer withdrew this return request.',
  'email.returnCreated.subject': '[Return] New return request for order {number}',
  'email.returnCreated.heading': 'New return request for order {number}',
  'email.returnCreated.body': 'A customer asked to return items. Review the request and schedule the pickup or the check.',

  // Refunds.
  'email.refund.subject': 'Refund of {amount} for order {number}',
  'email.refund.heading': 'Your refund of {amount}',
  'email.refund.body': 'We have issued a refund of {amount} for your order {number}.',
  'email.refund.cardDelay': 'Card refunds usually appear on your statement within 5–10 business days.',
  'email.refund.payment': '{amount} {how}: {state}',
  'email.refund.shipping': 'Shipping: {amount}',
  'email.refundSent.subject': 'Your refund of {amount} for order {number} has been sent',
  'email.refundSent.heading': 'Your refund has been sent',
  'email.refundSent.body': 'The refund of {amount} for your order {number} has been sent {how}.',
  'email.refundSent.cardDelay': 'Depending on your bank, it can take a few business days to appear on your statement.',
  'email.refundFailed.subject': 'We could not complete your refund for order {number}',
  'email.refundFailed.heading': 'There was a problem with your refund',
  'email.refundFailed.body':
    'We could not complete the refund of {amount} {how}. The amount is still owed to you: we will send it again and email you when it is on its way.',
  'email.refundFailedAdmin.subject': '[Refund] A refund of {amount} for order {number} failed',
  'email.refundFailedAdmin.heading': 'Refund of {amount} for order {number} failed',
  'email.refundFailedAdmin.body': 'The refund {how} could not be completed. The amount is still owed: open the refund and start a new attempt.',

  // Notes and comments.
  'email.note.subject': 'A message about your order {number}',
  'email.note.body': 'We added a note to your order:',
  'email.comment.subject': 'New message about your return for order {number}',
  'email.comment.heading': 'New message about your return',
  'email.comment.body': 'We wrote about your return for order {number}:',
  'email.commentAdmin.subject': '[Return] Customer comment on the return for order {number}',
  'email.commentAdmin.heading': 'Customer comment on return {returnId}',
  'email.commentAdmin.body': '{customer} commented on their return for order {number}.',

  // Invoice and receipt.
  'doc.title': '{kind, select, invoice {Invoice} other {Receipt}}',
  'doc.number': '{kind, select, invoice {Invoice no.} other {Receipt no.}}',
  'doc.orderNumber': 'Order no.',
  'doc.orderDate': 'Order date',
  'doc.invoiceDate': 'Invoice date',
  'doc.delivered': 'Delivered',
  'doc.issued': 'Issued',
  'doc.currency': 'Currency',
  'doc.billTo': 'Bill to',
  'doc.shipTo': 'Ship to',
  'doc.phone': 'Tel. {phone}',
  'doc.items': 'Items',
  'doc.col.item': 'Item',
  'doc.col.quantity': 'Qty',
  'doc.col.unitPrice': 'Unit price',
  'doc.col.discount': 'Discount',
  'doc.col.tax': 'Tax',
  'doc.col.total': 'Total',
  'doc.sku': 'SKU {sku}',
  'doc.subtotal': 'Subtotal',
  'doc.discounts': 'Discounts',
  'doc.shipping': 'Shipping ({method})',
  'doc.tax': 'Tax',
  'doc.total': 'Total',
  'doc.paid': '{kind, select, invoice {Paid} other {Amount paid}}',
  'doc.refunded': 'Refunded',
  'doc.netPaid': 'Net paid',
  'doc.amountDue': 'Amount due',
  'doc.payment': 'Payment',
  'doc.paymentMethod': 'Payment method',
  'doc.paymentStatus': 'Payment status',
  'doc.orderStatus': 'Order status',
  'doc.refunds': 'Refunds so far',
  'doc.col.refund': 'Refund',
  'doc.col.date': 'Date',
  'doc.col.method': 'Method',
  'doc.col.status': 'Status',
  'doc.col.amount': 'Amount',
  'doc.refundState': '{state, select, completed {Completed} pending {Pending} failed {Failed} other {Recorded}}',
  'doc.footer':
    '{kind, select, invoice {{shop} – invoice for order {number}. Amounts in {currency}.} other {{shop} – thank you for your payment. Amounts in {currency}.}}',
  'doc.page': 'Page {page} of {pages}',

  ...enWeb,
  ...enExchangesWeb,
} as const;

export type MessageId = keyof typeof en;
