// Cancel one of my orders under the shop's policy: a reason, and the bank
// account a refund goes to when the payment cannot go back to its source.
// Unpaid (COD) orders are cancelled at once; paid ones wait for the shop.
import { useState } from 'preact/hooks';
import type { Cancellation } from '#shared/domain/cancellation';
import type { Order } from '#shared/domain/order';
import type { Reason } from '#shared/domain/reason';
import { api } from '../../api/client.ts';
import { useIntentKey } from '../../api/intent-key.ts';
import { APP_BASE } from '../../base.ts';
import { Confirm } from '../../ui/confirm.tsx';
import { ErrorSummary, Field, FieldMessage, inputValue, useSubmission } from '../../ui/form.tsx';
import { money, words } from '../../ui/format.ts';
import { paymentMethodWords } from '../../ui/names.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { CancellationRequested, loadCancelState } from './open-cancellation.tsx';

export function CancelOrder({ orderId }: { orderId: string }) {
  const [state, reload] = useLoad(
    (signal) => {
      const order = api('orders.get', { params: { orderId }, signal });
      return Promise.all([order, api('settings.reasons', { query: { kind: 'cancellation' }, signal }), order.then((o) => loadCancelState(o, signal))]);
    },
    [orderId],
  );
  return (
    <Loaded state={state} onRetry={reload}>
      {([order, reasons, cancel]) => (
        <>
          <h1>Cancel order {order.number}</h1>
          {cancel.open ? (
            <>
              <CancellationRequested cancellation={cancel.open} />
              <p>
                <a href={`${APP_BASE}/orders/${order.id}`}>Back to the order</a>
              </p>
            </>
          ) : cancel.allowed ? (
            <CancelForm order={order} reasons={reasons.items} />
          ) : (
            <p>
              An order that is {words(order.status).toLowerCase()} can no longer be cancelled here. Please contact the shop.{' '}
              <a href={`${APP_BASE}/orders/${order.id}`}>Back to the order</a>
            </p>
          )}
        </>
      )}
    </Loaded>
  );
}

const LABELS = {
  reasonId: 'Reason',
  reasonText: 'Tell us more',
  'refundAccount.accountName': 'Account holder',
  'refundAccount.accountNumber': 'Account number or IBAN',
  'refundAccount.bankName': 'Bank',
  'refundAccount.bankBranch': 'Branch',
  refundAccount: 'Bank account',
};

function CancelForm({ order, reasons }: { order: Order; reasons: readonly Reason[] }) {
  const paid = order.paymentStatus !== 'unpaid';
  // API.md: money paid other than by card cannot go back to its source.
  const needsAccount = paid && order.paymentMethod !== 'card';
  const [reasonId, setReasonId] = useState('');
  const [reasonText, setReasonText] = useState('');
  const [account, setAccount] = useState({ accountName: order.customer.name, accountNumber: '', bankName: '', bankBranch: '' });
  const [done, setDone] = useState<Cancellation | null>(null);
  // One key per request as filled in: a retry after a network error is the same request, not a second one.
  const intent = useIntentKey();
  const submission = useSubmission(
    () => {
      const body = {
        reasonId,
        ...(reasonText.trim() ? { reasonText } : {}),
        ...(needsAccount ? { refundAccount: { ...account, bankBranch: account.bankBranch.trim() || null } } : {}),
      };
      return api('cancellations.create', { params: { orderId: order.id }, idempotencyKey: intent.keyFor(body), body });
    },
    setDone,
    () => (reasonId ? [] : [{ path: 'reasonId', message: 'Choose why you are cancelling' }]),
  );
  if (done) {
    return (
      <div role="status" class="notice">
        <h2>{done.status === 'approved' ? 'Your order is cancelled' : 'Your cancellation request was sent'}</h2>
        <p>
          {done.status === 'approved'
            ? 'Nothing was charged, so there is nothing to refund.'
            : `The shop will review it and refund ${money(order.totals.total - order.totals.refunded, order.currency)} once approved. We will email you.`}
        </p>
        <p>
          <a href={`${APP_BASE}/orders/${order.id}`}>Back to the order</a> · <a href={`${APP_BASE}/cancellations`}>My cancellations</a>
        </p>
      </div>
    );
  }
  const setField = (name: keyof typeof account) => (e: Parameters<typeof inputValue>[0]) => setAccount({ ...account, [name]: inputValue(e) });
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <p>
        {paid
          ? `You paid ${money(order.totals.total, order.currency)}. The shop reviews your request before cancelling and refunds you once it is approved.`
          : 'Nothing has been charged yet: the order is cancelled at once.'}
      </p>
      <ErrorSummary error={submission.error} labels={LABELS} />
      <Field path="reasonId" label={LABELS.reasonId} error={submission.errorFor('reasonId')}>
        {(control) => (
          <select {...control} value={reasonId} onChange={(e) => setReasonId(inputValue(e))}>
            <option value="">Choose a reason</option>
            {reasons.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field path="reasonText" label={`${LABELS.reasonText} (optional)`} error={submission.errorFor('reasonText')}>
        {(control) => <textarea {...control} rows={3} maxLength={500} value={reasonText} onInput={(e) => setReasonText(inputValue(e))} />}
      </Field>
      {needsAccount ? (
        <fieldset id="field-refundAccount" tabIndex={-1} {...(submission.errorFor('refundAccount') ? { 'aria-describedby': 'field-refundAccount-error' } : {})}>
          <legend>Where should we send your refund?</legend>
          <small>You paid by {paymentMethodWords(order.paymentMethod).toLowerCase()}, so the refund goes to a bank account.</small>
          <FieldMessage path="refundAccount" error={submission.errorFor('refundAccount')} />
          <Field path="refundAccount.accountName" label={LABELS['refundAccount.accountName']} error={submission.errorFor('refundAccount.accountName')}>
            {(control) => <input {...control} autoComplete="name" value={account.accountName} onInput={setField('accountName')} />}
          </Field>
          <Field
            path="refundAccount.accountNumber"
            label={LABELS['refundAccount.accountNumber']}
            hint="At least 6 digits."
            error={submission.errorFor('refundAccount.accountNumber')}
          >
            {(control) => <input {...control} autoComplete="off" inputMode="text" value={account.accountNumber} onInput={setField('accountNumber')} />}
          </Field>
          <Field path="refundAccount.bankName" label={LABELS['refundAccount.bankName']} error={submission.errorFor('refundAccount.bankName')}>
            {(control) => <input {...control} value={account.bankName} onInput={setField('bankName')} />}
          </Field>
          <Field
            path="refundAccount.bankBranch"
            label={`${LABELS['refundAccount.bankBranch']} (optional)`}
            error={submission.errorFor('refundAccount.bankBranch')}
          >
            {(control) => <input {...control} value={account.bankBranch} onInput={setField('bankBranch')} />}
          </Field>
        </fieldset>
      ) : null}
      <Confirm
        action={paid ? 'Request cancellation' : 'Cancel order'}
        question={
          paid
            ? `Are you sure you want to ask to cancel order ${order.number}? You cannot take the request back.`
            : `Are you sure you want to cancel order ${order.number}? It cannot be undone.`
        }
        confirm={paid ? 'Yes, ask to cancel it' : 'Yes, cancel my order'}
        keep="No, keep my order"
        busy={submission.submitting}
        ready={submission.ready}
        onConfirm={submission.submit}
      />
      <p>
        <a href={`${APP_BASE}/orders/${order.id}`}>Back to the order</a>
      </p>
    </form>
  );
}
