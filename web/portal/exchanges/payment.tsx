// The difference of an exchange and where its money is, told truthfully: owed
// and unpaid until it is confirmed (a link to the provider's payment page while
// the link lasts), paid back only once it has been.
import type { Exchange } from '#shared/domain/exchange';
import { t } from '../../i18n/locale.ts';
import { formatDateTime, money } from '../../ui/format.ts';

/** Where the settlement stands, as the catalogue's `web.exchange.settlement` names it. */
const stateOf = (exchange: Exchange): string => {
  const { kind, status } = exchange.settlement;
  if (kind === 'none') return 'even';
  if (['cancelled', 'denied'].includes(exchange.status) && status !== 'succeeded') return 'none';
  if (kind === 'charge') return status === 'succeeded' ? 'paid' : exchange.status === 'awaiting_payment' ? 'owed' : 'later';
  return status === 'succeeded' ? 'paidBack' : 'payBack';
};

export function Payment({ exchange }: { exchange: Exchange }) {
  const { settlement, payment } = exchange;
  const owed = exchange.status === 'awaiting_payment' && settlement.kind === 'charge' && settlement.status !== 'succeeded';
  const expired = payment !== null && Date.parse(payment.expiresAt) <= Date.now();
  return (
    <section aria-labelledby="payment">
      <h2 id="payment">{t('web.exchange.payment')}</h2>
      <p>
        {t('web.exchange.settlement', {
          state: stateOf(exchange),
          amount: money(settlement.amount, exchange.currency),
          to: settlement.kind === 'store_credit' ? 'store_credit' : 'card',
        })}
      </p>
      {owed && payment && !expired ? (
        <p>
          <a class="action-link" href={payment.url}>
            {t('web.exchange.pay')}
          </a>{' '}
          <small>{t('web.exchange.linkUntil', { date: formatDateTime(payment.expiresAt) })}</small>
        </p>
      ) : null}
      {owed && payment && expired ? <p>{t('web.exchange.linkExpired')}</p> : null}
      {owed && !payment ? <p>{t('web.exchange.shopTellsHow')}</p> : null}
    </section>
  );
}
