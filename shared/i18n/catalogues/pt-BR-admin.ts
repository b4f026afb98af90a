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

  // An exchange's decisions (web/admin/exchanges/decide.tsx).
  'web.admin.exchange.actions': 'Ações',
  'web.admin.exchange.nothingToDecide': 'Nada a decidir aqui: a troca segue a sua devolução.',
  'web.admin.exchange.approve': 'Aprovar troca',
  'web.admin.exchange.approveLabel': 'Aprovar a troca do pedido {number}',
  'web.admin.exchange.approved':
    '{next, select, awaiting_payment {Troca do pedido {number} aprovada: os novos itens estão reservados e o cliente foi solicitado a pagar a diferença.} other {Troca do pedido {number} aprovada: os novos itens estão reservados; agora aguarda o envio dos itens de volta.}}',
  'web.admin.exchange.shortStock': 'Estoque insuficiente para aprovar: {skus}. Reponha o estoque ou recuse a troca.',
  'web.admin.exchange.denyLabel': 'Recusar a troca do pedido {number}',
  'web.admin.exchange.reason': 'Motivo da recusa',
  'web.admin.exchange.reasonHint': 'Mostrado ao cliente; necessário só para recusar',
  'web.admin.exchange.reasonMissing': 'diga ao cliente o porquê',
  'web.admin.exchange.deny': 'Recusar troca',
  'web.admin.exchange.denyQuestion': 'Tem certeza de que quer recusar esta troca? Não é possível desfazer.',
  'web.admin.exchange.denyConfirm': 'Sim, recusar',
  'web.admin.exchange.decideLater': 'Não, decidir depois',
  'web.admin.exchange.denyExplain': 'Nada é trocado e o cliente recebe o seu motivo por e-mail.',
  'web.admin.exchange.denied': 'Troca do pedido {number} recusada. O cliente recebeu o seu motivo por e-mail.',
  'web.admin.exchange.cancelLabel': 'Cancelar a troca do pedido {number}',
  'web.admin.exchange.cancel': 'Cancelar troca',
  'web.admin.exchange.cancelQuestion': 'Tem certeza de que quer cancelar esta troca? Não é possível desfazer.',
  'web.admin.exchange.cancelConfirm': 'Sim, cancelar',
  'web.admin.exchange.keep': 'Não, manter',
  'web.admin.exchange.cancelExplain': 'Os itens reservados voltam ao estoque e a diferença deixa de ser devida.',
  'web.admin.exchange.cancelled': 'Troca do pedido {number} cancelada; os itens reservados voltaram ao estoque.',
  'web.admin.exchange.paymentLabel': 'Registrar o pagamento da troca do pedido {number}',
  'web.admin.exchange.reference': 'Referência do pagamento',
  'web.admin.exchange.referenceHint': 'Não há página de pagamento aberta: registre o pagamento quando recebido',
  'web.admin.exchange.referenceMissing': 'diga como foi pago (referência do recibo ou da transferência)',
  'web.admin.exchange.recordPayment': 'Registrar pagamento',
  'web.admin.exchange.paymentRecorded': 'Pagamento registrado para a troca do pedido {number}; agora aguarda o envio dos itens de volta.',
};
