// A store-credit account as its owner (the portal) and the back office both
// read it: the balance per currency, the lots with what is left of each and
// when it expires, and the ledger's transactions a page at a time. Money comes
// in as integer minor units and is only formatted here, never computed.
import type { CreditAccount, CreditTransaction } from '#shared/domain/store-credit';
import { t } from '../i18n/locale.ts';
import { useCursor } from './address.ts';
import { formatDate, formatDateTime, money } from './format.ts';
import { Pager } from './pager.tsx';
import { Empty, Loaded, useLoad } from './states.tsx';
import { TableScroll } from './table-scroll.tsx';

/** One section per currency: its balance, then its lots, soonest to expire first (the order the API keeps them in). */
export function Balances({ accounts }: { accounts: readonly CreditAccount[] }) {
  if (accounts.length === 0) return <Empty>{t('web.credit.none')}</Empty>;
  return (
    <>
      {accounts.map((account) => (
        <section key={account.currency} aria-labelledby={`balance-${account.currency}`}>
          <h2 id={`balance-${account.currency}`}>{t('web.credit.balanceIn', { currency: account.currency })}</h2>
          <p class="balance">{money(account.balance, account.currency)}</p>
          {account.lots.length > 0 ? (
            <TableScroll label={t('web.credit.lotsIn', { currency: account.currency })}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('web.credit.col.from')}</th>
                    <th scope="col" class="amount">
                      {t('web.credit.col.amount')}
                    </th>
                    <th scope="col" class="amount">
                      {t('web.credit.col.left')}
                    </th>
                    <th scope="col">{t('web.credit.col.expires')}</th>
                  </tr>
                </thead>
                <tbody>
                  {account.lots.map((lot) => (
                    <tr key={lot.id}>
                      <td>{t('web.credit.origin', { origin: lot.origin.type })}</td>
                      <td class="amount">{money(lot.amount, account.currency)}</td>
                      <td class="amount">{money(lot.remaining, account.currency)}</td>
                      <td>{lot.expiresAt ? formatDate(lot.expiresAt) : t('web.credit.never')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
        </section>
      ))}
    </>
  );
}

interface TransactionPage {
  readonly items: readonly CreditTransaction[];
  readonly nextCursor: string | null;
}

/** Money in (a credit, a revert) or out (a debit, an expiry, a void), signed as a statement shows it. */
const signed = (row: CreditTransaction): string => `${row.kind === 'credit' || row.kind === 'revert' ? '+' : '−'}${money(row.amount, row.currency)}`;

/**
 * The ledger, newest first, its cursor in the address (back and forward step
 * through pages). `round` changes after the screen moved money, to load again.
 * The back office also shows each row's note.
 */
export function Transactions(props: { load: (cursor: string | undefined, signal: AbortSignal) => Promise<TransactionPage>; round: number; notes?: boolean }) {
  const [cursor, setCursor] = useCursor();
  const [state, reload] = useLoad((signal) => props.load(cursor, signal), [cursor, props.round]);
  return (
    <section aria-labelledby="credit-transactions">
      <h2 id="credit-transactions">{t('web.credit.transactions')}</h2>
      <Loaded state={state} onRetry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('web.credit.noTransactions')}</Empty>
          ) : (
            <>
              <TableScroll label={t('web.credit.transactions')}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('web.credit.col.date')}</th>
                      <th scope="col">{t('web.credit.col.what')}</th>
                      <th scope="col" class="amount">
                        {t('web.credit.col.amount')}
                      </th>
                      <th scope="col" class="amount">
                        {t('web.credit.col.balanceAfter')}
                      </th>
                      <th scope="col">{t('web.credit.col.expires')}</th>
                      {props.notes ? <th scope="col">{t('web.credit.col.note')}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((row) => (
                      <tr key={row.id}>
                        <td>{formatDateTime(row.createdAt)}</td>
                        <td>
                          {t('web.credit.kind', { kind: row.kind })} · {t('web.credit.origin', { origin: row.origin.type })}
                        </td>
                        <td class="amount">{signed(row)}</td>
                        <td class="amount">{money(row.balanceAfter, row.currency)}</td>
                        <td>{row.kind === 'credit' || row.kind === 'revert' ? (row.expiresAt ? formatDate(row.expiresAt) : t('web.credit.never')) : ''}</td>
                        {props.notes ? <td>{row.note ?? ''}</td> : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pager cursor={cursor} nextCursor={page.nextCursor} onPage={setCursor} older={t('web.credit.older')} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}
