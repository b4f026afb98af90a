// Pieces every back-office list shares: a filter kept in the address (so a
// queue link or a reload shows the same list), a date range, and paging.

import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { inputValue } from '../ui/form.tsx';

/** One query-string parameter as state: reading it from the URL, writing it back (replacing the entry). */
export function useQueryParam(name: string): [string, (value: string) => void] {
  const { path, query, route } = useLocation();
  const set = (value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    const search = next.toString();
    route(`${path}${search ? `?${search}` : ''}`, true);
  };
  return [query[name] ?? '', set];
}

export interface Dates {
  readonly dateStart?: string;
  readonly dateEnd?: string;
}

/** "Filed from … to …": applied on submit, so typing a date does not reload the list on every key. */
export function DateRange({ dates, onChange }: { dates: Dates; onChange: (dates: Dates) => void }) {
  const [start, setStart] = useState(dates.dateStart ?? '');
  const [end, setEnd] = useState(dates.dateEnd ?? '');
  return (
    <form
      class="filters"
      aria-label="Date range"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ ...(start ? { dateStart: start } : {}), ...(end ? { dateEnd: end } : {}) });
      }}
    >
      <label>
        From
        <input type="date" name="dateStart" value={start} onInput={(e) => setStart(inputValue(e))} />
      </label>
      <label>
        To
        <input type="date" name="dateEnd" value={end} onInput={(e) => setEnd(inputValue(e))} />
      </label>
      <button type="submit" class="secondary">
        Apply dates
      </button>
    </form>
  );
}

/** Back to the first page, or on to the next one (cursor paging has no "previous"). */
export function Pager({ cursor, next, onPage }: { cursor: string | undefined; next: string | null; onPage: (cursor: string | undefined) => void }) {
  if (!cursor && !next) return null;
  return (
    <div class="actions">
      {cursor ? (
        <button type="button" class="secondary" onClick={() => onPage(undefined)}>
          First page
        </button>
      ) : null}
      {next ? (
        <button type="button" class="secondary" onClick={() => onPage(next)}>
          Next page
        </button>
      ) : null}
    </div>
  );
}
