// The back office's English messages (web/admin/), screen by screen as each is translated; the
// other locales' <locale>-admin.ts have the same ids. Staff choose their language like customers do.

export const enAdmin = {
  // Shared by every list (web/admin/list-kit.tsx).
  'web.admin.all': 'All',
  'web.admin.dateRange': 'Date range',
  'web.admin.from': 'From',
  'web.admin.to': 'To',
  'web.admin.applyDates': 'Apply dates',
  'web.admin.beforeFrom': 'must not be before the From date',
  'web.admin.nextPage': 'Next page',

  // The first screen: what waits for staff (web/admin/queues/home.tsx).
  'web.admin.queue.toDecide': 'To decide',
  'web.admin.queue.pending': 'Pending',
  'web.admin.queue.failed': 'Failed',

  // Return requests (web/admin/returns/list.tsx).
  'web.admin.returns.statusTabs': 'Return status',
  'web.admin.col.request': 'Request',
  'web.admin.col.customer': 'Customer',
  'web.admin.col.filed': 'Filed',
  'web.admin.returns.none': 'No return requests match.',
  'web.admin.returns.noneWith': 'No return requests are {statusName}.',
  'web.admin.returns.table': 'Return requests',

  // An exchange's decisions (web/admin/exchanges/decide.tsx).
  'web.admin.exchange.actions': 'Actions',
  'web.admin.exchange.nothingToDecide': 'Nothing to decide here: the exchange follows its return.',
  'web.admin.exchange.approve': 'Approve exchange',
  'web.admin.exchange.approveLabel': 'Approve the exchange for order {number}',
  'web.admin.exchange.approved':
    '{next, select, awaiting_payment {Exchange for order {number} approved: its new items are reserved and the customer was asked to pay the difference.} other {Exchange for order {number} approved: its new items are reserved and it now waits for the customer to send the items back.}}',
  'web.admin.exchange.shortStock': 'Not enough stock to approve: {skus}. Restock or deny the exchange.',
  'web.admin.exchange.denyLabel': 'Deny the exchange for order {number}',
  'web.admin.exchange.reason': 'Reason for denying',
  'web.admin.exchange.reasonHint': 'Shown to the customer; needed only to deny',
  'web.admin.exchange.reasonMissing': 'tell the customer why',
  'web.admin.exchange.deny': 'Deny exchange',
  'web.admin.exchange.denyQuestion': 'Are you sure you want to deny this exchange? It cannot be undone.',
  'web.admin.exchange.denyConfirm': 'Yes, deny it',
  'web.admin.exchange.decideLater': 'No, decide later',
  'web.admin.exchange.denyExplain': 'Nothing is exchanged and the customer is emailed your reason.',
  'web.admin.exchange.denied': 'Exchange for order {number} denied. The customer was emailed your reason.',
  'web.admin.exchange.cancelLabel': 'Cancel the exchange for order {number}',
  'web.admin.exchange.cancel': 'Cancel exchange',
  'web.admin.exchange.cancelQuestion': 'Are you sure you want to cancel this exchange? It cannot be undone.',
  'web.admin.exchange.cancelConfirm': 'Yes, cancel it',
  'web.admin.exchange.keep': 'No, keep it',
  'web.admin.exchange.cancelExplain': 'The reserved items go back into stock and the difference is no longer owed.',
  'web.admin.exchange.cancelled': 'Exchange for order {number} cancelled; its reserved items are back in stock.',
  'web.admin.exchange.paymentLabel': 'Record the payment of the exchange for order {number}',
  'web.admin.exchange.reference': 'Payment reference',
  'web.admin.exchange.referenceHint': 'No payment page is open for it: record the payment once received',
  'web.admin.exchange.referenceMissing': 'say how it was paid (a receipt or transfer reference)',
  'web.admin.exchange.recordPayment': 'Record payment',
  'web.admin.exchange.paymentRecorded': 'Payment recorded for the exchange for order {number}; it now waits for the customer to send the items back.',
} as const;

export type AdminMessageId = keyof typeof enAdmin;
