// Deutsch (Sie-Form). Ids and arguments as in en.ts.
import type { DocumentId, EmailId, WordId } from './en.ts';
import type { Catalogue } from './types.ts';

export const deWords: Catalogue<WordId> = {
  'status.order':
    '{status, select, pending {offen} confirmed {bestätigt} picked_up {verpackt} shipped {versandt} out_for_delivery {in Zustellung} delivered {zugestellt} delivery_failed {nicht zugestellt} cancelled {storniert} other {{status}}}',
  'status.return':
    '{status, select, new {eingegangen} picked_up {abgeholt} pending_verification {in Prüfung} approved {angenommen} partially_approved {teilweise angenommen} denied {abgelehnt} refunded {erstattet} cancelled {zurückgezogen} other {{status}}}',
  'status.cancellation': '{status, select, requested {beantragt} approved {genehmigt} rejected {abgelehnt} refunded {erstattet} other {{status}}}',
  'status.payment': '{status, select, unpaid {Offen} paid {Bezahlt} partially_refunded {Teilweise erstattet} refunded {Erstattet} other {{status}}}',
  'status.transaction': '{status, select, pending {unterwegs} success {abgeschlossen} failure {fehlgeschlagen} other {{status}}}',
  'method.payment': '{method, select, card {Karte} cod {Nachnahme} bank_transfer {Banküberweisung} voucher {Gutschein} other {{method}}}',
  'method.refund':
    '{method, select, card {Karte} bank_transfer {Banküberweisung} voucher {Gutschein} store_credit {Guthaben} exchange {Umtausch} cash {Bar} other {{method}}}',
  'method.refundHow':
    '{method, select, card {auf Ihre Karte} bank_transfer {per Banküberweisung} voucher {als Gutschein} store_credit {als Guthaben im Shop} exchange {per Umtausch} cash {in bar} other {per {method}}}',
  'item.line': '{title} × {quantity}',
  'item.lineWithVariant': '{title} ({variant}) × {quantity}',
  'item.untitled': 'Artikel',
  'item.verdict': '{line}: {good} von {quantity} angenommen',
};

export const deEmails: Catalogue<EmailId> = {
  'email.hello': 'Guten Tag {name},',
  'email.helloNoName': 'Guten Tag,',
  'email.footer': 'Diese Nachricht wurde automatisch versandt.',
  'email.forYourRecords': 'Zu Ihrer Information.',
  'email.label.order': 'Bestellung',
  'email.label.return': 'Rücksendung',
  'email.label.status': 'Status',
  'email.label.refund': 'Erstattung',
  'email.label.refundTotal': 'Erstattung gesamt',
  'email.label.amount': 'Betrag',
  'email.label.payment': 'Zahlung',
  'email.label.transaction': 'Transaktion',
  'email.label.voucherCode': 'Gutscheincode',
  'email.label.customer': 'Kunde',
  'email.label.items': 'Artikel',
  'email.label.refunded': 'Erstattet',
  'email.label.reason': 'Grund',
  'email.label.rejectionReason': 'Ablehnungsgrund',
  'email.label.note': 'Notiz',
  'email.label.message': 'Nachricht',
  'email.label.comment': 'Kommentar',
  'email.label.customerComment': 'Kommentar des Kunden',
  'email.label.refundMethod': 'Erstattungsart',
  'email.label.orderStatus': 'Bestellstatus',
  'email.label.cancellation': 'Stornierung',
  'email.label.requestedBy': 'Beantragt von',
  'email.link.order': 'Bestellung ansehen',
  'email.link.track': 'Sendung verfolgen',
  'email.link.return': 'Rücksendung ansehen',
  'email.link.admin': 'Im Backoffice öffnen',

  'email.orderStatus.subject':
    '{status, select, confirmed {Ihre Bestellung {number} ist bestätigt} picked_up {Ihre Bestellung {number} ist verpackt} shipped {Ihre Bestellung {number} ist unterwegs} out_for_delivery {Ihre Bestellung {number} wird heute zugestellt} delivered {Ihre Bestellung {number} wurde zugestellt} delivery_failed {Wir konnten Ihre Bestellung {number} nicht zustellen} other {Ihre Bestellung {number}: {statusName}}}',
  'email.orderStatus.heading': 'Ihre Bestellung {number}: {statusName}',
  'email.orderStatus.body':
    '{status, select, confirmed {Wir haben Ihre Bestellung bestätigt und bereiten sie vor.} picked_up {Ihre Bestellung ist zusammengestellt und verpackt.} shipped {Ihre Bestellung ist auf dem Weg zu Ihnen.} out_for_delivery {Ihre Bestellung wird heute zugestellt.} delivered {Ihre Bestellung wurde zugestellt. Wir wünschen Ihnen viel Freude damit.} delivery_failed {Wir konnten Ihre Bestellung nicht zustellen. Wir versuchen es erneut oder melden uns bei Ihnen.} other {Der Status Ihrer Bestellung lautet jetzt „{statusName}“.}}',

  'email.cancellation.subject':
    '{status, select, requested {Ihre Stornierungsanfrage für Bestellung {number} ist eingegangen} approved {Bestellung {number} wurde storniert} rejected {Ihre Stornierungsanfrage für Bestellung {number} wurde abgelehnt} other {Bestellung {number} wurde storniert und erstattet}}',
  'email.cancellation.heading':
    '{status, select, requested {Stornierung beantragt} rejected {Stornierungsanfrage abgelehnt} other {Bestellung {number} wurde storniert}}',
  'email.cancellation.requested':
    'Ihre Anfrage, die Bestellung {number} zu stornieren, ist bei uns eingegangen. Wir prüfen sie und melden uns in Kürze bei Ihnen.',
  'email.cancellation.cancelled': 'Ihre Bestellung {number} wurde storniert.',
  'email.cancellation.refundComing': 'Sie erhalten eine Erstattung über {amount}. Sobald sie unterwegs ist, schreiben wir Ihnen erneut.',
  'email.cancellation.refundIssued':
    '{voucher, select, yes {Ihre Erstattung über {amount} wurde als Gutschein ausgestellt.} other {Ihre Erstattung über {amount} wurde veranlasst.}}',
  'email.cancellation.rejected': 'Es tut uns leid: Wir konnten die Bestellung {number} nicht stornieren. Sie wird wie geplant ausgeführt.',
  'email.cancellation.orderState': '{cancelled, select, yes {storniert} other {unverändert}}',
  'email.cancellation.by': '{role, select, admin {der Shop} other {der Kunde}}',
  'email.cancellationAdmin.subject': '[Stornierung] {heading}',
  'email.cancellationAdmin.heading':
    '{status, select, requested {Stornierung für Bestellung {number} beantragt} approved {Bestellung {number} storniert} rejected {Stornierung von Bestellung {number} abgelehnt} other {Stornierung von Bestellung {number} erstattet}}',
  'email.cancellationAdmin.decide': 'Eine bezahlte Bestellung wartet auf Ihre Entscheidung: Genehmigen oder lehnen Sie die Stornierung ab.',

  'email.return.subject':
    '{status, select, new {Ihre Rücksendung zu Bestellung {number} ist eingegangen} other {Ihre Rücksendung zu Bestellung {number}: {statusName}}}',
  'email.return.heading': '{status, select, new {Ihre Rücksendeanfrage ist eingegangen} other {Ihre Rücksendung ist jetzt {statusName}}}',
  'email.return.body':
    '{status, select, new {Ihre Rücksendeanfrage ist bei uns eingegangen. Wir prüfen sie in Kürze.} picked_up {Ihre Rücksendung wurde abgeholt. Wir prüfen die Artikel, sobald sie bei uns ankommen.} pending_verification {Ihre Rücksendung ist bei uns eingetroffen und wir prüfen die Artikel.} approved {Gute Nachrichten: Ihre Rücksendung wurde angenommen.} partially_approved {Ihre Rücksendung wurde teilweise angenommen; die Liste unten zeigt, was wir akzeptiert haben.} denied {Es tut uns leid: Ihre Rücksendeanfrage wurde abgelehnt.} refunded {Ihre Rücksendung ist abgeschlossen.} other {Ihre Rücksendeanfrage wurde zurückgezogen. Es passiert nichts weiter damit.}}',
  'email.return.refundPlanned': 'Wir erstatten Ihnen {amount} {how}.',
  'email.return.refundIssued': 'Wir haben Ihnen {amount} {how} erstattet.',
  'email.returnAdmin.subject': '[Rücksendung] Rücksendung zu Bestellung {number}: {statusName}',
  'email.returnAdmin.heading': 'Rücksendung zu Bestellung {number}: {statusName}',
  'email.returnAdmin.withdrawn': 'Der Kunde hat diese Rücksendeanfrage zurückgezogen.',
  'email.returnCreated.subject': '[Rücksendung] Neue Rücksendeanfrage zu Bestellung {number}',
  'email.returnCreated.heading': 'Neue Rücksendeanfrage zu Bestellung {number}',
  'email.returnCreated.body': 'Ein Kunde möchte Artikel zurücksenden. Prüfen Sie die Anfrage und planen Sie die Abholung oder die Prüfung.',

  'email.refund.subject': 'Erstattung über {amount} für Bestellung {number}',
  'email.refund.heading': 'Ihre Erstattung über {amount}',
  'email.refund.body': 'Wir haben Ihnen {amount} für Ihre Bestellung {number} erstattet.',
  'email.refund.cardDelay': 'Erstattungen auf Karte erscheinen in der Regel innerhalb von 5–10 Werktagen auf Ihrer Abrechnung.',
  'email.refund.payment': '{amount} {how}: {state}',
  'email.refund.shipping': 'Versand: {amount}',
  'email.refundSent.subject': 'Ihre Erstattung über {amount} für Bestellung {number} ist unterwegs',
  'email.refundSent.heading': 'Ihre Erstattung ist unterwegs',
  'email.refundSent.body': 'Wir haben Ihnen {amount} für Ihre Bestellung {number} {how} erstattet.',
  'email.refundSent.cardDelay': 'Je nach Bank kann es einige Werktage dauern, bis der Betrag auf Ihrer Abrechnung erscheint.',
  'email.refundFailed.subject': 'Ihre Erstattung für Bestellung {number} konnte nicht abgeschlossen werden',
  'email.refundFailed.heading': 'Bei Ihrer Erstattung ist ein Problem aufgetreten',
  'email.refundFailed.body':
    'Die Erstattung von {amount} {how} konnte nicht abgeschlossen werden. Der Betrag steht Ihnen weiterhin zu: Wir senden ihn erneut und schreiben Ihnen, sobald er unterwegs ist.',
  'email.refundFailedAdmin.subject': '[Erstattung] Erstattung über {amount} für Bestellung {number} fehlgeschlagen',
  'email.refundFailedAdmin.heading': 'Erstattung über {amount} für Bestellung {number} fehlgeschlagen',
  'email.refundFailedAdmin.body':
    'Die Erstattung {how} konnte nicht abgeschlossen werden. Der Betrag ist weiterhin offen: Öffnen Sie die Erstattung und starten Sie einen neuen Versuch.',

  'email.note.subject': 'Eine Nachricht zu Ihrer Bestellung {number}',
  'email.note.body': 'Wir haben Ihrer Bestellung eine Notiz hinzugefügt:',
  'email.comment.subject': 'Neue Nachricht zu Ihrer Rücksendung für Bestellung {number}',
  'email.comment.heading': 'Neue Nachricht zu Ihrer Rücksendung',
  'email.comment.body': 'Wir haben Ihnen zu Ihrer Rücksendung für Bestellung {number} geschrieben:',
  'email.commentAdmin.subject': '[Rücksendung] Kundenkommentar zur Rücksendung für Bestellung {number}',
  'email.commentAdmin.heading': 'Kundenkommentar zu Rücksendung {returnId}',
  'email.commentAdmin.body': '{customer} hat die Rücksendung zu Bestellung {number} kommentiert.',
  // Guthaben.
  'email.credit.subject': '{amount} Guthaben wurde Ihrem Kundenkonto gutgeschrieben',
  'email.credit.heading': 'Sie haben neues Guthaben',
  'email.credit.body':
    '{origin, select, refund {Ihre Erstattung über {amount} wurde Ihrem Guthaben gutgeschrieben.} gift_card {Ihr Geschenkgutschein über {amount} wurde Ihrem Guthaben gutgeschrieben.} other {Wir haben Ihrem Guthaben {amount} gutgeschrieben.}}',
  'email.credit.bonus': 'Als Dankeschön, dass Sie sich für Guthaben entschieden haben, haben wir {bonus} Bonus hinzugefügt – insgesamt {total}.',
  'email.credit.spend': 'Bei Ihrer nächsten Bestellung bei {shop} wird es an der Kasse automatisch berücksichtigt.',
  'email.credit.expires': 'Ihr Guthaben ist bis zum {date} einlösbar.',
  'email.creditReminder.subject': 'Ihr Guthaben von {amount} verfällt am {date}',
  'email.creditReminder.heading': 'Ihr Guthaben verfällt bald',
  'email.creditReminder.body':
    'Am {date} verfallen {amount} Ihres Guthabens. Lösen Sie sie bis dahin bei einer Bestellung bei {shop} ein – danach können sie nicht mehr verwendet werden.',
  'email.label.credited': 'Gutgeschrieben',
  'email.label.bonus': 'Bonus',
  'email.label.validUntil': 'Gültig bis',
  'email.label.creditBalance': 'Ihr Guthaben',
  'email.credit.noExpiry': 'Unbefristet',
  'email.link.shop': 'Zum Shop',
};

export const deDocuments: Catalogue<DocumentId> = {
  'doc.title': '{kind, select, invoice {Rechnung} other {Quittung}}',
  'doc.number': '{kind, select, invoice {Rechnungsnr.} other {Quittungsnr.}}',
  'doc.orderNumber': 'Bestellnr.',
  'doc.orderDate': 'Bestelldatum',
  'doc.invoiceDate': 'Rechnungsdatum',
  'doc.delivered': 'Zugestellt',
  'doc.issued': 'Ausgestellt',
  'doc.currency': 'Währung',
  'doc.billTo': 'Rechnungsadresse',
  'doc.shipTo': 'Lieferadresse',
  'doc.phone': 'Tel. {phone}',
  'doc.items': 'Artikel',
  'doc.col.item': 'Artikel',
  'doc.col.quantity': 'Menge',
  'doc.col.unitPrice': 'Einzelpreis',
  'doc.col.discount': 'Rabatt',
  'doc.col.tax': 'Steuer',
  'doc.col.total': 'Gesamt',
  'doc.sku': 'Art.-Nr. {sku}',
  'doc.subtotal': 'Zwischensumme',
  'doc.discounts': 'Rabatte',
  'doc.shipping': 'Versand ({method})',
  'doc.tax': 'Steuer',
  'doc.total': 'Gesamtbetrag',
  'doc.paid': '{kind, select, invoice {Bezahlt} other {Gezahlter Betrag}}',
  'doc.refunded': 'Erstattet',
  'doc.netPaid': 'Netto bezahlt',
  'doc.amountDue': 'Offener Betrag',
  'doc.payment': 'Zahlung',
  'doc.paymentMethod': 'Zahlungsart',
  'doc.paymentStatus': 'Zahlungsstatus',
  'doc.orderStatus': 'Bestellstatus',
  'doc.refunds': 'Bisherige Erstattungen',
  'doc.col.refund': 'Erstattung',
  'doc.col.date': 'Datum',
  'doc.col.method': 'Art',
  'doc.col.status': 'Status',
  'doc.col.amount': 'Betrag',
  'doc.refundState': '{state, select, completed {Abgeschlossen} pending {In Bearbeitung} failed {Fehlgeschlagen} other {Erfasst}}',
  'doc.footer':
    '{kind, select, invoice {{shop} – Rechnung zur Bestellung {number}. Beträge in {currency}.} other {{shop} – vielen Dank für Ihre Zahlung. Beträge in {currency}.}}',
  'doc.page': 'Seite {page} von {pages}',
};
