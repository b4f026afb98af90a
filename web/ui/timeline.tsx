// A status history, oldest first: an order's timeline or a return's history.
import { formatDateTime } from './format.ts';
import { StatusBadge } from './status-badge.tsx';

export interface TimelineEntry {
  readonly status: string;
  readonly at: string;
  /** `customer`, `shop`, `carrier` for customers; the actor id for admins. */
  readonly by?: string;
  readonly note?: string | null;
}

export const Timeline = ({ entries, label }: { entries: readonly TimelineEntry[]; label: string }) => (
  <ol class="timeline" aria-label={label}>
    {entries.map((entry) => (
      <li key={`${entry.status}-${entry.at}`}>
        <StatusBadge status={entry.status} /> <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        {entry.by ? <span> by {entry.by}</span> : null}
        {entry.note ? <p>{entry.note}</p> : null}
      </li>
    ))}
  </ol>
);
