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
import { t } from '../../i18n/locale.ts';
import { Confirm } from '../../ui/confirm.tsx';
import { ErrorSummary, Field, FieldMessage, inputValue, useSubmission } from '../../ui/form.tsx';
import { money } from '../../ui/format.ts';
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
          <h1>{t('web.cancel.title', { number: order.number })}</h1>
          {cancel.open ? (
            <>
              <CancellationRequested cancellation={cancel.open} />
              <p>
                <a href={`${APP_BASE}/orders/${order.id}`}>{t('web.backToOrder')}</a>
              </p>
            </>
          ) : cancel.allowed ? (
            <CancelForm order={order} reasons={reasons.items} />
          ) : (
            <p>
              {t('web.cancel.tooLate', { statusName: t('status.order', { status: order.status }) })}{' '}
              <a href={`${APP_BASE}/orders/${order.id}`}>{t('web.backToOrder')}</a>
            </p>
          )}
        </>
      )}
    </Loaded>
  );
}

/** The form's labels in the active language (read on each draw: the reader may switch). */
const labels = () => ({
  reasonId: t('web.col.reason'),
  reasonText: t('web.cancel.tellUsMore'),
  'refundAccount.accountName': t('web.newReturn.accountHolder'),
  'refundAccount.accountNumber': t('web.cancel.accountNumber'),
  'refundAccount.bankName': t('web.cancel.bankName'),
  'refundAccount.bankBranch': t('web.cancel.bankBranch'),
  refundAccount: t('web.cancel.bankAccount'),
});

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
    () => (reasonId ? [] : [{ path: 'reasonId', message: t('web.cancel.chooseReasonError') }]),
  );
  if (done) {
    return (
      <div role="status" class="notice">
        <h2>{t('web.cancel.doneTitle', { approved: done.status === 'approved' ? 'yes' : 'no' })}</h2>
        <p>
          {done.status === 'approved'
            ? t('web.cancel.nothingToRefund')
            : t('web.cancel.willRefund', { amount: money(order.totals.total - order.totals.refunded, order.currency) })}
        </p>
        <p>
          <a href={`${APP_BASE}/orders/${order.id}`}>{t('web.backToOrder')}</a> · <a href={`${APP_BASE}/cancellations`}>{t('web.route.myCancellations')}</a>
        </p>
      </div>
    );
  }
  const LABELS = labels();
  const setField = (name: keyof typeof account) => (e: Parameters<typeof inputValue>[0]) => setAccount({ ...account, [name]: inputValue(e) });
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <p>{paid ? t('web.cancel.paid', { amount: money(order.totals.total, order.currency) }) : t('web.cancel.unpaid')}</p>
      <ErrorSummary error={submission.error} labels={LABELS} />
      <Field path="reasonId" label={LABELS.reasonId} error={submission.errorFor('reasonId')}>
        {(control) => (
          <select {...control} value={reasonId} onChange={(e) => setReasonId(inputValue(e))}>
            <option value="">{t('web.newReturn.chooseReason')}</option>
            {reasons.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field path="reasonText" label={t('web.cancel.optional', { label: LABELS.reasonText })} error={submission.errorFor('reasonText')}>
        {(control) => <textarea {...control} rows={3} maxLength={500} value={reasonText} onInput={(e) => setReasonText(inputValue(e))} />}
      </Field>
      {needsAccount ? (
        <fieldset id="field-refundAccount" tabIndex={-1} {...(submission.errorFor('refundAccount') ? { 'aria-describedby': 'field-refundAccount-error' } : {})}>
          <legend>{t('web.cancel.where')}</legend>
          <small>{t('web.cancel.toBank', { method: order.paymentMethod })}</small>
          <FieldMessage path="refundAccount" error={submission.errorFor('refundAccount')} />
          <Field path="refundAccount.accountName" label={LABELS['refundAccount.accountName']} error={submission.errorFor('refundAccount.accountName')}>
            {(control) => <input {...control} autoComplete="name" value={account.accountName} onInput={setField('accountName')} />}
          </Field>
          <Field
            path="refundAccount.accountNumber"
            label={LABELS['refundAccount.accountNumber']}
            hint={t('web.cancel.accountHint')}
            error={submission.errorFor('refundAccount.accountNumber')}
          >
            {(control) => <input {...control} autoComplete="off" inputMode="text" value={account.accountNumber} onInput={setField('accountNumber')} />}
          </Field>
          <Field path="refundAccount.bankName" label={LABELS['refundAccount.bankName']} error={submission.errorFor('refundAccount.bankName')}>
            {(control) => <input {...control} value={account.bankName} onInput={setField('bankName')} />}
          </Field>
          <Field
            path="refundAccount.bankBranch"
            label={t('web.cancel.optional', { label: LABELS['refundAccount.bankBranch'] })}
            error={submission.errorFor('refundAccount.bankBranch')}
          >
            {(control) => <input {...control} value={account.bankBranch} onInput={setField('bankBranch')} />}
          </Field>
        </fieldset>
      ) : null}
      <Confirm
        action={t('web.cancel.action', { paid: paid ? 'yes' : 'no' })}
        question={t('web.cancel.question', { paid: paid ? 'yes' : 'no', number: order.number })}
        confirm={t('web.cancel.confirm', { paid: paid ? 'yes' : 'no' })}
        keep={t('web.cancel.keep')}
        busy={submission.submitting}
        ready={submission.ready}
        onConfirm={submission.submit}
      />
      <p>
        <a href={`${APP_BASE}/orders/${order.id}`}>{t('web.backToOrder')}</a>
      </p>
    </form>
  );
}
