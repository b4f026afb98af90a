// A customer's open cancellation request for one order. The API answers only
// "my cancellations" (newest first), so this walks them back to the order's
// creation, when none older can be about it. The server admits one open
// request per order; a rejected one frees the order to be asked about again.
import type { Cancellation } from '#shared/domain/cancellation';
import type { Order } from '#shared/domain/order';
import { isFinalOrderStatus } from '#shared/domain/order-transitions';
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { t } from '../../i18n/locale.ts';
import { formatDate } from '../../ui/format.ts';
import { customerMayCancel, loadPolicy } from '../policy.ts';

interface CancelState {
  /** The shop's policy lets me cancel an order in this status. */
  readonly allowed: boolean;
  /** My request still waiting for the shop: asking again would be refused (409) until it is decided. */
  readonly open: Cancellation | undefined;
}

/**
 * Whether I may cancel `order` now. A request stays open even if the policy
 * changed since, so it is looked for on any order not yet final.
 */
export const loadCancelState = async (order: Pick<Order, 'id' | 'status' | 'createdAt'>, signal: AbortSignal): Promise<CancelState> => {
  const [policy, open] = await Promise.all([loadPolicy(), isFinalOrderStatus(order.status) ? undefined : findOpenCancellation(order, signal)]);
  return { allowed: customerMayCancel(policy, order.status), open };
};

async function findOpenCancellation(order: Pick<Order, 'id' | 'createdAt'>, signal: AbortSignal): Promise<Cancellation | undefined> {
  let cursor: string | undefined;
  do {
    const page = await api('cancellations.list', { query: { limit: 100, ...(cursor ? { cursor } : {}) }, signal });
    const open = page.items.find((c) => c.orderId === order.id && c.status === 'requested');
    if (open) return open;
    if (page.items.some((c) => c.createdAt < order.createdAt)) return undefined;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return undefined;
}

/** Said instead of offering to cancel again: the request, linked, and what happens next. */
export const CancellationRequested = ({ cancellation }: { cancellation: Cancellation }) => (
  <p>
    <a class="action-link" href={`${APP_BASE}/cancellations/${cancellation.id}`}>
      {t('web.cancellation.requested')}
    </a>{' '}
    {t('web.cancellation.requestedOn', { date: formatDate(cancellation.createdAt) })}
  </p>
);
