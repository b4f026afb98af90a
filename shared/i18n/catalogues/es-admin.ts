// The back office's messages in this locale; ids and arguments as in en-admin.ts.
import type { AdminMessageId } from './en-admin.ts';

export const esAdmin: Readonly<Record<AdminMessageId, string>> = {
  // Shared by every list (web/admin/list-kit.tsx).
  'web.admin.all': 'Todas',
  'web.admin.dateRange': 'Periodo',
  'web.admin.from': 'Desde',
  'web.admin.to': 'Hasta',
  'web.admin.applyDates': 'Aplicar fechas',
  'web.admin.beforeFrom': 'no puede ser anterior a la fecha «Desde»',
  'web.admin.nextPage': 'Página siguiente',

  // The first screen: what waits for staff (web/admin/queues/home.tsx).
  'web.admin.queue.toDecide': 'Por decidir',
  'web.admin.queue.pending': 'Pendientes',
  'web.admin.queue.failed': 'Fallidas',

  // Return requests (web/admin/returns/list.tsx).
  'web.admin.returns.statusTabs': 'Estado de la devolución',
  'web.admin.col.request': 'Solicitud',
  'web.admin.col.customer': 'Cliente',
  'web.admin.col.filed': 'Presentada',
  'web.admin.returns.none': 'Ninguna solicitud de devolución coincide.',
  'web.admin.returns.noneWith': 'No hay solicitudes de devolución en estado «{statusName}».',
  'web.admin.returns.table': 'Solicitudes de devolución',
};
