// Pieces every back-office list shares: a status filter, a date range kept in
// the address like every list's filters (ui/address.ts), and paging.

import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api/problem.ts';
import { useAddress } from '../ui/address.ts';
import { Field, inputValue } from '../ui/form.tsx';
import { words } from '../ui/format.ts';
import { Pager } from '../ui/pager.tsx';
import { Empty } from '../ui/states.tsx';
import { TableScroll } from '../ui/table-scroll.tsx';

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

/** The list's date range, from the address. */
export function useDates(): [Dates, (dates: Dates) => void] {
  const [query, change] = useAddress();
  const { dateStart, dateEnd } = query;
  return [{ ...(dateStart ? { dateStart } : {}), ...(dateEnd ? { dateEnd } : {}) }, (dates) => change({ dateStart: dates.dateStart, dateEnd: dates.dateEnd })];
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
  // Back and Forward change the range under the form: show the one applied.
  useEffect(() => {
    setStart(dates.dateStart ?? '');
    setEnd(dates.dateEnd ?? '');
    setBackwards(false);
  }, [dates.dateStart, dates.dateEnd]);
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
