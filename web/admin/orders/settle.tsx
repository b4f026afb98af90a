// Settling a pending refund transaction: the money went out, or it failed
// (a failure leaves the amount owed, to retry). From the order and the payout queue.
import { useState } from 'preact/hooks';
import type { RefundTransaction } from '#shared/domain/refund';
import { api } from '../../api/client.ts';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { money } from '../../ui/format.ts';
import { announce } from '../../ui/status-message.tsx';
import { underPrefix } from '../form-kit.ts';

export function Settle({ refundId, txn, onChange }: { refundId: string; txn: RefundTransaction; onChange: () => void }) {
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
