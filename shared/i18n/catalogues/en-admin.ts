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
} as const;

export type AdminMessageId = keyof typeof enAdmin;
