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

  // An exchange's decisions (web/admin/exchanges/decide.tsx).
  'web.admin.exchange.actions': 'Actions',
  'web.admin.exchange.nothingToDecide': 'Rien à décider ici : l’échange suit son retour.',
  'web.admin.exchange.approve': 'Approuver l’échange',
  'web.admin.exchange.approveLabel': 'Approuver l’échange de la commande {number}',
  'web.admin.exchange.approved':
    '{next, select, awaiting_payment {Échange de la commande {number} approuvé : les nouveaux articles sont réservés et le client a été invité à payer la différence.} other {Échange de la commande {number} approuvé : les nouveaux articles sont réservés ; il attend maintenant le renvoi des articles.}}',
  'web.admin.exchange.shortStock': 'Stock insuffisant pour approuver : {skus}. Réapprovisionnez ou refusez l’échange.',
  'web.admin.exchange.denyLabel': 'Refuser l’échange de la commande {number}',
  'web.admin.exchange.reason': 'Motif du refus',
  'web.admin.exchange.reasonHint': 'Affiché au client ; nécessaire seulement pour refuser',
  'web.admin.exchange.reasonMissing': 'dites au client pourquoi',
  'web.admin.exchange.deny': 'Refuser l’échange',
  'web.admin.exchange.denyQuestion': 'Voulez-vous vraiment refuser cet échange ? C’est irréversible.',
  'web.admin.exchange.denyConfirm': 'Oui, le refuser',
  'web.admin.exchange.decideLater': 'Non, décider plus tard',
  'web.admin.exchange.denyExplain': 'Rien n’est échangé et le client reçoit votre motif par e-mail.',
  'web.admin.exchange.denied': 'Échange de la commande {number} refusé. Le client a reçu votre motif par e-mail.',
  'web.admin.exchange.cancelLabel': 'Annuler l’échange de la commande {number}',
  'web.admin.exchange.cancel': 'Annuler l’échange',
  'web.admin.exchange.cancelQuestion': 'Voulez-vous vraiment annuler cet échange ? C’est irréversible.',
  'web.admin.exchange.cancelConfirm': 'Oui, l’annuler',
  'web.admin.exchange.keep': 'Non, le garder',
  'web.admin.exchange.cancelExplain': 'Les articles réservés retournent en stock et la différence n’est plus due.',
  'web.admin.exchange.cancelled': 'Échange de la commande {number} annulé ; ses articles réservés sont de retour en stock.',
  'web.admin.exchange.paymentLabel': 'Enregistrer le paiement de l’échange de la commande {number}',
  'web.admin.exchange.reference': 'Référence du paiement',
  'web.admin.exchange.referenceHint': 'Aucune page de paiement n’est ouverte : enregistrez le paiement une fois reçu',
  'web.admin.exchange.referenceMissing': 'indiquez comment il a été payé (référence de reçu ou de virement)',
  'web.admin.exchange.recordPayment': 'Enregistrer le paiement',
  'web.admin.exchange.paymentRecorded': 'Paiement enregistré pour l’échange de la commande {number} ; il attend maintenant le renvoi des articles.',
};
