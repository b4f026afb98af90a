// Cursor paging for a list: back to the first page, or on to the next.
import { useLocation } from 'preact-iso';
import { t } from '../i18n/locale.ts';

export function Pager(props: { cursor: string | undefined; nextCursor: string | null; onPage: (cursor: string | undefined) => void; older: string }) {
  if (!props.cursor && !props.nextCursor) return null;
  return (
    <div class="actions">
      {props.cursor ? (
        <button type="button" class="secondary" onClick={() => props.onPage(undefined)}>
          {t('web.firstPage')}
        </button>
      ) : null}
      {props.nextCursor ? (
        <button type="button" class="secondary" onClick={() => props.onPage(props.nextCursor ?? undefined)}>
          {props.older}
        </button>
      ) : null}
    </div>
  );
}

/**
 * The page cursor kept in the address (`?cursor=`), each page a history entry
 * of its own: the browser's back and forward step through the pages, and a
 * reload or a shared link shows the same page.
 */
export function useUrlCursor(): [string | undefined, (cursor: string | undefined) => void] {
  const { path, query, route } = useLocation();
  const go = (cursor: string | undefined) => {
    const next = new URLSearchParams(query);
    if (cursor) next.set('cursor', cursor);
    else next.delete('cursor');
    const search = next.toString();
    route(`${path}${search ? `?${search}` : ''}`);
  };
  return [query.cursor || undefined, go];
}
