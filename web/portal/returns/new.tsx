// Request a return (seed 002's "Add"): the lines still returnable and their
// deadline, how many of each and why, the refund method the shop allows (an
// IBAN for a bank transfer), photos uploaded straight to S3, the terms.

import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ibanOf } from '#shared/domain/iban';
import type { Order } from '#shared/domain/order';
import type { Reason } from '#shared/domain/reason';
import type { ReturnPolicy } from '#shared/domain/return-policy';
import type { RefundMethod, ReturnableItem } from '#shared/domain/return-request';
import { api, useIntentKey } from '../../api/client.ts';
import { onFormFields } from '../../api/problem.ts';
import { APP_BASE } from '../../base.ts';
import { ErrorSummary, Field, FieldMessage, inputValue, invalidFor, RadioGroup, useSubmission } from '../../ui/form.tsx';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { announce } from '../../ui/status-message.tsx';
import { loadPolicy } from '../policy.ts';
import { type ItemChoice, ItemChoices } from './item-choices.tsx';
import { Photos, type Upload } from './photos.tsx';

export function NewReturn({ orderId }: { orderId: string }) {
  const [state, reload] = useLoad(
    (signal) =>
      Promise.all([
        api('orders.get', { params: { orderId }, signal }),
        api('returns.returnableItems', { params: { orderId }, signal }),
        api('settings.reasons', { query: { kind: 'return' }, signal }),
        loadPolicy(),
      ]),
    [orderId],
  );
  return (
    <Loaded state={state} onRetry={reload}>
      {([order, returnable, reasons, policy]) => (
        <>
          <h1>Return items from order {order.number}</h1>
          <ReturnForm order={order} items={returnable.items} reasons={reasons.items} policy={policy} />
        </>
      )}
    </Loaded>
  );
}

const METHOD_LABEL: Record<RefundMethod, string> = {
  card: 'Back to my card',
  bank_transfer: 'Bank transfer to my account',
  voucher: 'Store voucher',
  store_credit: 'Store credit',
};

const LABELS: Record<string, string> = {
  items: 'Items',
  refundMethod: 'Refund method',
  iban: 'IBAN',
  accountHolder: 'Account holder',
  extraComment: 'Comment',
  termsAccepted: 'Return terms',
  attachments: 'Photos or documents',
};

/**
 * The server names items and files by their index in the body; the form names
 * items by line id (a line's own refusal goes beside its quantity) and has one
 * field for every file, whose message then says which file.
 */
const byLine = (sent: readonly string[], files: readonly string[]) =>
  onFormFields((e) => {
    const file = /^attachments\.(\d+)/.exec(e.path);
    if (file) return { path: 'attachments', message: `${files[Number(file[1])] ?? 'a file'} ${e.message}` };
    const path = e.path.replace(/^items\.(\d+)/, (m, i: string) => (sent[Number(i)] ? `items.${sent[Number(i)]}` : m));
    return { ...e, path: path.replace(/^(items\.[^.]+)\.lineItemId$/, '$1.quantity') };
  });

function ReturnForm({ order, items, reasons, policy }: { order: Order; items: readonly ReturnableItem[]; reasons: readonly Reason[]; policy: ReturnPolicy }) {
  const { route } = useLocation();
  // `card` only when the order was paid by card (API.md eligibility).
  const methods = policy.returns.refundMethods.filter((m) => m !== 'card' || order.paymentMethod === 'card');
  const [choices, setChoices] = useState<Readonly<Record<string, ItemChoice>>>({});
  const [refundMethod, setRefundMethod] = useState<RefundMethod | ''>(methods.length === 1 ? (methods[0] ?? '') : '');
  const [iban, setIban] = useState('');
  const [accountHolder, setAccountHolder] = useState(order.customer.name);
  const [extraComment, setExtraComment] = useState('');
  const [termsAccepted, setTermsAccepted] = useState(false);
  const [uploads, setUploads] = useState<readonly Upload[]>([]);
  const chosen = Object.entries(choices).filter(([, c]) => c.quantity > 0);
  // One key per request as filled in: a retry after a network error is the same request, filed once.
  const intent = useIntentKey();
  const submission = useSubmission(
    () => {
      const sent = chosen.map(([lineItemId]) => lineItemId);
      const files = uploads.filter((u) => u.id);
      const body = {
        orderId: order.id,
        items: chosen.map(([lineItemId, c]) => ({
          lineItemId,
          quantity: c.quantity,
          reasonId: c.reasonId,
          ...(c.reasonText.trim() ? { reasonText: c.reasonText } : {}),
        })),
        refundMethod: refundMethod as RefundMethod,
        ...(refundMethod === 'bank_transfer' ? { iban, accountHolder } : {}),
        ...(extraComment.trim() ? { extraComment } : {}),
        attachments: files.flatMap((u) => (u.id ? [u.id] : [])),
        termsAccepted,
      };
      return api('returns.create', { idempotencyKey: intent.keyFor(body), body }).catch(
        byLine(
          sent,
          files.map((u) => u.name),
        ),
      );
    },
    (created) => {
      const page = `${APP_BASE}/returns/${created.id}`;
      announce(`Your return request for order ${order.number} was sent. We have emailed you a receipt; the shop will tell you what happens next.`, page);
      route(page);
    },
    () => [
      ...(chosen.length === 0 ? [{ path: 'items', message: 'Choose at least one item to return' }] : []),
      ...chosen.flatMap(([lineItemId, c]) => (c.reasonId ? [] : [{ path: `items.${lineItemId}.reasonId`, message: 'Choose a reason' }])),
      ...(refundMethod ? [] : [{ path: 'refundMethod', message: 'Choose how you want your refund' }]),
      ...(refundMethod === 'bank_transfer' && !ibanOf(iban) ? [{ path: 'iban', message: 'is not a valid IBAN' }] : []),
      ...(policy.returns.termsUrl && !termsAccepted ? [{ path: 'termsAccepted', message: 'Accept the return terms to continue' }] : []),
      ...(uploads.some((u) => !u.id && !u.error) ? [{ path: 'attachments', message: 'Wait for the uploads to finish' }] : []),
    ],
  );
  const labels = {
    ...LABELS,
    ...Object.fromEntries(
      items.flatMap((i) => [
        [`items.${i.lineItemId}.quantity`, `Quantity of ${i.title}`],
        [`items.${i.lineItemId}.reasonId`, `Reason for ${i.title}`],
      ]),
    ),
  };
  return (
    <form onSubmit={submission.onSubmit} noValidate>
      <ErrorSummary error={submission.error} labels={labels} />
      <ItemChoices items={items} reasons={reasons} choices={choices} onChange={setChoices} errorFor={submission.errorFor} />

      <RadioGroup
        path="refundMethod"
        legend={LABELS.refundMethod}
        options={methods.map((m) => [m, METHOD_LABEL[m]] as const)}
        value={refundMethod}
        onChange={setRefundMethod}
        error={submission.errorFor('refundMethod')}
      />
      {refundMethod === 'bank_transfer' ? (
        <>
          <Field path="iban" label={LABELS.iban} hint="For example GB33 BUKB 2020 1555 5555 55." error={submission.errorFor('iban')}>
            {(control) => <input {...control} autoComplete="off" spellcheck={false} value={iban} onInput={(e) => setIban(inputValue(e))} />}
          </Field>
          <Field path="accountHolder" label={LABELS.accountHolder} error={submission.errorFor('accountHolder')}>
            {(control) => <input {...control} autoComplete="name" value={accountHolder} onInput={(e) => setAccountHolder(inputValue(e))} />}
          </Field>
        </>
      ) : null}

      {policy.attachments.enabled ? <Photos limits={policy.attachments} error={submission.errorFor('attachments')} onChange={setUploads} /> : null}

      <Field path="extraComment" label="Anything else we should know? (optional)" hint="Up to 250 characters." error={submission.errorFor('extraComment')}>
        {(control) => <textarea {...control} rows={3} maxLength={250} value={extraComment} onInput={(e) => setExtraComment(inputValue(e))} />}
      </Field>

      {policy.returns.termsUrl ? (
        <div class="field">
          <FieldMessage path="termsAccepted" error={submission.errorFor('termsAccepted')} />
          <label>
            <input
              type="checkbox"
              id="field-termsAccepted"
              checked={termsAccepted}
              onChange={(e) => setTermsAccepted(e.currentTarget.checked)}
              {...invalidFor('termsAccepted', submission.errorFor('termsAccepted'))}
            />
            I accept the{' '}
            <a href={policy.returns.termsUrl} target="_blank" rel="noopener noreferrer">
              return terms (opens in a new tab)
            </a>
          </label>
        </div>
      ) : null}
      <p>
        <small>Returns are accepted within {policy.returns.maxDays} days of delivery. Refunds are paid once the shop has checked the items.</small>
      </p>
      <div class="actions">
        <button type="submit" aria-busy={submission.submitting}>
          Send return request
        </button>
        <a href={`${APP_BASE}/orders/${order.id}`}>Back to the order</a>
      </div>
    </form>
  );
}
