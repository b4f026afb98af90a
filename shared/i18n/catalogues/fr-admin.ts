// The back office's messages in this locale; ids and arguments as in en-admin.ts.
import type { AdminMessageId } from './en-admin.ts';

export const frAdmin: Readonly<Record<AdminMessageId, string>> = {
  // Shared by every list (web/admin/list-kit.tsx).
  'web.admin.all': 'Tous',
  'web.admin.dateRange': 'Période',
  'web.admin.from': 'Du',
  'web.admin.to': 'Au',
  'web.admin.applyDates': 'Appliquer les dates',
  'web.admin.beforeFrom': 'ne doit pas précéder la date « Du »',
  'web.admin.nextPage': 'Page suivante',

  // The first screen: what waits for staff (web/admin/queues/home.tsx).
  'web.admin.queue.toDecide': 'À décider',
  'web.admin.queue.pending': 'En attente',
  'web.admin.queue.failed': 'Échouées',

  // Return requests (web/admin/returns/list.tsx).
  'web.admin.returns.statusTabs': 'Statut du retour',
  'web.admin.col.request': 'Demande',
  'web.admin.col.customer': 'Client',
  'web.admin.col.filed': 'Déposée',
  'web.admin.returns.none': 'Aucune demande de retour ne correspond.',
  'web.admin.returns.noneWith': 'Aucune demande de retour au statut « {statusName} ».',
  'web.admin.returns.table': 'Demandes de retour',
};
