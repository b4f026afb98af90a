// GET /attachments/{id}: a short-lived download link for the owner or an admin.
import { getAttachment } from '#shared/adapters/attachments-repo';
import { presignDownload } from '#shared/adapters/s3';
import { type AttachmentDownload, contentDisposition, DOWNLOAD_URL_SECONDS } from '#shared/domain/attachment';
import { type Caller, visibleTo } from '#shared/domain/caller';

/** Anyone but the owner or an admin gets the same 404 as for a missing id. */
export const downloadAttachment = async ({ id, caller, now }: { id: string; caller: Caller; now: string }): Promise<AttachmentDownload> => {
  const attachment = visibleTo(caller, await getAttachment(id), (a) => a.customerId, 'The attachment');
  const url = await presignDownload({
    key: attachment.key,
    contentDisposition: contentDisposition(attachment.fileName),
    contentType: attachment.contentType,
    expiresInSeconds: DOWNLOAD_URL_SECONDS,
  });
  return {
    id: attachment.id,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    size: attachment.size,
    url,
    expiresAt: new Date(Date.parse(now) + DOWNLOAD_URL_SECONDS * 1000).toISOString(),
  };
};
