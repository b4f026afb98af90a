// POST /attachments: a pending attachment record and a presigned S3 form that
// can upload exactly the declared file, once the shop's settings allow it.
import { insertAttachment } from '#shared/adapters/attachments-repo';
import type { IdempotencyKey } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import { presignUpload } from '#shared/adapters/s3';
import { getSettings } from '#shared/adapters/settings-repo';
import {
  type AttachmentUpload,
  buildAttachment,
  type CreateAttachmentBody,
  checkUploadAllowed,
  PENDING_TAG,
  taggingXml,
  UPLOAD_URL_SECONDS,
} from '#shared/domain/attachment';
import { type Caller, ownerIdOf } from '#shared/domain/caller';

export interface RequestAttachmentUploadInput {
  /** A customer: the upload is theirs, to bind to their own return. */
  readonly caller: Caller;
  readonly body: CreateAttachmentBody;
  readonly now: string;
  readonly idempotency?: IdempotencyKey | undefined;
}

/** Checks the upload against settings, records it as pending and answers the upload form. */
export const requestAttachmentUpload = async ({ caller, body, now, idempotency }: RequestAttachmentUploadInput): Promise<AttachmentUpload> => {
  const settings = await getSettings();
  checkUploadAllowed(settings.refunds.attachments, body);
  const attachment = buildAttachment(body, { id: newId('att'), customerId: ownerIdOf(caller), now });
  const { form: upload, expiresAt } = await presignUpload({
    key: attachment.key,
    contentType: attachment.contentType,
    size: attachment.size,
    tagging: taggingXml(PENDING_TAG),
    expiresInSeconds: UPLOAD_URL_SECONDS,
  });
  const response: AttachmentUpload = { id: attachment.id, upload, expiresAt };
  await insertAttachment(attachment, idempotency, response, now);
  return response;
};
