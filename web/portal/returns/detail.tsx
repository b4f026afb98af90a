// One of my returns (seed 002's "Details"): items and their verdicts, my photos
// and comment, the refund (how its amount was reached, and whether the money
// has arrived: `owed` is what its refund still has to pay), the status history,
// comments (mine and the shop's visible ones), and withdrawing it while it is
// still `new` (asking first).
import { useState } from 'preact/hooks';
import type { ReturnRequest } from '#shared/domain/return-request';
import { api } from '../../api/client.ts';
import { useIntentKey } from '../../api/intent-key.ts';
import { APP_BASE } from '../../base.ts';
import { t } from '../../i18n/locale.ts';
import { AttachmentList } from '../../parts/attachments.tsx';
import { AmountTable } from '../../ui/amount-table.tsx';
import { Confirm } from '../../ui/confirm.tsx';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { formatDateTime, money } from '../../ui/format.ts';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { announce } from '../../ui/status-message.tsx';
import { TableScroll } from '../../ui/table-scroll.tsx';
import { Timeline } from '../../ui/timeline.tsx';
import { actorWords, customerFacingActor } from '../actor.ts';

export function ReturnDetail({ returnId }: { returnId: string }) {
  const [state, reload] = useLoad(
    (signal) => Promise.all([api('returns.get', { params: { returnId }, signal }), api('settings.reasons', { query: { kind: 'return' }, signal })]),
    [returnId],
  );
  return (
    <Loaded state={state} onRetry={reload}>
      {([request, reasons]) => {
        const reasonLabel = (id: string) => reasons.items.find((r) => r.id === id)?.label ?? t('web.reason.other');
        return (
          <>
            <hgroup>
              <h1>{t('web.return.name', { number: request.orderNumber })}</h1>
              <p>
                {t('web.return.requested', { date: formatDateTime(request.createdAt) })} · <StatusBadge status={request.status} kind="return" />
              </p>
            </hgroup>
            <p>
              <a href={`${APP_BASE}/orders/${request.orderId}`}>{t('web.return.viewOrder', { number: request.orderNumber })}</a>
            </p>
            {request.status === 'new' ? <Withdraw request={request} onDone={reload} /> : null}
            {request.rejectionReason ? (
              <p class="notice">
                <strong>{t('web.return.declinedWhy')}</strong> {request.rejectionReason}
              </p>
            ) : null}

            <section aria-labelledby="items">
              <h2 id="items">{t('web.items')}</h2>
              <TableScroll label={t('web.return.itemsLabel')}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('web.col.item')}</th>
                      <th scope="col" class="amount">
                        {t('web.col.quantity')}
                      </th>
                      <th scope="col">{t('web.col.reason')}</th>
                      <th scope="col">{t('web.col.checked')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {request.items.map((item) => (
                      <tr key={item.lineItemId}>
                        <td>{item.title}</td>
                        <td class="amount">{item.quantity}</td>
                        <td>
                          {reasonLabel(item.reasonId)}
                          {item.reasonText ? `: ${item.reasonText}` : ''}
                        </td>
                        <td>{item.goodQuantity === null ? t('web.return.notYet') : <StatusBadge status={item.status} kind="return" />}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>

            {request.extraComment || request.attachments.length > 0 ? (
              <section aria-labelledby="sent">
                <h2 id="sent">{t('web.return.whatYouSent')}</h2>
                {request.extraComment ? (
                  <blockquote>
                    <p>{request.extraComment}</p>
                  </blockquote>
                ) : null}
                {request.attachments.length > 0 ? <AttachmentList ids={request.attachments} sentBy={t('web.return.yourFile')} /> : null}
              </section>
            ) : null}

            <Refund request={request} />

            <section aria-labelledby="history">
              <h2 id="history">{t('web.history')}</h2>
              <Timeline
                entries={request.statusHistory.map((h) => ({ status: h.status, at: h.at, by: actorWords(h.submittedBy) }))}
                label={t('web.return.history')}
                kind="return"
              />
            </section>

            <Comments request={request} onDone={reload} />
          </>
        );
      }}
    </Loaded>
  );
}

/**
 * Where the money is: the amount only once the shop has checked the items,
 * how it was reached, and "paid" only when the refund owes nothing (a card
 * refund stays pending until the bank confirms it).
 */
function Refund({ request }: { request: ReturnRequest }) {
  const m = (amount: number) => money(amount, request.currency);
  const to =
    request.refundMethod === 'bank_transfer' && request.iban
      ? t('web.refund.toIban', { iban: request.iban })
      : t('method.refund', { method: request.refundMethod });
  const title = (lineItemId: string) => request.items.find((i) => i.lineItemId === lineItemId)?.title ?? t('item.untitled');
  const b = request.breakdown;
  return (
    <section aria-labelledby="refund">
      <h2 id="refund">{t('web.col.refund')}</h2>
      <p>
        {to}: {request.refundAmount === null ? t('web.refund.notSet') : m(request.refundAmount)}
      </p>
      {request.refundAmount !== null ? (
        <p>
          <strong>{t('web.refund.status')} </strong>
          {refundState(request, m)}
        </p>
      ) : null}
      {b ? (
        <AmountTable
          caption={t('web.refund.howWorkedOut')}
          rows={[
            ...b.items
              .filter((line) => line.goodQuantity > 0)
              .map((line): [string, string] => [t('item.line', { title: title(line.lineItemId), quantity: line.goodQuantity }), m(line.amount)]),
            ...(b.refundedShipping > 0 ? [[t('web.refund.shipping'), m(b.refundedShipping)] as [string, string]] : []),
            ...(b.restockFee > 0 ? [[t('web.refund.restockFee'), `− ${m(b.restockFee)}`] as [string, string]] : []),
            ...(b.shippingDeduction > 0 ? [[t('web.refund.shippingKept'), `− ${m(b.shippingDeduction)}`] as [string, string]] : []),
          ]}
          total={[t('web.refund.total'), m(b.refundAmount)]}
        />
      ) : null}
      {request.voucherCode ? (
        <p>
          {t('web.refund.voucher')} <strong>{request.voucherCode}</strong>
        </p>
      ) : null}
    </section>
  );
}

const refundState = (request: ReturnRequest, m: (amount: number) => string): string => {
  if (request.status === 'denied' || request.status === 'cancelled') return t('web.refund.state', { state: 'none' });
  if (request.status !== 'refunded') return t('web.refund.state', { state: 'unpaid' });
  // Requests refunded before refunds carried `owed` say only that the shop issued it.
  if (request.owed === undefined || request.owed === null) return t('web.refund.state', { state: 'issued' });
  if (request.owed === 0) return t('web.refund.state', { state: 'paid' });
  return request.owed === request.refundAmount ? t('web.refund.state', { state: 'pending' }) : t('web.refund.partlyPending', { owed: m(request.owed) });
};

function Withdraw({ request, onDone }: { request: ReturnRequest; onDone: () => void }) {
  const submission = useSubmission(
    () => api('returns.cancel', { params: { returnId: request.id }, ifMatch: request.version }),
    () => {
      announce(t('web.withdraw.done'));
      onDone();
    },
  );
  return (
    <div class="danger-zone">
      <ErrorSummary error={submission.error} />
      <Confirm
        action={t('web.withdraw.action')}
        question={t('web.withdraw.question')}
        confirm={t('web.withdraw.confirm')}
        keep={t('web.keepIt')}
        busy={submission.submitting}
        onConfirm={submission.submit}
      >
        <p>{t('web.withdraw.explain')}</p>
      </Confirm>
    </div>
  );
}

function Comments({ request, onDone }: { request: ReturnRequest; onDone: () => void }) {
  const [body, setBody] = useState('');
  const intent = useIntentKey();
  const submission = useSubmission(
    () => api('returns.comment', { params: { returnId: request.id }, body: { body }, idempotencyKey: intent.keyFor({ body }) }),
    () => {
      announce(t('web.comment.sent'));
      intent.renew();
      setBody('');
      onDone();
    },
    () => (body.trim() ? [] : [{ path: 'body', message: t('web.comment.empty') }]),
  );
  return (
    <section aria-labelledby="comments">
      <h2 id="comments">{t('web.comments')}</h2>
      {request.comments.length === 0 ? (
        <Empty>{t('web.comments.none')}</Empty>
      ) : (
        <ul>
          {request.comments.map((c) => (
            <li key={c.id}>
              <strong>{t('web.comment.author', { who: customerFacingActor(c.submittedBy) })}</strong>,{' '}
              <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>: {c.body}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submission.onSubmit} noValidate>
        <ErrorSummary error={submission.error} labels={{ body: t('web.comment') }} />
        <Field path="body" label={t('web.comment.add')} error={submission.errorFor('body')}>
          {(control) => <textarea {...control} rows={3} maxLength={2000} value={body} onInput={(e) => setBody(inputValue(e))} />}
        </Field>
        <button type="submit" aria-busy={submission.submitting}>
          {t('web.comment.send')}
        </button>
      </form>
    </section>
  );
}
