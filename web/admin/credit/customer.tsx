// A customer's store credit (GET /admin/customers/{customerId}/store-credit):
// balances, lots and the ledger, and money moved by hand with a note — a
// credit at once, a debit only after the in-page confirmation.
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { useIntentKey } from '../../api/intent-key.ts';
import { Confirm } from '../../ui/confirm.tsx';
import { Balances, Transactions } from '../../ui/credit-ledger.tsx';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { money } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { announce } from '../../ui/status-message.tsx';
import { underPrefix } from '../form-kit.ts';
import { endOfDay, MoneyFields, readMoney } from './money-fields.tsx';

export function CustomerCredit({ customerId }: { customerId: string }) {
  // Bumped after a credit or debit: the balances and the ledger load again.
  const [round, setRound] = useState(0);
  const [state, reload] = useLoad((signal) => api('credit.adminAccounts', { params: { customerId }, signal }), [customerId, round]);
  const moved = () => setRound((r) => r + 1);
  const currency = state.status === 'ok' ? (state.data.items[0]?.currency ?? 'USD') : 'USD';
  return (
    <>
      <h1>Store credit of {customerId}</h1>
      <Loaded state={state} onRetry={reload}>
        {(accounts) => <Balances accounts={accounts.items} />}
      </Loaded>
      <div class="grid">
        <Movement key={`credit-${currency}`} kind="credit" customerId={customerId} currency={currency} onDone={moved} />
        <Movement key={`debit-${currency}`} kind="debit" customerId={customerId} currency={currency} onDone={moved} />
      </div>
      <Transactions
        round={round}
        notes
        load={(cursor, signal) => api('credit.adminTransactions', { params: { customerId }, query: { limit: 20, ...(cursor ? { cursor } : {}) }, signal })}
      />
    </>
  );
}

const LABELS = { credit: 'Add credit', debit: 'Take credit away' } as const;

/** One manual movement: a credit (with an optional expiry) or a debit, each with its note. */
function Movement({ kind, customerId, currency, onDone }: { kind: 'credit' | 'debit'; customerId: string; currency: string; onDone: () => void }) {
  const [draft, setDraft] = useState({ amount: '', currency });
  const [expires, setExpires] = useState('');
  const [note, setNote] = useState('');
  const intent = useIntentKey();
  const read = () => readMoney(draft);
  const sub = useSubmission(
    () => {
      const { amount, currency: code } = read();
      const expiresAt = kind === 'credit' ? endOfDay(expires) : undefined;
      const body = { amount, currency: code, note: note.trim(), ...(expiresAt ? { expiresAt } : {}) };
      const id = kind === 'credit' ? 'credit.adminCredit' : 'credit.adminDebit';
      return api(id, { params: { customerId }, body, idempotencyKey: intent.keyFor(body) }).catch(underPrefix(kind));
    },
    (row) => {
      intent.renew();
      setDraft({ amount: '', currency: row.currency });
      setNote('');
      setExpires('');
      const what = kind === 'credit' ? `Credited ${money(row.amount, row.currency)} to` : `Debited ${money(row.amount, row.currency)} from`;
      announce(`${what} ${customerId} (“${row.note ?? ''}”). The balance is now ${money(row.balanceAfter, row.currency)}.`);
      onDone();
    },
    () => [
      ...read().errors.map((e) => ({ ...e, path: `${kind}.${e.path}` })),
      ...(note.trim() ? [] : [{ path: `${kind}.note`, message: 'say why, for the ledger' }]),
    ],
  );
  const labels = { [`${kind}.amount`]: 'Amount', [`${kind}.currency`]: 'Currency', [`${kind}.note`]: 'Note', [`${kind}.expiresAt`]: 'Expires on' };
  const parsed = read();
  return (
    <section aria-labelledby={`${kind}-title`}>
      <h2 id={`${kind}-title`}>{LABELS[kind]}</h2>
      <form onSubmit={sub.onSubmit} noValidate aria-labelledby={`${kind}-title`}>
        <ErrorSummary error={sub.error} labels={labels} />
        <MoneyFields draft={draft} onChange={setDraft} errorFor={sub.errorFor} idPrefix={kind} />
        {kind === 'credit' ? (
          <Field path="credit.expiresAt" label="Expires on" hint="Leave empty for the shop's usual expiry" error={sub.errorFor('credit.expiresAt')}>
            {(c) => <input {...c} type="date" value={expires} onInput={(e) => setExpires(inputValue(e))} />}
          </Field>
        ) : null}
        <Field path={`${kind}.note`} label="Note" hint="Why, for the ledger (up to 500 characters)" error={sub.errorFor(`${kind}.note`)}>
          {(c) => <textarea {...c} rows={2} maxLength={500} value={note} onInput={(e) => setNote(inputValue(e))} />}
        </Field>
        <div class="actions">
          {kind === 'credit' ? (
            <button type="submit" aria-busy={sub.submitting}>
              Credit
            </button>
          ) : (
            <Confirm
              action="Debit…"
              question={`Take ${parsed.errors.length === 0 ? money(parsed.amount, parsed.currency) : 'this amount'} from ${customerId}'s store credit?`}
              confirm="Yes, debit"
              keep="No, keep the credit"
              busy={sub.submitting}
              ready={sub.ready}
              onConfirm={sub.submit}
            >
              <p>The customer can no longer spend it. Only a new credit gives it back.</p>
            </Confirm>
          )}
        </div>
      </form>
    </section>
  );
}
