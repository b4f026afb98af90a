// Pieces every back-office list shares: a filter kept in the address (so a
// queue link or a reload shows the same list), a date range, and paging.

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { ApiError } from '../api/problem.ts';
import { Field, inputValue } from '../ui/form.tsx';
import { words } from '../ui/format.ts';
import { Pager } from '../ui/pager.tsx';
import { Empty } from '../ui/states.tsx';
import { TableScroll } from '../ui/table-scroll.tsx';

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

/** A query parameter that must be one of `options`; anything else reads as "all". */
export function useChoice<T extends string>(name: string, options: readonly T[]): [T | undefined, (value: string) => void] {
  const [value, set] = useQueryParam(name);
  return [(options as readonly string[]).includes(value) ? (value as T) : undefined, set];
}

/** The page cursor of a list, back to the first page whenever `filters` change. */
export function useCursor(filters: readonly unknown[]): [string | undefined, (cursor: string | undefined) => void] {
  const key = JSON.stringify(filters);
  const [state, setState] = useState<{ key: string; cursor?: string | undefined }>({ key });
  return [state.key === key ? state.cursor : undefined, (cursor) => setState({ key, cursor })];
}

/** A labelled select of `options` (in plain words) with "All" first. */
export function ChoiceFilter({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: readonly string[];
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(inputValue(e))}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {words(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface Dates {
  readonly dateStart?: string;
  readonly dateEnd?: string;
}

/**
 * "Filed from … to …": applied on submit, so typing a date does not reload the
 * list on every key. A range that ends before it starts is refused beside "To",
 * as is any date the server refuses (`error`: the list's failed load).
 */
export function DateRange({ dates, onChange, error }: { dates: Dates; onChange: (dates: Dates) => void; error?: ApiError | null }) {
  const [start, setStart] = useState(dates.dateStart ?? '');
  const [end, setEnd] = useState(dates.dateEnd ?? '');
  const [backwards, setBackwards] = useState(false);
  const errorFor = (path: keyof Dates) =>
    (path === 'dateEnd' && backwards ? 'must not be before the From date' : undefined) ?? error?.fieldErrors.find((e) => e.path === path)?.message;
  const input = (path: keyof Dates, label: string, value: string, set: (value: string) => void) => (
    <Field path={path} label={label} error={errorFor(path)}>
      {(c) => <input {...c} type="date" name={path} value={value} onInput={(e) => set(inputValue(e))} />}
    </Field>
  );
  return (
    <form
      class="filters"
      aria-label="Date range"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const reversed = start !== '' && end !== '' && end < start;
        setBackwards(reversed);
        if (!reversed) onChange({ ...(start ? { dateStart: start } : {}), ...(end ? { dateEnd: end } : {}) });
      }}
    >
      {input('dateStart', 'From', start, setStart)}
      {input('dateEnd', 'To', end, setEnd)}
      <button type="submit" class="secondary">
        Apply dates
      </button>
    </form>
  );
}

/** One page of a list: its empty state, or the items and the pager. */
export function PagedList<T>(props: {
  page: { readonly items: readonly T[]; readonly nextCursor: string | null };
  cursor: string | undefined;
  onPage: (cursor: string | undefined) => void;
  empty: ComponentChildren;
  children: (items: readonly T[]) => ComponentChildren;
}) {
  if (props.page.items.length === 0) return <Empty>{props.empty}</Empty>;
  return (
    <>
      {props.children(props.page.items)}
      <Pager cursor={props.cursor} nextCursor={props.page.nextCursor} onPage={props.onPage} older="Next page" />
    </>
  );
}

export interface Column<T> {
  readonly header: string;
  /** Right-aligned figures. */
  readonly amount?: boolean;
  readonly cell: (row: T) => ComponentChildren;
}

/** A list as a table that scrolls sideways on a narrow screen, a row per item. */
/** `label` names the scrolling region: "Orders", "Deliveries". */
export function ListTable<T extends { readonly id: string }>({ label, columns, rows }: { label: string; columns: readonly Column<T>[]; rows: readonly T[] }) {
  return (
    <TableScroll label={label}>
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" class={c.amount ? 'amount' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((c) => (
                <td key={c.header} class={c.amount ? 'amount' : undefined}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
