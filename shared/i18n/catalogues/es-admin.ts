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

  // An exchange's decisions (web/admin/exchanges/decide.tsx).
  'web.admin.exchange.actions': 'Acciones',
  'web.admin.exchange.nothingToDecide': 'Nada que decidir aquí: el cambio sigue a su devolución.',
  'web.admin.exchange.approve': 'Aprobar cambio',
  'web.admin.exchange.approveLabel': 'Aprobar el cambio del pedido {number}',
  'web.admin.exchange.approved':
    '{next, select, awaiting_payment {Cambio del pedido {number} aprobado: los artículos nuevos están reservados y se pidió al cliente que pague la diferencia.} other {Cambio del pedido {number} aprobado: los artículos nuevos están reservados; ahora espera a que se devuelvan los artículos.}}',
  'web.admin.exchange.shortStock': 'No hay stock suficiente para aprobar: {skus}. Repón el stock o rechaza el cambio.',
  'web.admin.exchange.denyLabel': 'Rechazar el cambio del pedido {number}',
  'web.admin.exchange.reason': 'Motivo del rechazo',
  'web.admin.exchange.reasonHint': 'Se muestra al cliente; solo hace falta para rechazar',
  'web.admin.exchange.reasonMissing': 'dile al cliente por qué',
  'web.admin.exchange.deny': 'Rechazar cambio',
  'web.admin.exchange.denyQuestion': '¿Seguro que quieres rechazar este cambio? No se puede deshacer.',
  'web.admin.exchange.denyConfirm': 'Sí, rechazarlo',
  'web.admin.exchange.decideLater': 'No, decidir más tarde',
  'web.admin.exchange.denyExplain': 'No se cambia nada y el cliente recibe tu motivo por correo.',
  'web.admin.exchange.denied': 'Cambio del pedido {number} rechazado. El cliente recibió tu motivo por correo.',
  'web.admin.exchange.cancelLabel': 'Cancelar el cambio del pedido {number}',
  'web.admin.exchange.cancel': 'Cancelar cambio',
  'web.admin.exchange.cancelQuestion': '¿Seguro que quieres cancelar este cambio? No se puede deshacer.',
  'web.admin.exchange.cancelConfirm': 'Sí, cancelarlo',
  'web.admin.exchange.keep': 'No, mantenerlo',
  'web.admin.exchange.cancelExplain': 'Los artículos reservados vuelven al stock y la diferencia ya no se debe.',
  'web.admin.exchange.cancelled': 'Cambio del pedido {number} cancelado; sus artículos reservados vuelven a estar en stock.',
  'web.admin.exchange.paymentLabel': 'Registrar el pago del cambio del pedido {number}',
  'web.admin.exchange.reference': 'Referencia del pago',
  'web.admin.exchange.referenceHint': 'No hay ninguna página de pago abierta: registra el pago cuando lo recibas',
  'web.admin.exchange.referenceMissing': 'indica cómo se pagó (referencia del recibo o de la transferencia)',
  'web.admin.exchange.recordPayment': 'Registrar pago',
  'web.admin.exchange.paymentRecorded': 'Pago registrado para el cambio del pedido {number}; ahora espera a que se devuelvan los artículos.',
};
