// The back office's messages in this locale; ids and arguments as in en-admin.ts.
import type { AdminMessageId } from './en-admin.ts';

export const ptBRAdmin: Readonly<Record<AdminMessageId, string>> = {
  // Shared by every list (web/admin/list-kit.tsx).
  'web.admin.all': 'Todas',
  'web.admin.dateRange': 'Período',
  'web.admin.from': 'De',
  'web.admin.to': 'Até',
  'web.admin.applyDates': 'Aplicar datas',
  'web.admin.beforeFrom': 'não pode ser anterior à data “De”',
  'web.admin.nextPage': 'Próxima página',

  // The first screen: what waits for staff (web/admin/queues/home.tsx).
  'web.admin.queue.toDecide': 'A decidir',
  'web.admin.queue.pending': 'Pendentes',
  'web.admin.queue.failed': 'Com falha',

  // Return requests (web/admin/returns/list.tsx).
  'web.admin.returns.statusTabs': 'Status da devolução',
  'web.admin.col.request': 'Solicitação',
  'web.admin.col.customer': 'Cliente',
  'web.admin.col.filed': 'Enviada',
  'web.admin.returns.none': 'Nenhuma solicitação de devolução encontrada.',
  'web.admin.returns.noneWith': 'Nenhuma solicitação de devolução com status “{statusName}”.',
  'web.admin.returns.table': 'Solicitações de devolução',
};
