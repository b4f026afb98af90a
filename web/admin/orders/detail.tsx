// One order, as staff run it (seed 000's order page, Medusa's order view): its
// lines, addresses, payment and timeline; the legal next statuses; documents;
// notes; refunds with their transactions; and cancelling it outright.

import { api } from '../../api/client.ts';
import { DocumentButtons } from '../../parts/documents.tsx';
import { formatDateTime, words } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { AdminCancel } from './cancel-form.tsx';
import { OrderFacts } from './facts.tsx';
import { Notes } from './notes.tsx';
import type { AdminOrder } from './order.ts';
import { RefundForm } from './refund-form.tsx';
import { Refunds } from './refunds.tsx';
import { Related, useFiled } from './related.tsx';
import { OrderStatusActions } from './status-actions.tsx';

export function OrderDetail({ orderId }: { orderId: string }) {
  const [state, reload] = useLoad((signal) => api('orders.adminGet', { params: { orderId }, signal }), [orderId]);
  return (
    <Loaded state={state} onRetry={reload}>
      {(order) => <OrderView order={order} onChange={reload} />}
    </Loaded>
  );
}

function OrderView({ order, onChange }: { order: AdminOrder; onChange: () => void }) {
  const [filed, reloadFiled] = useFiled(order);
  return (
    <>
      <hgroup>
        <h1>Order {order.number}</h1>
        <p>
          <StatusBadge status={order.status} /> Placed {formatDateTime(order.createdAt)} by {order.customer.name} · payment{' '}
          {words(order.paymentStatus).toLowerCase()}
        </p>
      </hgroup>
      <OrderStatusActions order={order} onChange={onChange} />
      <DocumentButtons orderId={order.id} number={order.number} paid={order.paymentStatus !== 'unpaid'} />
      <OrderFacts order={order} returns={filed.status === 'ok' ? filed.data[0].items : null} />
      <Related state={filed} reload={reloadFiled} />
      <Notes order={order} />
      <Refunds order={order} onChange={onChange} />
      <RefundForm order={order} onChange={onChange} />
      <AdminCancel order={order} onChange={onChange} />
    </>
  );
}
