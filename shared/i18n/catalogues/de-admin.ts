// The back office's messages in this locale; ids and arguments as in en-admin.ts.
import type { AdminMessageId } from './en-admin.ts';

export const deAdmin: Readonly<Record<AdminMessageId, string>> = {
  // Shared by every list (web/admin/list-kit.tsx).
  'web.admin.all': 'Alle',
  'web.admin.dateRange': 'Zeitraum',
  'web.admin.from': 'Von',
  'web.admin.to': 'Bis',
  'web.admin.applyDates': 'Zeitraum anwenden',
  'web.admin.beforeFrom': 'darf nicht vor dem Von-Datum liegen',
  'web.admin.nextPage': 'Nächste Seite',

  // The first screen: what waits for staff (web/admin/queues/home.tsx).
  'web.admin.queue.toDecide': 'Zu entscheiden',
  'web.admin.queue.pending': 'Ausstehend',
  'web.admin.queue.failed': 'Fehlgeschlagen',

  // Return requests (web/admin/returns/list.tsx).
  'web.admin.returns.statusTabs': 'Status der Rücksendung',
  'web.admin.col.request': 'Anfrage',
  'web.admin.col.customer': 'Kunde',
  'web.admin.col.filed': 'Eingereicht',
  'web.admin.returns.none': 'Keine passenden Rücksendeanfragen.',
  'web.admin.returns.noneWith': 'Keine Rücksendeanfragen mit dem Status „{statusName}“.',
  'web.admin.returns.table': 'Rücksendeanfragen',
};
