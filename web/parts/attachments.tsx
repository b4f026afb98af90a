// A return's photos and files: photos inline as thumbnails (each a link to the
// full image), anything else (PDFs) as a link. Each comes from a short-lived
// presigned URL (GET /attachments/{id}), fetched when shown; the API answers
// one only to the file's owner and to admins.
import { api } from '../api/client.ts';
import { fileType } from '../ui/names.ts';
import { Loaded, useLoad } from '../ui/states.tsx';

const kilobytes = (size: number): string => `${Math.max(1, Math.round(size / 1024))} KB`;

/** `sentBy` opens each photo's text alternative: "Sent by the customer", "Your photo". */
export const AttachmentList = ({ ids, sentBy }: { ids: readonly string[]; sentBy: string }) => (
  <ul class="attachments">
    {ids.map((id) => (
      <li key={id}>
        <Attachment id={id} sentBy={sentBy} />
      </li>
    ))}
  </ul>
);

function Attachment({ id, sentBy }: { id: string; sentBy: string }) {
  const [state, reload] = useLoad((signal) => api('attachments.get', { params: { id }, signal }), [id]);
  return (
    <Loaded state={state} onRetry={reload}>
      {(download) =>
        download.contentType.startsWith('image/') ? (
          <figure>
            <a href={download.url} target="_blank" rel="noopener noreferrer">
              <img src={download.url} alt={`${sentBy}: ${download.fileName}`} loading="lazy" />
            </a>
            <figcaption>
              {download.fileName} ({kilobytes(download.size)})
            </figcaption>
          </figure>
        ) : (
          <a href={download.url} target="_blank" rel="noopener noreferrer">
            {download.fileName} ({fileType(download.contentType)}, {kilobytes(download.size)})
          </a>
        )
      }
    </Loaded>
  );
}
