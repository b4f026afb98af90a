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
import { api } from '../../api/client.ts';
import { useIntentKey } from '../../api/intent-key.ts';
import { onFormFields } from '../../api/problem.ts';
import { APP_BASE } from '../../base.ts';
import { t } from '../../i18n/locale.ts';
import { ErrorSummary, Field, inputValue, RadioGroup, useSubmission } from '../../ui/form.tsx';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { announce } from '../../ui/status-message.tsx';
import { loadPolicy } from '../policy.ts';
import { TermsCheckbox } from '../terms.tsx';
import { CreditBonus } from './credit-bonus.tsx';
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
          <h1>{t('web.newReturn.title', { number: order.number })}</h1>
          <ReturnForm order={order} items={returnable.items} reasons={reasons.items} policy={policy} />
        </>
      )}
    </Loaded>
  );
}

/** The form's fields by path, in the reader's language (the error summary names them). */
const fieldLabels = (): Record<string, string> => ({
  items: t('web.items'),
  refundMethod: t('web.newReturn.refundMethod'),
  iban: t('web.newReturn.iban'),
  accountHolder: t('web.newReturn.accountHolder'),
  extraComment: t('web.comment'),
  termsAccepted: t('web.newReturn.terms'),
  attachments: t('web.photos.field'),
});

/**
 * The server names items and files by their index in the body; the form names
 * items by line id (a line's own refusal goes beside its quantity) and has one
 * field for every file, whose message then says which file.
 */
const byLine = (sent: readonly string[], files: readonly string[]) =>
  onFormFields((e) => {
    const file = /^attachments\.(\d+)/.exec(e.path);
    if (file) return { path: 'attachments', message: t('web.photos.fileError', { file: files[Number(file[1])] ?? '', message: e.message }) };
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
      announce(t('web.newReturn.sent', { number: order.number }), page);
      route(page);
    },
    () => [
      ...(chosen.length === 0 ? [{ path: 'items', message: t('web.newReturn.chooseItem') }] : []),
      ...chosen.flatMap(([lineItemId, c]) => (c.reasonId ? [] : [{ path: `items.${lineItemId}.reasonId`, message: t('web.newReturn.chooseReason') }])),
      ...(refundMethod ? [] : [{ path: 'refundMethod', message: t('web.newReturn.chooseMethod') }]),
      ...(refundMethod === 'bank_transfer' && !ibanOf(iban) ? [{ path: 'iban', message: t('web.newReturn.badIban') }] : []),
      ...(policy.returns.termsUrl && !termsAccepted ? [{ path: 'termsAccepted', message: t('web.newReturn.acceptTerms') }] : []),
      ...(uploads.some((u) => !u.id && !u.error) ? [{ path: 'attachments', message: t('web.photos.wait') }] : []),
    ],
  );
  const LABELS = fieldLabels();
  const labels = {
    ...LABELS,
    ...Object.fromEntries(
      items.flatMap((i) => [
        [`items.${i.lineItemId}.quantity`, t('web.newReturn.quantityOf', { title: i.title })],
        [`items.${i.lineItemId}.reasonId`, t('web.newReturn.reasonFor', { title: i.title })],
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
        options={methods.map((m) => [m, t('web.newReturn.method', { method: m })] as const)}
        value={refundMethod}
        onChange={setRefundMethod}
        error={submission.errorFor('refundMethod')}
      />
      {methods.includes('store_credit') ? <CreditBonus order={order} bonus={policy.storeCredit.bonus} chosen={chosen} /> : null}
      {refundMethod === 'bank_transfer' ? (
        <>
          <Field
            path="iban"
            label={LABELS.iban}
            hint={t('web.newReturn.ibanHint', { example: 'GB33 BUKB 2020 1555 5555 55' })}
            error={submission.errorFor('iban')}
          >
            {(control) => <input {...control} autoComplete="off" spellcheck={false} value={iban} onInput={(e) => setIban(inputValue(e))} />}
          </Field>
          <Field path="accountHolder" label={LABELS.accountHolder} error={submission.errorFor('accountHolder')}>
            {(control) => <input {...control} autoComplete="name" value={accountHolder} onInput={(e) => setAccountHolder(inputValue(e))} />}
          </Field>
        </>
      ) : null}

      {policy.attachments.enabled ? <Photos limits={policy.attachments} error={submission.errorFor('attachments')} onChange={setUploads} /> : null}

      <Field path="extraComment" label={t('web.newReturn.extraComment')} hint={t('web.upTo', { n: 250 })} error={submission.errorFor('extraComment')}>
        {(control) => <textarea {...control} rows={3} maxLength={250} value={extraComment} onInput={(e) => setExtraComment(inputValue(e))} />}
      </Field>

      {policy.returns.termsUrl ? (
        <TermsCheckbox termsUrl={policy.returns.termsUrl} checked={termsAccepted} onChange={setTermsAccepted} error={submission.errorFor('termsAccepted')} />
      ) : null}
      <p>
        <small>{t('web.newReturn.window', { days: policy.returns.maxDays })}</small>
      </p>
      <div class="actions">
        <button type="submit" aria-busy={submission.submitting}>
          {t('web.newReturn.send')}
        </button>
        <a href={`${APP_BASE}/orders/${order.id}`}>{t('web.backToOrder')}</a>
      </div>
    </form>
  );
}
