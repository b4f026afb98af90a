// One of my exchanges: where it stands, told truthfully (approved and awaiting
// payment is not paid), the difference and where its money is (the provider's
// payment page while its link lasts), what goes back and what comes, its return
// and replacement order, and its history.

import type { Exchange } from '#shared/domain/exchange';
import type { Order } from '#shared/domain/order';
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { t } from '../../i18n/locale.ts';
import { formatDateTime, money } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { TableScroll } from '../../ui/table-scroll.tsx';
import { Timeline } from '../../ui/timeline.tsx';
import { actorWords } from '../actor.ts';
import { Difference } from './difference.tsx';
import { Payment } from './payment.tsx';

export function ExchangeDetail({ exchangeId }: { exchangeId: string }) {
  const [state, reload] = useLoad(
    async (signal) => {
      const exchange = await api('exchanges.get', { params: { id: exchangeId }, signal });
      return { exchange, order: await api('orders.get', { params: { orderId: exchange.orderId }, signal }) };
    },
    [exchangeId],
  );
  return (
    <Loaded state={state} onRetry={reload}>
      {({ exchange, order }) => (
        <>
          <hgroup>
            <h1>{t('web.exchange.name', { number: order.number })}</h1>
            <p>
              {t('web.return.requested', { date: formatDateTime(exchange.createdAt) })} · <StatusBadge status={exchange.status} kind="exchange" />
            </p>
          </hgroup>
          <p class="notice">{t('web.exchange.now', { status: exchange.status })}</p>
          <nav aria-label={t('web.exchange.links')} class="actions page-actions">
            <a href={`${APP_BASE}/orders/${order.id}`}>{t('web.return.viewOrder', { number: order.number })}</a>
            <a href={`${APP_BASE}/returns/${exchange.returnId}`}>{t('web.exchange.viewReturn')}</a>
            {exchange.replacementOrderId ? <a href={`${APP_BASE}/orders/${exchange.replacementOrderId}`}>{t('web.exchange.viewReplacement')}</a> : null}
          </nav>
          <Payment exchange={exchange} />
          <Items exchange={exchange} order={order} />
          <section aria-labelledby="history">
            <h2 id="history">{t('web.history')}</h2>
            <Timeline
              entries={exchange.history.map((h) => ({ status: h.status, at: h.at, by: actorWords(h.by) }))}
              label={t('web.exchange.history')}
              kind="exchange"
            />
          </section>
        </>
      )}
    </Loaded>
  );
}

function Items({ exchange, order }: { exchange: Exchange; order: Order }) {
  const m = (amount: number) => money(amount, exchange.currency);
  const title = (lineItemId: string) => order.lineItems.find((l) => l.id === lineItemId)?.title ?? t('item.untitled');
  return (
    <section aria-labelledby="items">
      <h2 id="items">{t('web.items')}</h2>
      <TableScroll label={t('web.exchange.itemsLabel')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('web.col.item')}</th>
              <th scope="col">{t('web.exchange.col.way')}</th>
              <th scope="col" class="amount">
                {t('web.col.quantity')}
              </th>
              <th scope="col" class="amount">
                {t('web.exchange.col.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {exchange.inbound.map((i) => (
              <tr key={`in-${i.lineItemId}`}>
                <td>{title(i.lineItemId)}</td>
                <td>{t('web.exchange.way', { way: 'back' })}</td>
                <td class="amount">{i.quantity}</td>
                <td class="amount">{m(i.value)}</td>
              </tr>
            ))}
            {exchange.outbound.map((o, i) => (
              <tr key={`out-${o.sku}-${i}`}>
                <td>{t('web.exchange.variant', { title: o.title, variant: o.variantTitle })}</td>
                <td>{t('web.exchange.way', { way: 'new' })}</td>
                <td class="amount">{o.quantity}</td>
                <td class="amount">{m((o.unitPrice + o.tax) * o.quantity)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Difference values={exchange} />
    </section>
  );
}
