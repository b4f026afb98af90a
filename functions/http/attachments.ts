// Attachments area: customers start uploads; owners and admins download.

import { attachmentsRoutes } from '#infra/routes/attachments';
import { attachmentsApi } from '#shared/api/attachments';
import { httpHandler } from '#shared/http/handler';
import { callerOf } from '#shared/http/principal';
import { downloadAttachment } from '#shared/use-cases/download-attachment';
import { requestAttachmentUpload } from '#shared/use-cases/request-attachment-upload';

export const handler = httpHandler(attachmentsRoutes, attachmentsApi, {
  'attachments.create': ({ principal, body, now, idempotency }) => requestAttachmentUpload({ caller: callerOf(principal), body, now, idempotency }),
  'attachments.get': ({ principal, params, now }) => downloadAttachment({ id: params.id, caller: callerOf(principal), now }),
});
