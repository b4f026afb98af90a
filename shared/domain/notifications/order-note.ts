// Order note: one the customer may see emails them (seed 000); private notes never.
import { type Detector, imageAs } from './types.ts';
import type { OrderNoteView } from './views.ts';

export const orderNoteNotifications: Detector = (change) => {
  const note = imageAs<OrderNoteView>(change.new);
  const before = imageAs<OrderNoteView | undefined>(change.old);
  // New and visible, or a private note made visible later; the key is the note's
  // id alone, so a note is emailed at most once whichever way it became visible.
  if (note.visibility !== 'customer' || before?.visibility === 'customer') return [];
  return [
    { key: `${note.id}#customer`, template: 'order-note', to: { kind: 'customerOfOrder', orderId: note.orderId }, withOrder: note.orderId, data: { note } },
  ];
};
