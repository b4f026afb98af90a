// What choosing store credit earns, before the customer submits: the chosen
// units at the value a refund pays for them (return-amount.ts, the same units
// the refund will take) and the shop's bonus on that (store-credit-ledger.ts
// `bonusFor`, the function the refund credits with), from GET /return-policy.
import { sum } from '#shared/domain/money';
import type { Order } from '#shared/domain/order';
import { nextUnitValues } from '#shared/domain/return-amount';
import type { ReturnPolicy } from '#shared/domain/return-policy';
import { bonusFor } from '#shared/domain/store-credit-ledger';
import { t } from '../../i18n/locale.ts';
import { money } from '../../ui/format.ts';
import type { ItemChoice } from './item-choices.tsx';

export function CreditBonus(props: { order: Order; bonus: ReturnPolicy['storeCredit']['bonus']; chosen: readonly (readonly [string, ItemChoice])[] }) {
  if (props.bonus.percent === 0 && props.bonus.flat === 0) return null;
  const value = sum(
    props.chosen.flatMap(([lineItemId, c]) => {
      const line = props.order.lineItems.find((l) => l.id === lineItemId);
      return line ? nextUnitValues(line, c.quantity) : [];
    }),
  );
  const bonus = bonusFor(value, props.bonus);
  return (
    <p class="credit-bonus" aria-live="polite">
      {value === 0
        ? t('web.credit.bonusPending')
        : t('web.credit.bonus', { bonus: money(bonus, props.order.currency), total: money(value + bonus, props.order.currency) })}
    </p>
  );
}
