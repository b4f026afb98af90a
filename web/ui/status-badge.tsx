// A status in plain words, coloured by how it ends (styles.css keys on data-tone).
import { t } from '../i18n/locale.ts';
import { words } from './format.ts';

/** Which catalogue names the status: the same code reads differently on an order and on a return. */
export type StatusKind = 'order' | 'return' | 'cancellation' | 'payment' | 'transaction' | 'exchange';

const TONE: Record<string, 'done' | 'bad' | 'waiting'> = {
  delivered: 'done',
  refunded: 'done',
  approved: 'done',
  partially_approved: 'done',
  cancelled: 'bad',
  denied: 'bad',
  rejected: 'bad',
  delivery_failed: 'bad',
  failure: 'bad',
  success: 'done',
  paid: 'done',
  partially_refunded: 'done',
  released: 'done',
  completed: 'done',
  declined: 'bad',
};

/** The status in the reader's language when its kind is known (the back office's own codes stay in plain English words). */
export const statusLabel = (status: string, kind: StatusKind | undefined): string => {
  if (!kind) return words(status);
  const text = t(`status.${kind}`, { status });
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
};

export const StatusBadge = ({ status, kind }: { status: string; kind?: StatusKind }) => (
  <span class="badge" data-tone={TONE[status] ?? 'waiting'}>
    {statusLabel(status, kind)}
  </span>
);
