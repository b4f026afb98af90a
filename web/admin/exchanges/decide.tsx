// The decisions an exchange's status allows: approve a request (its outbound
// stock is taken; short stock is refused naming the SKUs) or deny it with a
// reason the customer reads; cancel one whose difference is still unpaid; and
// record a payment taken outside any provider while no payment page is open
// (an open page is the provider's to settle). Deny and cancel are final, so
// they ask first in the page; every decision says what it did.
import { useState } from 'preact/hooks';
import { adminMayCancel } from '#shared/domain/exchange-status';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { t } from '../../i18n/locale.ts';
import { Confirm } from '../../ui/confirm.tsx';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { announce } from '../../ui/status-message.tsx';
import type { AdminExchange } from './words.ts';

interface Props {
  readonly exchange: AdminExchange;
  readonly orderNumber: string;
  readonly onChange: () => void;
}

export function DecideExchange(props: Props) {
  const { status, payment } = props.exchange;
  const requested = status === 'requested';
  const payable = status === 'awaiting_payment' && payment === null;
  const cancellable = adminMayCancel(status);
  return (
    <section aria-labelledby="exchange-actions" class="decide">
      <h2 id="exchange-actions">{t('web.admin.exchange.actions')}</h2>
      {requested ? <Approve {...props} /> : null}
      {requested ? <Deny {...props} /> : null}
      {payable ? <RecordPayment {...props} /> : null}
      {cancellable ? <Cancel {...props} /> : null}
      {!requested && !payable && !cancellable ? <p>{t('web.admin.exchange.nothingToDecide')}</p> : null}
    </section>
  );
}

/** A 409 naming short SKUs, said in plain words; any other failure as the API said it. */
const shortStockInWords = (failure: unknown): never => {
  const skus = failure instanceof ApiError && failure.status === 409 ? failure.problem['skus'] : undefined;
  if (!Array.isArray(skus) || skus.length === 0 || !(failure instanceof ApiError)) throw failure;
  throw new ApiError({ ...failure.problem, detail: t('web.admin.exchange.shortStock', { skus: skus.join(', ') }), errors: [] });
};

function Approve({ exchange, orderNumber, onChange }: Props) {
  const approval = useSubmission(
    () => api('exchanges.approve', { params: { id: exchange.id }, ifMatch: exchange.version }).catch(shortStockInWords),
    (approved) => {
      announce(t('web.admin.exchange.approved', { number: orderNumber, next: approved.status }));
      onChange();
    },
  );
  return (
    <form onSubmit={approval.onSubmit} aria-label={t('web.admin.exchange.approveLabel', { number: orderNumber })}>
      <ErrorSummary error={approval.error} />
      <button type="submit" aria-busy={approval.submitting}>
        {t('web.admin.exchange.approve')}
      </button>
    </form>
  );
}

function Deny({ exchange, orderNumber, onChange }: Props) {
  const [reason, setReason] = useState('');
  const denial = useSubmission(
    () => api('exchanges.deny', { params: { id: exchange.id }, body: { reason: reason.trim() }, ifMatch: exchange.version }),
    () => {
      announce(t('web.admin.exchange.denied', { number: orderNumber }));
      onChange();
    },
    () => (reason.trim() ? [] : [{ path: 'reason', message: t('web.admin.exchange.reasonMissing') }]),
  );
  const label = t('web.admin.exchange.reason');
  return (
    <form onSubmit={(e) => e.preventDefault()} aria-label={t('web.admin.exchange.denyLabel', { number: orderNumber })} noValidate>
      <ErrorSummary error={denial.error} labels={{ reason: label }} />
      <Field path="reason" label={label} hint={t('web.admin.exchange.reasonHint')} error={denial.errorFor('reason')}>
        {(c) => <textarea {...c} rows={2} maxLength={1000} value={reason} onInput={(e) => setReason(inputValue(e))} />}
      </Field>
      <Confirm
        action={t('web.admin.exchange.deny')}
        question={t('web.admin.exchange.denyQuestion')}
        confirm={t('web.admin.exchange.denyConfirm')}
        keep={t('web.admin.exchange.decideLater')}
        busy={denial.submitting}
        ready={denial.ready}
        onConfirm={denial.submit}
      >
        <p>{t('web.admin.exchange.denyExplain')}</p>
      </Confirm>
    </form>
  );
}

function Cancel({ exchange, orderNumber, onChange }: Props) {
  const cancel = useSubmission(
    () => api('exchanges.adminCancel', { params: { id: exchange.id }, ifMatch: exchange.version }),
    () => {
      announce(t('web.admin.exchange.cancelled', { number: orderNumber }));
      onChange();
    },
  );
  return (
    <form onSubmit={(e) => e.preventDefault()} aria-label={t('web.admin.exchange.cancelLabel', { number: orderNumber })}>
      <ErrorSummary error={cancel.error} />
      <Confirm
        action={t('web.admin.exchange.cancel')}
        question={t('web.admin.exchange.cancelQuestion')}
        confirm={t('web.admin.exchange.cancelConfirm')}
        keep={t('web.admin.exchange.keep')}
        busy={cancel.submitting}
        onConfirm={cancel.submit}
      >
        <p>{t('web.admin.exchange.cancelExplain')}</p>
      </Confirm>
    </form>
  );
}

function RecordPayment({ exchange, orderNumber, onChange }: Props) {
  const [reference, setReference] = useState('');
  const record = useSubmission(
    () => api('exchanges.recordPayment', { params: { id: exchange.id }, body: { status: 'paid', reference: reference.trim() }, ifMatch: exchange.version }),
    () => {
      announce(t('web.admin.exchange.paymentRecorded', { number: orderNumber }));
      onChange();
    },
    () => (reference.trim() ? [] : [{ path: 'reference', message: t('web.admin.exchange.referenceMissing') }]),
  );
  const label = t('web.admin.exchange.reference');
  return (
    <form onSubmit={record.onSubmit} aria-label={t('web.admin.exchange.paymentLabel', { number: orderNumber })} noValidate>
      <ErrorSummary error={record.error} labels={{ reference: label }} />
      <Field path="reference" label={label} hint={t('web.admin.exchange.referenceHint')} error={record.errorFor('reference')}>
        {(c) => <input {...c} maxLength={200} value={reference} onInput={(e) => setReference(inputValue(e))} />}
      </Field>
      <button type="submit" aria-busy={record.submitting}>
        {t('web.admin.exchange.recordPayment')}
      </button>
    </form>
  );
}
