// One of my orders: status and tracking timeline, lines and totals, addresses,
// payment, notes the shop wrote for me, documents, and what I can do next
// (cancel under the shop's policy, request a return once delivered).
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { t } from '../../i18n/locale.ts';
import { DocumentButtons } from '../../parts/documents.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { AddressBlock, OrderLines } from '../../ui/order-summary.tsx';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { Timeline } from '../../ui/timeline.tsx';
import { actorWords } from '../actor.ts';
import { CancellationRequested, loadCancelState } from './open-cancellation.tsx';

export function OrderDetail({ orderId }: { orderId: string }) {
  const [state, reload] = useLoad(
    (signal) => {
      const order = api('orders.get', { params: { orderId }, signal });
      return Promise.all([
        order,
        api('orders.tracking', { params: { orderId }, signal }),
        api('notes.list', { params: { orderId }, query: { limit: 100 }, signal }),
        order.then((o) => loadCancelState(o, signal)),
      ]);
    },
    [orderId],
  );
  return (
    <Loaded state={state} onRetry={reload}>
      {([order, tracking, notes, cancel]) => (
        <>
          <hgroup>
            <h1>{t('web.order.name', { number: order.number })}</h1>
            <p>
              {t('web.order.placed', { date: formatDateTime(order.createdAt) })} · <StatusBadge status={order.status} kind="order" />
            </p>
          </hgroup>
          <nav aria-label={t('web.order.actions')} class="actions page-actions">
            {cancel.open ? <CancellationRequested cancellation={cancel.open} /> : null}
            {cancel.allowed && !cancel.open ? (
              <a class="action-link" href={`${APP_BASE}/orders/${order.id}/cancel`}>
                {t('web.order.cancel')}
              </a>
            ) : null}
            {order.status === 'delivered' ? (
              <a class="action-link" href={`${APP_BASE}/orders/${order.id}/return`}>
                {t('web.order.requestReturn')}
              </a>
            ) : null}
            {order.status === 'delivered' ? (
              <a class="action-link" href={`${APP_BASE}/orders/${order.id}/exchange`}>
                {t('web.order.exchange')}
              </a>
            ) : null}
          </nav>

          <section aria-labelledby="tracking">
            <h2 id="tracking">{t('web.order.tracking')}</h2>
            {tracking.deliveredAt ? <p>{t('web.order.delivered', { date: formatDateTime(tracking.deliveredAt) })}</p> : null}
            <Timeline entries={tracking.timeline.map((e) => ({ ...e, by: actorWords(e.by) }))} label={t('web.order.history')} kind="order" />
          </section>

          <section aria-labelledby="items">
            <h2 id="items">{t('web.items')}</h2>
            <OrderLines order={order} />
          </section>

          <section aria-labelledby="payment">
            <h2 id="payment">{t('web.order.payment')}</h2>
            <p>
              {t('method.payment', { method: order.paymentMethod })} · <StatusBadge status={order.paymentStatus} kind="payment" />
            </p>
            <DocumentButtons orderId={order.id} number={order.number} paid={order.paymentStatus !== 'unpaid'} />
          </section>

          <section aria-labelledby="addresses" class="grid">
            <h2 id="addresses" class="visually-hidden">
              {t('web.order.addresses')}
            </h2>
            <div>
              <h3>{t('web.order.shippingAddress')}</h3>
              <AddressBlock address={order.shippingAddress} />
            </div>
            <div>
              <h3>{t('web.order.billingAddress')}</h3>
              <AddressBlock address={order.billingAddress} />
            </div>
          </section>

          <section aria-labelledby="notes">
            <h2 id="notes">{t('web.order.notes')}</h2>
            {notes.items.length === 0 ? (
              <Empty>{t('web.order.noNotes')}</Empty>
            ) : (
              <ul>
                {notes.items.map((note) => (
                  <li key={note.id}>
                    <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>: {note.body}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Loaded>
  );
}
