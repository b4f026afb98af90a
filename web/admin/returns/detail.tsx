// One return request (seed 002's "Request details"): what the customer sent,
// their files, the verification beside the items, the package check with the
// refund it implies, the next statuses, comments and history.
import type { NextStatuses } from '#shared/domain/return-request';
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { formatDateTime, money, words } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { Timeline } from '../../ui/timeline.tsx';
import { Attachments } from './attachments.tsx';
import { Comments } from './comments.tsx';
import { ReturnItems } from './items.tsx';
import { PackageCheck } from './package.tsx';
import type { AdminReturn } from './request.ts';
import { ReturnStatusActions } from './status-actions.tsx';

export function ReturnDetail({ returnId }: { returnId: string }) {
  const [state, reload] = useLoad(
    (signal) =>
      Promise.all([
        api('returns.adminGet', { params: { returnId }, signal }),
        api('returns.nextStatuses', { params: { returnId }, signal }),
        api('settings.adminReasons', { query: { kind: 'return' }, signal }),
      ]),
    [returnId],
  );
  return (
    <Loaded state={state} onRetry={reload}>
      {([request, next, reasons]) => (
        <ReturnView request={request} next={next} reasonLabel={(id) => reasons.items.find((r) => r.id === id)?.label ?? id} onChange={reload} />
      )}
    </Loaded>
  );
}

function ReturnView({
  request,
  next,
  reasonLabel,
  onChange,
}: {
  request: AdminReturn;
  next: NextStatuses;
  reasonLabel: (id: string) => string;
  onChange: () => void;
}) {
  return (
    <>
      <hgroup>
        <h1>Return request for order {request.orderNumber}</h1>
        <p>
          <StatusBadge status={request.status} /> Filed {formatDateTime(request.createdAt)} · {request.id}
        </p>
      </hgroup>
      <ReturnStatusActions request={request} next={next} onChange={onChange} />
      <section aria-labelledby="request-title">
        <h2 id="request-title">Request</h2>
        <dl class="facts">
          <dt>Order</dt>
          <dd>
            <a href={`${APP_BASE}/admin/orders/${request.orderId}`}>Order {request.orderNumber}</a>
          </dd>
          <dt>Customer</dt>
          <dd>
            {request.customer.name}, {request.customer.email}
            {request.customer.phone ? `, ${request.customer.phone}` : ''}
          </dd>
          <dt>Refund method</dt>
          <dd>
            {words(request.refundMethod)}
            {request.iban ? ` · IBAN ${request.iban}` : ''}
            {request.accountHolder ? ` (${request.accountHolder})` : ''}
            {request.voucherCode ? ` · voucher ${request.voucherCode}` : ''}
          </dd>
          <dt>Pick-up address</dt>
          <dd>
            {[
              request.pickupAddress.name,
              request.pickupAddress.line1,
              request.pickupAddress.line2,
              request.pickupAddress.city,
              request.pickupAddress.postalCode,
              request.pickupAddress.country,
            ]
              .filter(Boolean)
              .join(', ')}
          </dd>
          <dt>Customer's comment</dt>
          <dd>{request.extraComment || '—'}</dd>
          <dt>Refund</dt>
          <dd>
            {request.refundAmount === null ? 'Not calculated yet' : money(request.refundAmount, request.currency)}
            {request.refundId ? (
              <>
                {' '}
                · <a href={`${APP_BASE}/admin/orders/${request.orderId}#refunds`}>refund {request.refundId}</a>
              </>
            ) : null}
          </dd>
        </dl>
      </section>
      <Attachments files={request.attachmentDetails} />
      <ReturnItems request={request} reasonLabel={reasonLabel} onChange={onChange} />
      <PackageCheck request={request} onChange={onChange} />
      <Comments request={request} onChange={onChange} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">Status history</h2>
        <Timeline entries={request.statusHistory.map((h) => ({ status: h.status, at: h.at, by: h.submittedBy }))} label="Status history" />
      </section>
    </>
  );
}
