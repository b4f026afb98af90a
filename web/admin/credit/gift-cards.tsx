// Gift cards (GET, POST /admin/gift-cards): issue one (its code is answered
// this once, so it is shown once with a copy button), find them by the code's
// last 4 characters, disable an active one after asking.
import { useState } from 'preact/hooks';
import type { ApiResult } from '../../api/client.ts';
import { api } from '../../api/client.ts';
import { useIntentKey } from '../../api/intent-key.ts';
import { useCursor, useQueryParam } from '../../ui/address.ts';
import { Confirm } from '../../ui/confirm.tsx';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { formatDate, money, words } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { announce } from '../../ui/status-message.tsx';
import { type Column, ListTable, PagedList } from '../list-kit.tsx';
import { endOfDay, MoneyFields, readMoney } from './money-fields.tsx';

type GiftCard = ApiResult<'credit.giftCard'>;
type Issued = ApiResult<'credit.issueGiftCard'>;

export function GiftCards() {
  const [last4, setLast4] = useQueryParam('last4');
  const [draft, setDraft] = useState(last4);
  const [cursor, setCursor] = useCursor();
  const [issued, setIssued] = useState<Issued | null>(null);
  const [state, reload] = useLoad(
    (signal) => api('credit.giftCards', { query: { limit: 20, ...(cursor ? { cursor } : {}), ...(last4 ? { last4 } : {}) }, signal }),
    [cursor, last4],
  );
  const columns: readonly Column<GiftCard>[] = [
    { header: 'Code ends', cell: (c) => <code>…{c.last4}</code> },
    { header: 'Amount', amount: true, cell: (c) => money(c.initialAmount, c.currency) },
    { header: 'Balance', amount: true, cell: (c) => money(c.balance, c.currency) },
    { header: 'Status', cell: (c) => words(c.status) },
    { header: 'Customer', cell: (c) => c.customerId ?? 'Anyone' },
    { header: 'Expires', cell: (c) => (c.expiresAt ? formatDate(c.expiresAt) : 'Never') },
    { header: 'Note', cell: (c) => c.note ?? '' },
    { header: 'Action', cell: (c) => (c.status === 'active' ? <Disable card={c} onDone={reload} /> : '') },
  ];
  return (
    <>
      <h1>Gift cards</h1>
      <section aria-labelledby="issue-title">
        <h2 id="issue-title">Issue a gift card</h2>
        {issued ? <IssuedCode card={issued} /> : null}
        <IssueForm
          onIssued={(card) => {
            setIssued(card);
            reload();
          }}
        />
      </section>
      <section aria-labelledby="list-title">
        <h2 id="list-title">Issued gift cards</h2>
        <form
          aria-label="Find a gift card"
          class="filters"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setLast4(draft.trim());
          }}
        >
          <label>
            Last 4 characters of the code
            <input type="search" maxLength={4} autoComplete="off" value={draft} onInput={(e) => setDraft(inputValue(e))} />
          </label>
          <button type="submit" class="secondary">
            Find
          </button>
        </form>
        <Loaded state={state} onRetry={reload}>
          {(page) => (
            <PagedList page={page} cursor={cursor} onPage={setCursor} empty={last4 ? `No gift card's code ends in ${last4}.` : 'No gift cards yet.'}>
              {(items) => <ListTable label="Gift cards" columns={columns} rows={items} />}
            </PagedList>
          )}
        </Loaded>
      </section>
    </>
  );
}

/** The new card's code: the API answers it this once and keeps only a hash, so this is the one chance to copy it. */
function IssuedCode({ card }: { card: Issued }) {
  const [copied, setCopied] = useState(false);
  return (
    <section class="notice" aria-label="New gift card code">
      <p>
        <strong>Gift card code</strong> for {money(card.initialAmount, card.currency)} — this code will not be shown again: copy it now.
      </p>
      <p>
        <code>{card.code}</code>
      </p>
      <button
        type="button"
        class="secondary"
        onClick={() =>
          navigator.clipboard.writeText(card.code).then(
            () => {
              setCopied(true);
              announce(`Code of the gift card ending ${card.last4} copied.`);
            },
            () => announce('The browser did not allow copying: select the code and copy it by hand.'),
          )
        }
      >
        {copied ? 'Copied' : 'Copy code'}
      </button>
    </section>
  );
}

function IssueForm({ onIssued }: { onIssued: (card: Issued) => void }) {
  const [draft, setDraft] = useState({ amount: '', currency: 'USD' });
  const [expires, setExpires] = useState('');
  const [customerId, setCustomerId] = useState('');
  const [note, setNote] = useState('');
  const intent = useIntentKey();
  const sub = useSubmission(
    () => {
      const { amount, currency } = readMoney(draft);
      const expiresAt = endOfDay(expires);
      const body = {
        amount,
        currency,
        note: note.trim(),
        ...(expiresAt ? { expiresAt } : {}),
        ...(customerId.trim() ? { customerId: customerId.trim() } : {}),
      };
      return api('credit.issueGiftCard', { body, idempotencyKey: intent.keyFor(body) });
    },
    (card) => {
      intent.renew();
      setDraft({ amount: '', currency: card.currency });
      setExpires('');
      setCustomerId('');
      setNote('');
      announce(`Gift card ending ${card.last4} issued for ${money(card.initialAmount, card.currency)}. Copy its code below: it will not be shown again.`);
      onIssued(card);
    },
    () => readMoney(draft).errors,
  );
  return (
    <form onSubmit={sub.onSubmit} noValidate aria-labelledby="issue-title">
      <ErrorSummary error={sub.error} labels={{ expiresAt: 'Expires on', customerId: 'Customer id' }} />
      <MoneyFields draft={draft} onChange={setDraft} errorFor={sub.errorFor} />
      <div class="grid">
        <Field path="expiresAt" label="Expires on" hint="Optional" error={sub.errorFor('expiresAt')}>
          {(c) => <input {...c} type="date" value={expires} onInput={(e) => setExpires(inputValue(e))} />}
        </Field>
        <Field path="customerId" label="Customer id" hint="Optional: only this customer may redeem it" error={sub.errorFor('customerId')}>
          {(c) => <input {...c} autoComplete="off" maxLength={128} value={customerId} onInput={(e) => setCustomerId(inputValue(e))} />}
        </Field>
      </div>
      <Field path="note" label="Note" hint="Optional, up to 500 characters" error={sub.errorFor('note')}>
        {(c) => <textarea {...c} rows={2} maxLength={500} value={note} onInput={(e) => setNote(inputValue(e))} />}
      </Field>
      <div class="actions">
        <button type="submit" aria-busy={sub.submitting}>
          Issue gift card
        </button>
      </div>
    </form>
  );
}

/** Disables an active card after asking (POST /admin/gift-cards/{id}/disable); a redeemed card's 409 is shown as sent. */
function Disable({ card, onDone }: { card: GiftCard; onDone: () => void }) {
  const sub = useSubmission(
    () => api('credit.disableGiftCard', { params: { id: card.id } }),
    () => {
      announce(`Gift card ending ${card.last4} disabled: it can no longer be redeemed.`);
      onDone();
    },
  );
  return (
    <>
      <ErrorSummary error={sub.error} />
      <Confirm
        action={`Disable card ending ${card.last4}`}
        question={`Disable the gift card ending ${card.last4}? It can no longer be redeemed, and this cannot be undone.`}
        confirm="Yes, disable it"
        keep="No, keep it active"
        busy={sub.submitting}
        onConfirm={sub.submit}
      />
    </>
  );
}
