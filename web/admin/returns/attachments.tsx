// The customer's files, inline beside the request they support.
import type { AttachmentMeta } from '#shared/domain/attachment';
import { AttachmentList } from '../../parts/attachments.tsx';
import { Empty } from '../../ui/states.tsx';

export const Attachments = ({ files }: { files: readonly AttachmentMeta[] }) => (
  <section aria-labelledby="files-title">
    <h2 id="files-title">Photos and files</h2>
    {files.length === 0 ? <Empty>The customer sent no files.</Empty> : <AttachmentList ids={files.map((f) => f.id)} sentBy="Sent by the customer" />}
  </section>
);
