// What an exchange is worth either way and who pays whom: shown before it is
// sent (from POST /exchanges/calculate) and on its page, in the same words.
import type { Exchange } from '#shared/domain/exchange';
import { t } from '../../i18n/locale.ts';
import { AmountTable } from '../../ui/amount-table.tsx';
import { money } from '../../ui/format.ts';

type Values = Pick<Exchange, 'currency' | 'inboundValue' | 'outboundValue' | 'differenceDue'>;

/** Who pays the difference: `pay` the customer, `back` the shop, `even` nobody. */
export const direction = (differenceDue: number): 'pay' | 'back' | 'even' => (differenceDue > 0 ? 'pay' : differenceDue < 0 ? 'back' : 'even');

export function Difference({ values }: { values: Values }) {
  const m = (amount: number) => money(amount, values.currency);
  return (
    <AmountTable
      caption={t('web.exchange.valuesCaption')}
      rows={[
        [t('web.exchange.inboundValue'), m(values.inboundValue)],
        [t('web.exchange.outboundValue'), m(values.outboundValue)],
      ]}
      total={[t('web.exchange.difference', { who: direction(values.differenceDue) }), m(Math.abs(values.differenceDue))]}
    />
  );
}
