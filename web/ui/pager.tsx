// Cursor paging for a list: back to the first page, or on to the next.
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
