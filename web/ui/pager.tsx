// Cursor paging for a list: back to the first page, or on to the next.
export function Pager(props: { cursor: string | undefined; nextCursor: string | null; onPage: (cursor: string | undefined) => void; older: string }) {
  if (!props.cursor && !props.nextCursor) return null;
  return (
    <div class="actions">
      {props.cursor ? (
        <button type="button" class="secondary" onClick={() => props.onPage(undefined)}>
          First page
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
