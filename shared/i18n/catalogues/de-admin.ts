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

  // An exchange's decisions (web/admin/exchanges/decide.tsx).
  'web.admin.exchange.actions': 'Aktionen',
  'web.admin.exchange.nothingToDecide': 'Hier ist nichts zu entscheiden: Der Umtausch folgt seiner Rücksendung.',
  'web.admin.exchange.approve': 'Umtausch genehmigen',
  'web.admin.exchange.approveLabel': 'Den Umtausch zu Bestellung {number} genehmigen',
  'web.admin.exchange.approved':
    '{next, select, awaiting_payment {Umtausch zu Bestellung {number} genehmigt: Die neuen Artikel sind reserviert und die Kundin oder der Kunde wurde gebeten, die Differenz zu zahlen.} other {Umtausch zu Bestellung {number} genehmigt: Die neuen Artikel sind reserviert; jetzt wird auf die Rücksendung der Artikel gewartet.}}',
  'web.admin.exchange.shortStock': 'Nicht genug Bestand zum Genehmigen: {skus}. Bestand auffüllen oder den Umtausch ablehnen.',
  'web.admin.exchange.denyLabel': 'Den Umtausch zu Bestellung {number} ablehnen',
  'web.admin.exchange.reason': 'Grund der Ablehnung',
  'web.admin.exchange.reasonHint': 'Wird der Kundin oder dem Kunden angezeigt; nur zum Ablehnen nötig',
  'web.admin.exchange.reasonMissing': 'sagen Sie der Kundin oder dem Kunden, warum',
  'web.admin.exchange.deny': 'Umtausch ablehnen',
  'web.admin.exchange.denyQuestion': 'Möchten Sie diesen Umtausch wirklich ablehnen? Das kann nicht rückgängig gemacht werden.',
  'web.admin.exchange.denyConfirm': 'Ja, ablehnen',
  'web.admin.exchange.decideLater': 'Nein, später entscheiden',
  'web.admin.exchange.denyExplain': 'Nichts wird umgetauscht und Ihr Grund wird per E-Mail mitgeteilt.',
  'web.admin.exchange.denied': 'Umtausch zu Bestellung {number} abgelehnt. Ihr Grund wurde per E-Mail mitgeteilt.',
  'web.admin.exchange.cancelLabel': 'Den Umtausch zu Bestellung {number} stornieren',
  'web.admin.exchange.cancel': 'Umtausch stornieren',
  'web.admin.exchange.cancelQuestion': 'Möchten Sie diesen Umtausch wirklich stornieren? Das kann nicht rückgängig gemacht werden.',
  'web.admin.exchange.cancelConfirm': 'Ja, stornieren',
  'web.admin.exchange.keep': 'Nein, behalten',
  'web.admin.exchange.cancelExplain': 'Die reservierten Artikel gehen zurück in den Bestand und die Differenz ist nicht mehr geschuldet.',
  'web.admin.exchange.cancelled': 'Umtausch zu Bestellung {number} storniert; die reservierten Artikel sind wieder im Bestand.',
  'web.admin.exchange.paymentLabel': 'Die Zahlung des Umtauschs zu Bestellung {number} erfassen',
  'web.admin.exchange.reference': 'Zahlungsreferenz',
  'web.admin.exchange.referenceHint': 'Dafür ist keine Zahlungsseite offen: Erfassen Sie die Zahlung, sobald sie eingegangen ist',
  'web.admin.exchange.referenceMissing': 'geben Sie an, wie bezahlt wurde (Beleg- oder Überweisungsreferenz)',
  'web.admin.exchange.recordPayment': 'Zahlung erfassen',
  'web.admin.exchange.paymentRecorded': 'Zahlung für den Umtausch zu Bestellung {number} erfasst; jetzt wird auf die Rücksendung der Artikel gewartet.',
};
