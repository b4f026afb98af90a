// Français (vouvoiement). Ids and arguments as in en.ts. A no-break space
// precedes « : », « ; » and « ? » and lines the guillemets, as French typography wants.
import type { DocumentId, EmailId, WordId } from './en.ts';
import type { Catalogue } from './types.ts';

export const frWords: Catalogue<WordId> = {
  'status.order':
    '{status, select, pending {en attente} confirmed {confirmée} picked_up {préparée} shipped {expédiée} out_for_delivery {en cours de livraison} delivered {livrée} delivery_failed {non livrée} cancelled {annulée} other {{status}}}',
  'status.return':
    '{status, select, new {reçu} picked_up {collecté} pending_verification {en cours de vérification} approved {accepté} partially_approved {partiellement accepté} denied {refusé} refunded {remboursé} cancelled {retiré} other {{status}}}',
  'status.cancellation': '{status, select, requested {demandée} approved {acceptée} rejected {refusée} refunded {remboursée} other {{status}}}',
  'status.payment': '{status, select, unpaid {Non payée} paid {Payée} partially_refunded {Partiellement remboursée} refunded {Remboursée} other {{status}}}',
  'status.transaction': '{status, select, pending {en cours} success {effectué} failure {échoué} other {{status}}}',
  'method.payment': '{method, select, card {Carte} cod {Paiement à la livraison} bank_transfer {Virement bancaire} voucher {Bon d’achat} other {{method}}}',
  'method.refund':
    '{method, select, card {Carte} bank_transfer {Virement bancaire} voucher {Bon d’achat} store_credit {Avoir} exchange {Échange} cash {Espèces} other {{method}}}',
  'method.refundHow':
    '{method, select, card {sur votre carte} bank_transfer {par virement bancaire} voucher {sous forme de bon d’achat} store_credit {sous forme d’avoir} exchange {sous forme d’échange} cash {en espèces} other {par {method}}}',
  'item.line': '{title} × {quantity}',
  'item.lineWithVariant': '{title} ({variant}) × {quantity}',
  'item.untitled': 'Article',
  'item.verdict': '{line} : {good} sur {quantity} {good, plural, one {accepté} other {acceptés}}',
};

export const frEmails: Catalogue<EmailId> = {
  'email.hello': 'Bonjour {name},',
  'email.helloNoName': 'Bonjour,',
  'email.footer': 'Ce message a été envoyé automatiquement.',
  'email.forYourRecords': 'Pour information.',
  'email.label.order': 'Commande',
  'email.label.return': 'Retour',
  'email.label.status': 'Statut',
  'email.label.refund': 'Remboursement',
  'email.label.refundTotal': 'Total remboursé',
  'email.label.amount': 'Montant',
  'email.label.payment': 'Paiement',
  'email.label.transaction': 'Transaction',
  'email.label.voucherCode': 'Code du bon d’achat',
  'email.label.customer': 'Client',
  'email.label.items': 'Articles',
  'email.label.refunded': 'Remboursé',
  'email.label.reason': 'Motif',
  'email.label.rejectionReason': 'Motif du refus',
  'email.label.note': 'Note',
  'email.label.message': 'Message',
  'email.label.comment': 'Commentaire',
  'email.label.customerComment': 'Commentaire du client',
  'email.label.refundMethod': 'Mode de remboursement',
  'email.label.orderStatus': 'Statut de la commande',
  'email.label.cancellation': 'Annulation',
  'email.label.requestedBy': 'Demandée par',
  'email.link.order': 'Voir votre commande',
  'email.link.track': 'Suivre votre commande',
  'email.link.return': 'Voir votre retour',
  'email.link.admin': 'Ouvrir dans le back-office',

  'email.orderStatus.subject':
    '{status, select, confirmed {Votre commande {number} est confirmée} picked_up {Votre commande {number} est prête} shipped {Votre commande {number} est en route} out_for_delivery {Votre commande {number} est en cours de livraison} delivered {Votre commande {number} a été livrée} delivery_failed {Nous n’avons pas pu livrer votre commande {number}} other {Votre commande {number} : {statusName}}}',
  'email.orderStatus.heading': 'Votre commande {number} : {statusName}',
  'email.orderStatus.body':
    '{status, select, confirmed {Nous avons confirmé votre commande et nous la préparons.} picked_up {Votre commande a été préparée et emballée.} shipped {Votre commande est en route.} out_for_delivery {Votre commande sera livrée aujourd’hui.} delivered {Votre commande a été livrée. Nous espérons qu’elle vous plaira.} delivery_failed {Nous n’avons pas pu livrer votre commande. Nous allons réessayer ou vous contacter.} other {Votre commande est désormais « {statusName} ».}}',

  'email.cancellation.subject':
    '{status, select, requested {Nous avons reçu votre demande d’annulation pour la commande {number}} approved {La commande {number} a été annulée} rejected {Votre demande d’annulation pour la commande {number} a été refusée} other {La commande {number} a été annulée et remboursée}}',
  'email.cancellation.heading':
    '{status, select, requested {Demande d’annulation reçue} rejected {Demande d’annulation refusée} other {La commande {number} a été annulée}}',
  'email.cancellation.requested':
    'Nous avons bien reçu votre demande d’annulation de la commande {number}. Nous allons l’examiner et revenir vers vous rapidement.',
  'email.cancellation.cancelled': 'Votre commande {number} a été annulée.',
  'email.cancellation.refundComing': 'Vous allez recevoir un remboursement de {amount}. Nous vous écrirons de nouveau dès qu’il sera en route.',
  'email.cancellation.refundIssued':
    '{voucher, select, yes {Votre remboursement de {amount} a été émis sous forme de bon d’achat.} other {Votre remboursement de {amount} a été effectué.}}',
  'email.cancellation.rejected': 'Nous sommes désolés : nous n’avons pas pu annuler la commande {number}. Elle sera traitée comme prévu.',
  'email.cancellation.orderState': '{cancelled, select, yes {annulée} other {inchangée}}',
  'email.cancellation.by': '{role, select, admin {la boutique} other {le client}}',
  'email.cancellationAdmin.subject': '[Annulation] {heading}',
  'email.cancellationAdmin.heading':
    '{status, select, requested {Annulation demandée pour la commande {number}} approved {Commande {number} annulée} rejected {Annulation de la commande {number} refusée} other {Annulation de la commande {number} remboursée}}',
  'email.cancellationAdmin.decide': 'Une commande payée attend votre décision : acceptez ou refusez l’annulation.',

  'email.return.subject':
    '{status, select, new {Nous avons reçu votre demande de retour pour la commande {number}} other {Votre retour pour la commande {number} : {statusName}}}',
  'email.return.heading': '{status, select, new {Nous avons reçu votre demande de retour} other {Votre retour est maintenant {statusName}}}',
  'email.return.body':
    '{status, select, new {Nous avons bien reçu votre demande de retour et nous allons l’examiner rapidement.} picked_up {Votre colis retour a été collecté. Nous vérifierons les articles dès leur arrivée.} pending_verification {Votre retour est arrivé et nous vérifions les articles.} approved {Bonne nouvelle : votre retour a été accepté.} partially_approved {Votre retour a été accepté en partie ; la liste ci-dessous indique ce que nous avons accepté.} denied {Nous sommes désolés : votre demande de retour a été refusée.} refunded {Votre retour est terminé.} other {Votre demande de retour a été retirée. Elle ne donnera lieu à aucune autre action.}}',
  'email.return.refundPlanned': 'Nous vous rembourserons {amount} {how}.',
  'email.return.refundIssued': 'Nous vous avons remboursé {amount} {how}.',
  'email.returnAdmin.subject': '[Retour] Retour pour la commande {number} : {statusName}',
  'email.returnAdmin.heading': 'Retour pour la commande {number} : {statusName}',
  'email.returnAdmin.withdrawn': 'Le client a retiré cette demande de retour.',
  'email.returnCreated.subject': '[Retour] Nouvelle demande de retour pour la commande {number}',
  'email.returnCreated.heading': 'Nouvelle demande de retour pour la commande {number}',
  'email.returnCreated.body': 'Un client souhaite retourner des articles. Examinez la demande et planifiez la collecte ou la vérification.',

  'email.refund.subject': 'Remboursement de {amount} pour la commande {number}',
  'email.refund.heading': 'Votre remboursement de {amount}',
  'email.refund.body': 'Nous avons effectué un remboursement de {amount} pour votre commande {number}.',
  'email.refund.cardDelay': 'Les remboursements par carte apparaissent généralement sur votre relevé sous 5 à 10 jours ouvrés.',
  'email.refund.payment': '{amount} {how} : {state}',
  'email.refund.shipping': 'Livraison : {amount}',
  'email.refundSent.subject': 'Votre remboursement de {amount} pour la commande {number} est en route',
  'email.refundSent.heading': 'Votre remboursement est en route',
  'email.refundSent.body': 'Nous vous avons remboursé {amount} {how} pour votre commande {number}.',
  'email.refundSent.cardDelay': 'Selon votre banque, il peut falloir quelques jours ouvrés avant qu’il apparaisse sur votre relevé.',
  'email.refundFailed.subject': 'Nous n’avons pas pu effectuer votre remboursement pour la commande {number}',
  'email.refundFailed.heading': 'Un problème est survenu avec votre remboursement',
  'email.refundFailed.body':
    'Nous n’avons pas pu effectuer le remboursement de {amount} {how}. Cette somme vous reste due : nous allons la renvoyer et vous écrirons dès qu’elle sera en route.',
  'email.refundFailedAdmin.subject': '[Remboursement] Échec du remboursement de {amount} pour la commande {number}',
  'email.refundFailedAdmin.heading': 'Échec du remboursement de {amount} pour la commande {number}',
  'email.refundFailedAdmin.body': 'Le remboursement {how} n’a pas pu aboutir. La somme reste due : ouvrez le remboursement et lancez une nouvelle tentative.',

  'email.note.subject': 'Un message concernant votre commande {number}',
  'email.note.body': 'Nous avons ajouté une note à votre commande :',
  'email.comment.subject': 'Nouveau message concernant votre retour pour la commande {number}',
  'email.comment.heading': 'Nouveau message concernant votre retour',
  'email.comment.body': 'Nous vous avons écrit au sujet de votre retour pour la commande {number} :',
  'email.commentAdmin.subject': '[Retour] Commentaire du client sur le retour de la commande {number}',
  'email.commentAdmin.heading': 'Commentaire du client sur le retour {returnId}',
  'email.commentAdmin.body': '{customer} a commenté son retour pour la commande {number}.',
  // Avoir.
  'email.credit.subject': 'Un avoir de {amount} a été ajouté à votre compte',
  'email.credit.heading': 'Vous avez un nouvel avoir',
  'email.credit.body':
    '{origin, select, refund {Votre remboursement de {amount} a été crédité sur votre avoir.} gift_card {Votre carte cadeau d’une valeur de {amount} a été créditée sur votre avoir.} other {Nous avons crédité {amount} sur votre avoir.}}',
  'email.credit.bonus': 'Pour vous remercier d’avoir choisi l’avoir, nous avons ajouté un bonus de {bonus}, soit {total} au total.',
  'email.credit.spend': 'Il sera déduit automatiquement lors du paiement de votre prochaine commande chez {shop}.',
  'email.credit.expires': 'Votre avoir est utilisable jusqu’au {date}.',
  'email.creditReminder.subject': 'Votre avoir de {amount} expire le {date}',
  'email.creditReminder.heading': 'Votre avoir expire bientôt',
  'email.creditReminder.body':
    'Le {date}, {amount} de votre avoir arriveront à expiration. Utilisez-les pour une commande chez {shop} d’ici là : passé cette date, ils ne pourront plus être dépensés.',
  'email.label.credited': 'Crédité',
  'email.label.bonus': 'Bonus',
  'email.label.validUntil': 'Valable jusqu’au',
  'email.label.creditBalance': 'Solde de votre avoir',
  'email.credit.noExpiry': 'Sans date d’expiration',
  'email.link.shop': 'Aller à la boutique',
};

export const frDocuments: Catalogue<DocumentId> = {
  'doc.title': '{kind, select, invoice {Facture} other {Reçu}}',
  'doc.number': '{kind, select, invoice {N° de facture} other {N° de reçu}}',
  'doc.orderNumber': 'N° de commande',
  'doc.orderDate': 'Date de commande',
  'doc.invoiceDate': 'Date de facture',
  'doc.delivered': 'Livrée le',
  'doc.issued': 'Émis le',
  'doc.currency': 'Devise',
  'doc.billTo': 'Adresse de facturation',
  'doc.shipTo': 'Adresse de livraison',
  'doc.phone': 'Tél. {phone}',
  'doc.items': 'Articles',
  'doc.col.item': 'Article',
  'doc.col.quantity': 'Qté',
  'doc.col.unitPrice': 'Prix unitaire',
  'doc.col.discount': 'Remise',
  'doc.col.tax': 'TVA',
  'doc.col.total': 'Total',
  'doc.sku': 'Réf. {sku}',
  'doc.subtotal': 'Sous-total',
  'doc.discounts': 'Remises',
  'doc.shipping': 'Livraison ({method})',
  'doc.tax': 'TVA',
  'doc.total': 'Total',
  'doc.paid': '{kind, select, invoice {Payé} other {Montant payé}}',
  'doc.refunded': 'Remboursé',
  'doc.netPaid': 'Net payé',
  'doc.amountDue': 'Montant dû',
  'doc.payment': 'Paiement',
  'doc.paymentMethod': 'Moyen de paiement',
  'doc.paymentStatus': 'État du paiement',
  'doc.orderStatus': 'État de la commande',
  'doc.refunds': 'Remboursements effectués',
  'doc.col.refund': 'Remboursement',
  'doc.col.date': 'Date',
  'doc.col.method': 'Mode',
  'doc.col.status': 'État',
  'doc.col.amount': 'Montant',
  'doc.refundState': '{state, select, completed {Effectué} pending {En cours} failed {Échoué} other {Enregistré}}',
  'doc.footer':
    '{kind, select, invoice {{shop} – facture de la commande {number}. Montants en {currency}.} other {{shop} – merci pour votre paiement. Montants en {currency}.}}',
  'doc.page': 'Page {page} sur {pages}',
};
