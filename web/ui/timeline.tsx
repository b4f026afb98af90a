// A status history, oldest first: an order's timeline or a return's history.
import { t } from '../i18n/locale.ts';
import { formatDateTime } from './format.ts';
import { StatusBadge, type StatusKind } from './status-badge.tsx';

export interface TimelineEntry {
  readonly status: string;
  readonly at: string;
  /** `customer`, `shop`, `carrier` for customers; the actor id for admins. */
  readonly by?: string;
  readonly note?: string | null;
}

export const Timeline = ({ entries, label, kind }: { entries: readonly TimelineEntry[]; label: string; kind?: StatusKind }) => (
  <ol class="timeline" aria-label={label}>
    {entries.map((entry) => (
      <li key={`${entry.status}-${entry.at}`}>
        <StatusBadge status={entry.status} {...(kind ? { kind } : {})} /> <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        {entry.by ? <span> {t('web.timeline.by', { who: entry.by })}</span> : null}
        {entry.note ? <p>{entry.note}</p> : null}
      </li>
    ))}
  </ol>
);
