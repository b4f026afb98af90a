// Settling a pending refund transaction: the money went out, or it failed
// (a failure leaves the amount owed, to retry). From the order and the payout
// queue. One the payment provider holds is settled only by the provider's
// signed events (the API answers a hand 409): it says so instead of offering
// the form.
import { useState } from 'preact/hooks';
import { awaitsProvider, type RefundTransaction } from '#shared/domain/refund';
import { api } from '../api/client.ts';
import { ErrorSummary, Field, inputValue, useSubmission } from '../ui/form.tsx';
import { money, words } from '../ui/format.ts';
import { announce } from '../ui/status-message.tsx';
import { underPrefix } from './form-kit.ts';

/** The provider's name as a person reads it ("Stripe"). */
const providerName = (txn: Pick<RefundTransaction, 'provider'>): string => (txn.provider ? words(txn.provider) : 'the payment provider');

/**
 * What can be done about one transaction: settle it by hand (manual and
 * pending), or wait for its provider (held); a provider's failure is said in
 * words. Nothing for anything else.
 */
export function TransactionAction({ refundId, txn, onChange }: { refundId: string; txn: RefundTransaction; onChange: () => void }) {
  if (awaitsProvider(txn))
    return (
      <p>
        Sent to {providerName(txn)} — waiting for {providerName(txn)} to confirm.
      </p>
    );
  if (txn.status === 'pending') return <Settle refundId={refundId} txn={txn} onChange={onChange} />;
  if (txn.status === 'failure' && txn.provider) return <p>{providerName(txn)} reported this refund failed.</p>;
  return null;
}

function Settle({ refundId, txn, onChange }: { refundId: string; txn: RefundTransaction; onChange: () => void }) {
  const prefix = `txn-${txn.id}`;
  const [message, setMessage] = useState('');
  const [outcome, setOutcome] = useState<'success' | 'failure'>('success');
  const sub = useSubmission(
    () =>
      api('refunds.settleTransaction', {
        params: { refundId, txnId: txn.id },
        body: { status: outcome, ...(message.trim() ? { message: message.trim() } : {}) },
      }).catch(underPrefix(prefix)),
    () => {
      announce(
        outcome === 'success'
          ? `Transaction of ${money(txn.amount, txn.currency)} settled: the money was sent.`
          : `Transaction of ${money(txn.amount, txn.currency)} marked failed: its amount is still owed.`,
      );
      onChange();
    },
  );
  const amount = money(txn.amount, txn.currency);
  return (
    <form onSubmit={sub.onSubmit} aria-label={`Settle the ${amount} transaction`} noValidate>
      <ErrorSummary error={sub.error} />
      <fieldset>
        <legend>Outcome of the {amount} transaction</legend>
        <label>
          <input type="radio" name={`${prefix}-outcome`} checked={outcome === 'success'} onChange={() => setOutcome('success')} />
          The money was sent
        </label>
        <label>
          <input type="radio" name={`${prefix}-outcome`} checked={outcome === 'failure'} onChange={() => setOutcome('failure')} />
          It failed
        </label>
      </fieldset>
      <Field path={`${prefix}.message`} label="Message (optional)" error={sub.errorFor(`${prefix}.message`)}>
        {(c) => <input {...c} type="text" value={message} onInput={(e) => setMessage(inputValue(e))} />}
      </Field>
      <button type="submit" aria-busy={sub.submitting ? 'true' : undefined}>
        Settle transaction
      </button>
    </form>
  );
}
