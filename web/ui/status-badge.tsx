// A status in plain words, coloured by how it ends (styles.css keys on data-tone).
import { words } from './format.ts';

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
};

export const StatusBadge = ({ status }: { status: string }) => (
  <span class="badge" data-tone={TONE[status] ?? 'waiting'}>
    {words(status)}
  </span>
);
