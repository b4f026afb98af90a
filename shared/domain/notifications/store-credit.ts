// Store credit: a credit that lands emails the customer once (a bonus is named
// in that one email, not a second), and a lot's reminder item emails them
// before the lot expires. Both go to the contact the item carries: the order's
// customer for a credit from an order, else the account's latest known one;
// with none known there is no one to write to (the consumer logs it).
import type { Detector, Recipient } from './types.ts';
import { imageAs } from './types.ts';
import type { CreditContactView, CreditReminderView, CreditTransactionRowView } from './views.ts';

const recipient = (contact: CreditContactView | undefined, customerId: string): Recipient =>
  contact ? { kind: 'email', email: contact.email } : { kind: 'unknownCustomer', customerId };

export const creditTransactionNotifications: Detector = (change) => {
  // A row is inserted once; later changes (a debit marked reverted) tell nothing new.
  if (change.eventName !== 'INSERT') return [];
  const { txn, contact } = imageAs<CreditTransactionRowView>(change.new);
  if (txn.kind !== 'credit') return [];
  return [
    {
      key: `${txn.id}#credited#customer`,
      template: 'store-credit-issued',
      to: recipient(contact, txn.customerId),
      locale: contact?.locale ?? null,
      data: { transaction: txn },
    },
  ];
};

export const creditReminderNotifications: Detector = (change) => {
  if (change.eventName !== 'INSERT') return [];
  const reminder = imageAs<CreditReminderView>(change.new);
  return [
    {
      key: `${reminder.lot.id}#reminder#customer`,
      template: 'store-credit-reminder',
      to: recipient(reminder.contact, reminder.customerId),
      locale: reminder.contact?.locale ?? null,
      data: { lot: reminder.lot, currency: reminder.currency },
    },
  ];
};
