// The customer's files: photos inline, anything else (PDFs) as a link. Each
// comes from a short-lived presigned URL (GET /attachments/{id}), fetched when shown.
import type { AttachmentMeta } from '#shared/domain/attachment';
import { api } from '../../api/client.ts';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';

const kilobytes = (size: number): string => `${Math.max(1, Math.round(size / 1024))} KB`;

export function Attachments({ files }: { files: readonly AttachmentMeta[] }) {
  return (
    <section aria-labelledby="files-title">
      <h2 id="files-title">Photos and files</h2>
      {files.length === 0 ? (
        <Empty>The customer sent no files.</Empty>
      ) : (
        <ul class="attachments">
          {files.map((file) => (
            <li key={file.id}>
              <Attachment file={file} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Attachment({ file }: { file: AttachmentMeta }) {
  const [state, reload] = useLoad((signal) => api('attachments.get', { params: { id: file.id }, signal }), [file.id]);
  return (
    <Loaded state={state} onRetry={reload}>
      {(download) =>
        download.contentType.startsWith('image/') ? (
          <figure>
            <a href={download.url} target="_blank" rel="noopener noreferrer">
              <img src={download.url} alt={`Sent by the customer: ${download.fileName}`} loading="lazy" />
            </a>
            <figcaption>
              {download.fileName} ({kilobytes(download.size)})
            </figcaption>
          </figure>
        ) : (
          <a href={download.url} target="_blank" rel="noopener noreferrer">
            {download.fileName} ({download.contentType === 'application/pdf' ? 'PDF' : download.contentType}, {kilobytes(download.size)})
          </a>
        )
      }
    </Loaded>
  );
}
