// The order's legal next statuses as buttons (the domain's own transition
// table), an optional note for the timeline, and "mark paid" for an unpaid
// order. Cancelling goes through the cancel form below, which asks for a reason.
import { useRef, useState } from 'preact/hooks';
import { allowedOrderTransitions, type OrderStatus } from '#shared/domain/order-transitions';
import { api } from '../../api/client.ts';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { words } from '../../ui/format.ts';
import { announce } from '../../ui/status-message.tsx';
import { AllowedTransitions } from '../../ui/transitions.tsx';
import type { AdminOrder } from './order.ts';

export function OrderStatusActions({ order, onChange }: { order: AdminOrder; onChange: () => void }) {
  // A ref, not state: the click that picks the move submits in the same tick.
  const target = useRef<OrderStatus>(order.status);
  const [note, setNote] = useState('');
  const [collected, setCollected] = useState(false);
  const move = useSubmission(
    () =>
      api('orders.adminStatus', {
        params: { orderId: order.id },
        body: { status: target.current, ...(note.trim() ? { note: note.trim() } : {}), ...(collected ? { paymentCollected: true } : {}) },
        ifMatch: order.version,
      }),
    (moved) => {
      announce(`Order ${order.number} is now ${words(moved.status).toLowerCase()}.`);
      setNote('');
      onChange();
    },
  );
  const pay = useSubmission(
    () => api('orders.adminPayment', { params: { orderId: order.id }, body: { status: 'paid' }, ifMatch: order.version }),
    () => {
      announce(`Order ${order.number} marked paid.`);
      onChange();
    },
  );
  const go = (status: OrderStatus) => {
    target.current = status;
    move.onSubmit(new Event('submit'));
  };
  const moves = allowedOrderTransitions(order.status).filter((s) => s !== 'cancelled');
  // Money is collected for an order that goes ahead, never for a cancelled one.
  const unpaid = order.paymentStatus === 'unpaid' && order.status !== 'cancelled';
  if (moves.length === 0 && !unpaid) return null;
  return (
    <section aria-labelledby="order-actions-title">
      <h2 id="order-actions-title">Actions</h2>
      {moves.length > 0 ? (
        <form onSubmit={(e) => e.preventDefault()} aria-label="Move the order on">
          <ErrorSummary error={move.error} />
          <AllowedTransitions error={move.error} onChoose={(s) => go(s as OrderStatus)} />
          <Field path="note" label="Note for the timeline (optional)" error={move.errorFor('note')}>
            {(c) => <input {...c} type="text" value={note} onInput={(e) => setNote(inputValue(e))} />}
          </Field>
          {unpaid && moves.includes('delivered') ? (
            <label>
              <input type="checkbox" checked={collected} onChange={(e) => setCollected(e.currentTarget.checked)} />
              Payment collected on delivery
            </label>
          ) : null}
          <div class="actions">
            {moves.map((status) => (
              <button key={status} type="button" onClick={() => go(status)} aria-busy={move.submitting && target.current === status ? 'true' : undefined}>
                Mark {words(status).toLowerCase()}
              </button>
            ))}
          </div>
        </form>
      ) : null}
      {unpaid ? (
        <form onSubmit={pay.onSubmit} aria-label="Payment">
          <ErrorSummary error={pay.error} />
          <button type="submit" class="secondary" aria-busy={pay.submitting ? 'true' : undefined}>
            Mark paid
          </button>
        </form>
      ) : null}
    </section>
  );
}
