// Routes of the attachments area: a presigned upload form, and a presigned download.
import * as z from 'zod/mini';
import { AttachmentDownload, AttachmentUpload, CreateAttachmentBody } from '#shared/domain/attachment';
import { lazy } from '#shared/domain/pure';
import { Id } from '#shared/domain/schema-kit';
import type { SpecsOf } from '#shared/http/route-spec';

export const AttachmentParams = /* @__PURE__ */ lazy(() => z.object({ id: Id('att') }));

export const attachmentsApi = {
  'attachments.create': {
    summary: 'Start an upload: a presigned S3 POST form for exactly this file (size and type from settings)',
    body: CreateAttachmentBody,
    response: AttachmentUpload,
    status: 201,
    idempotent: true,
  },
  'attachments.get': {
    summary: 'A short-lived download link (owner or admin)',
    params: AttachmentParams,
    response: AttachmentDownload,
    fields: true,
  },
} as const satisfies SpecsOf<'attachments'>;
