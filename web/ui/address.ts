// A list's state lives in the address, on every screen alike: its filters and its
// page cursor are query parameters, so a reload or a shared link shows the same
// list, and each change is a history entry: Back goes to the page or the filter
// before, Forward comes back.
import { useLocation } from 'preact-iso';

/** The query parameter of a list's page: the API's own opaque cursor. */
const CURSOR = 'cursor';

/**
 * The page's query parameters, and a way to move to the same page with some of
 * them changed (`undefined` or '' drops one). Any change other than the page
 * itself starts the list again at its first page: a cursor belongs to the
 * filters it was read with.
 */
export function useAddress(): [Readonly<Record<string, string>>, (changes: Readonly<Record<string, string | undefined>>) => void] {
  const { url, path, query, route } = useLocation();
  const change = (changes: Readonly<Record<string, string | undefined>>) => {
    const next = new URLSearchParams(query);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!(CURSOR in changes)) next.delete(CURSOR);
    const search = next.toString();
    const target = `${path}${search ? `?${search}` : ''}`;
    if (target !== url) route(target);
  };
  return [query, change];
}

/** One query parameter: its value ('' when absent) and a way to change it. */
export function useQueryParam(name: string): [string, (value: string) => void] {
  const [query, change] = useAddress();
  return [query[name] ?? '', (value) => change({ [name]: value })];
}

/** A query parameter that must be one of `options`; anything else reads as "all". */
export function useChoice<T extends string>(name: string, options: readonly T[]): [T | undefined, (value: string) => void] {
  const [value, set] = useQueryParam(name);
  return [(options as readonly string[]).includes(value) ? (value as T) : undefined, set];
}

/** The list's page: `undefined` is the first; moving to another is a history entry of its own. */
export function useCursor(): [string | undefined, (cursor: string | undefined) => void] {
  const [query, change] = useAddress();
  return [query[CURSOR] || undefined, (cursor) => change({ [CURSOR]: cursor })];
}
