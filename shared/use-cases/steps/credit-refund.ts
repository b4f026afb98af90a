// A refund paid in store credit (gateway `store_credit`, success at once) is
// credited in the refund's own transaction: the items this step returns go
// into the caller's TransactWriteItems beside the refund. The credit's lot is
// keyed by the refund transaction (origin `refund`), so a retried or replayed
// refund credits once; a customer who chose store credit for a return gets
// the settings' bonus as a lot of its own beside it.
import type { GuardedItem } from '#shared/adapters/dynamo';
import { AccountChangedError, getAccount, movementItems } from '#shared/adapters/store-credit-repo';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import type { Settings } from '#shared/domain/settings';
import { bonusFor, credit, expiryFrom } from '#shared/domain/store-credit-ledger';
import { ConcurrentChangeError } from './retry-on-change.ts';

export interface RefundCredit {
  readonly refund: Pick<Refund, 'transactions' | 'currency'>;
  /** The order's customer: whose account, and where its emails go from now on (recorded on the account). */
  readonly customer: Pick<Order['customer'], 'customerId' | 'email' | 'locale'>;
  readonly settings: Pick<Settings, 'storeCredit'>;
  /** The customer chose store credit (a return's refund method): the bonus applies. */
  readonly withBonus: boolean;
  readonly now: string;
  readonly by: string;
}

/** The credit of the refund's new store-credit transaction, or nothing when it has none. */
export const refundCreditItems = async ({ refund, customer, settings, withBonus, now, by }: RefundCredit): Promise<GuardedItem[]> => {
  const txn = refund.transactions.find((t) => t.gateway === 'store_credit' && t.status === 'success' && t.amount > 0);
  if (!txn) return [];
  const account = await getAccount(customer.customerId, refund.currency);
  const origin = { type: 'refund', id: txn.id } as const;
  const bonus = withBonus ? bonusFor(txn.amount, settings.storeCredit.bonus) : 0;
  const movement = credit(
    account,
    { amount: txn.amount, origin, expiresAt: expiryFrom(now, settings.storeCredit.expiresInDays), bonus },
    { transactionId: txn.id.replace(/^txn_/, 'sct_'), now, by, note: null },
  );
  // The account moved since it was read: the caller's retry loop reads and plans the whole refund again.
  const contact = { email: customer.email, locale: customer.locale ?? null };
  return movementItems(movement, account.version, { originOnce: origin, contact }).map((item) =>
    item.onConditionFailed
      ? {
          ...item,
          onConditionFailed: () => {
            const error = item.onConditionFailed?.();
            return error instanceof AccountChangedError ? new ConcurrentChangeError('store credit account') : (error as Error);
          },
        }
      : item,
  );
};
