// One of my returns (seed 002's "Details"): items and their verdicts, my photos
// and comment, the refund (how its amount was reached, and whether the money
// has arrived: `owed` is what its refund still has to pay), the status history,
// comments (mine and the shop's visible ones), and withdrawing it while it is
// still `new` (asking first).
import { useState } from 'preact/hooks';
import type { ReturnRequest } from '#shared/domain/return-request';
import { api, useIntentKey } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { AmountTable } from '../../ui/amount-table.tsx';
import { AttachmentList } from '../../ui/attachments.tsx';
import { Confirm } from '../../ui/confirm.tsx';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { formatDateTime, money, words } from '../../ui/format.ts';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { announce } from '../../ui/status-message.tsx';
import { TableScroll } from '../../ui/table-scroll.tsx';
import { Timeline } from '../../ui/timeline.tsx';
import { customerFacingActor } from '../actor.ts';

export function ReturnDetail({ returnId }: { returnId: string }) {
  const [state, reload] = useLoad(
    (signal) => Promise.all([api('returns.get', { params: { returnId }, signal }), api('settings.reasons', { query: { kind: 'return' }, signal })]),
    [returnId],
  );
  return (
    <Loaded state={state} onRetry={reload}>
      {([request, reasons]) => {
        const reasonLabel = (id: string) => reasons.items.find((r) => r.id === id)?.label ?? 'Other';
        return (
          <>
            <hgroup>
              <h1>Return for order {request.orderNumber}</h1>
              <p>
                Requested {formatDateTime(request.createdAt)} · <StatusBadge status={request.status} />
              </p>
            </hgroup>
            <p>
              <a href={`${APP_BASE}/orders/${request.orderId}`}>View order {request.orderNumber}</a>
            </p>
            {request.status === 'new' ? <Withdraw request={request} onDone={reload} /> : null}
            {request.rejectionReason ? (
              <p class="notice">
                <strong>Why it was declined:</strong> {request.rejectionReason}
              </p>
            ) : null}

            <section aria-labelledby="items">
              <h2 id="items">Items</h2>
              <TableScroll label="Items to return">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Item</th>
                      <th scope="col" class="amount">
                        Quantity
                      </th>
                      <th scope="col">Reason</th>
                      <th scope="col">Checked</th>
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
                        <td>{item.goodQuantity === null ? 'Not yet' : <StatusBadge status={item.status} />}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>

            {request.extraComment || request.attachments.length > 0 ? (
              <section aria-labelledby="sent">
                <h2 id="sent">What you sent</h2>
                {request.extraComment ? (
                  <blockquote>
                    <p>{request.extraComment}</p>
                  </blockquote>
                ) : null}
                {request.attachments.length > 0 ? <AttachmentList ids={request.attachments} sentBy="Your file" /> : null}
              </section>
            ) : null}

            <Refund request={request} />

            <section aria-labelledby="history">
              <h2 id="history">History</h2>
              <Timeline
                entries={request.statusHistory.map((h) => ({ status: h.status, at: h.at, by: customerFacingActor(h.submittedBy) }))}
                label="Return history"
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
  const to = `${words(request.refundMethod)}${request.refundMethod === 'bank_transfer' && request.iban ? ` to ${request.iban}` : ''}`;
  const title = (lineItemId: string) => request.items.find((i) => i.lineItemId === lineItemId)?.title ?? 'Item';
  const b = request.breakdown;
  return (
    <section aria-labelledby="refund">
      <h2 id="refund">Refund</h2>
      <p>
        {to}: {request.refundAmount === null ? 'the amount is set once the shop has checked your items.' : m(request.refundAmount)}
      </p>
      {request.refundAmount !== null ? (
        <p>
          <strong>Status: </strong>
          {refundState(request, m)}
        </p>
      ) : null}
      {b ? (
        <AmountTable
          caption="How your refund was worked out"
          rows={[
            ...b.items
              .filter((line) => line.goodQuantity > 0)
              .map((line): [string, string] => [`${title(line.lineItemId)} × ${line.goodQuantity}`, m(line.amount)]),
            ...(b.refundedShipping > 0 ? [['Shipping refunded', m(b.refundedShipping)] as [string, string]] : []),
            ...(b.restockFee > 0 ? [['Restocking fee', `− ${m(b.restockFee)}`] as [string, string]] : []),
            ...(b.shippingDeduction > 0 ? [['Shipping kept back', `− ${m(b.shippingDeduction)}`] as [string, string]] : []),
          ]}
          total={['Total refund', m(b.refundAmount)]}
        />
      ) : null}
      {request.voucherCode ? (
        <p>
          Your voucher code: <strong>{request.voucherCode}</strong>
        </p>
      ) : null}
    </section>
  );
}

const refundState = (request: ReturnRequest, m: (amount: number) => string): string => {
  if (request.status === 'denied' || request.status === 'cancelled') return 'nothing is refunded.';
  if (request.status !== 'refunded') return 'not paid yet: the shop pays it once your return is approved.';
  // Requests refunded before refunds carried `owed` say only that the shop issued it.
  if (request.owed === undefined || request.owed === null) return 'issued by the shop.';
  if (request.owed === 0) return 'paid.';
  return request.owed === request.refundAmount ? 'pending: on its way to you, not paid yet.' : `pending: ${m(request.owed)} of it is not paid yet.`;
};

function Withdraw({ request, onDone }: { request: ReturnRequest; onDone: () => void }) {
  const submission = useSubmission(
    () => api('returns.cancel', { params: { returnId: request.id }, ifMatch: request.version }),
    () => {
      announce('Your return request was withdrawn. Nothing is refunded and the items stay yours.');
      onDone();
    },
  );
  return (
    <div class="danger-zone">
      <ErrorSummary error={submission.error} />
      <Confirm
        action="Withdraw this return"
        question="Are you sure you want to withdraw this return request? It cannot be undone."
        confirm="Yes, withdraw it"
        keep="No, keep it"
        busy={submission.submitting}
        onConfirm={submission.submit}
      >
        <p>The items stay yours and nothing is refunded. You can ask for a new return while the order is still returnable.</p>
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
      announce('Comment sent. The shop has been told.');
      intent.renew();
      setBody('');
      onDone();
    },
    () => (body.trim() ? [] : [{ path: 'body', message: 'Write a comment first' }]),
  );
  return (
    <section aria-labelledby="comments">
      <h2 id="comments">Comments</h2>
      {request.comments.length === 0 ? (
        <Empty>No comments yet.</Empty>
      ) : (
        <ul>
          {request.comments.map((c) => (
            <li key={c.id}>
              <strong>{customerFacingActor(c.submittedBy) === 'you' ? 'You' : 'The shop'}</strong>,{' '}
              <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>: {c.body}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submission.onSubmit} noValidate>
        <ErrorSummary error={submission.error} labels={{ body: 'Comment' }} />
        <Field path="body" label="Add a comment" error={submission.errorFor('body')}>
          {(control) => <textarea {...control} rows={3} maxLength={2000} value={body} onInput={(e) => setBody(inputValue(e))} />}
        </Field>
        <button type="submit" aria-busy={submission.submitting}>
          Send comment
        </button>
      </form>
    </section>
  );
}
