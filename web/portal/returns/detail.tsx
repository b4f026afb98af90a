// One of my returns (seed 002's "Details"): items and their verdicts, the
// refund, the status history, comments (mine and the shop's visible ones), and
// withdrawing it while it is still `new`.
import { useState } from 'preact/hooks';
import type { ReturnRequest } from '#shared/domain/return-request';
import { api, newIdempotencyKey } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { formatDateTime, money, words } from '../../ui/format.ts';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
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
        const m = (amount: number) => money(amount, request.currency);
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
              <div class="table-scroll">
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
              </div>
            </section>

            <section aria-labelledby="refund">
              <h2 id="refund">Refund</h2>
              <p>
                {words(request.refundMethod)}
                {request.refundMethod === 'bank_transfer' && request.iban ? ` to ${request.iban}` : ''}
                {request.refundAmount === null ? ': the amount is set once the shop has checked your items.' : `: ${m(request.refundAmount)}`}
                {request.status === 'refunded' ? ' (paid)' : ''}
              </p>
              {request.voucherCode ? (
                <p>
                  Your voucher code: <strong>{request.voucherCode}</strong>
                </p>
              ) : null}
            </section>

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

function Withdraw({ request, onDone }: { request: ReturnRequest; onDone: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const submission = useSubmission(() => api('returns.cancel', { params: { returnId: request.id }, ifMatch: request.version }), onDone);
  if (!confirming) {
    return (
      <button type="button" class="secondary" onClick={() => setConfirming(true)}>
        Withdraw this return
      </button>
    );
  }
  return (
    <form onSubmit={submission.onSubmit} class="notice">
      <ErrorSummary error={submission.error} />
      <p>Withdraw this return request? The items stay yours and nothing is refunded.</p>
      <div class="actions">
        <button type="submit" aria-busy={submission.submitting}>
          Yes, withdraw it
        </button>
        <button type="button" class="secondary" onClick={() => setConfirming(false)}>
          No, keep it
        </button>
      </div>
    </form>
  );
}

function Comments({ request, onDone }: { request: ReturnRequest; onDone: () => void }) {
  const [body, setBody] = useState('');
  const submission = useSubmission(
    () => api('returns.comment', { params: { returnId: request.id }, body: { body }, idempotencyKey: newIdempotencyKey() }),
    () => {
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
