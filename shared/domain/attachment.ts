// Refund attachments (photos, PDFs) that customers upload straight to S3 and
// bind to a return request. Pure: the upload rules from settings, the object
// key, the file-name hygiene and the binding checks. Ids, time and S3 facts are
// passed in.
import * as z from 'zod/mini';
import { BusinessRuleError, type FieldError } from './errors.ts';
import { lazy } from './pure.ts';
import { Timestamp } from './schema-kit.ts';
import type { Settings } from './settings.ts';

export type AttachmentSettings = Settings['refunds']['attachments'];

/** The presigned POST is valid this long (the "≤ 15 minutes"). */
export const UPLOAD_URL_SECONDS = 15 * 60;
/** A presigned GET is valid this long (≤ 5 minutes). */
export const DOWNLOAD_URL_SECONDS = 5 * 60;
/** An upload must be bound to a request within this window; the record expires (TTL) after it. */
export const BIND_WINDOW_SECONDS = 24 * 60 * 60;
/** One return request carries at most this many files (a transaction holds 100 items). */
export const MAX_ATTACHMENTS_PER_REQUEST = 10;
/** S3's own limit for a single POST upload. */
const S3_POST_MAX_BYTES = 5 * 1024 ** 3;

/**
 * Object tag of a fresh upload. The bucket's lifecycle rule expires objects
 * tagged `state=pending` after a day; the bound copy of a file is tagged
 * `state=bound` instead, so the rule never touches it.
 */
export const PENDING_TAG = { key: 'state', value: 'pending' } as const;
export const BOUND_TAG = { key: 'state', value: 'bound' } as const;
export const taggingXml = (tag: { key: string; value: string }): string =>
  `<Tagging><TagSet><Tag><Key>${tag.key}</Key><Value>${tag.value}</Value></Tag></TagSet></Tagging>`;

const MimeType = /* @__PURE__ */ lazy(() => z.string().check(z.maxLength(100), z.regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type like image/jpeg')));

export const CreateAttachmentBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      fileName: z.string().check(z.trim(), z.minLength(1), z.maxLength(255)),
      contentType: MimeType,
      size: z
        .number()
        .check(z.int(), z.minimum(1), z.maximum(S3_POST_MAX_BYTES))
        .clone()
        .register(z.globalRegistry, { description: 'Exact size of the file in bytes.' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreateAttachmentBody' }),
);
export type CreateAttachmentBody = z.infer<typeof CreateAttachmentBody>;

export const AttachmentState = /* @__PURE__ */ lazy(() => z.enum(['pending', 'bound']));
export type AttachmentState = z.infer<typeof AttachmentState>;

/** The stored record (item `type: 'Attachment'`); `expiresAt` is its TTL while pending. */
export interface Attachment {
  readonly id: string;
  readonly customerId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  /**
   * S3 object key. While pending, the upload's (`attachmentKey`), the one its
   * presigned form writes; once bound, the copy binding made (`boundAttachmentKey`),
   * which no form can write, so what the admin sees is what was checked.
   */
  readonly key: string;
  readonly state: AttachmentState;
  readonly returnId: string | null;
  readonly createdAt: string;
  /** Epoch seconds; present only while pending. */
  readonly expiresAt?: number;
  readonly version: number;
}

export const AttachmentUpload = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: z.string(),
      upload: z.object({
        url: z
          .string()
          .clone()
          .register(z.globalRegistry, { description: 'POST a multipart/form-data form here: every field below, then the file as `file`, last.' }),
        fields: z.record(z.string(), z.string()),
      }),
      expiresAt: Timestamp.clone().register(z.globalRegistry, { description: 'When the upload form stops being accepted.' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'AttachmentUpload' }),
);
export type AttachmentUpload = z.infer<typeof AttachmentUpload>;

export const AttachmentDownload = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number().check(z.int()),
      url: z
        .string()
        .clone()
        .register(z.globalRegistry, { description: 'Short-lived presigned GET; the file comes as a download (Content-Disposition: attachment).' }),
      expiresAt: Timestamp.clone().register(z.globalRegistry, { description: 'When `url` stops working.' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'AttachmentDownload' }),
);
export type AttachmentDownload = z.infer<typeof AttachmentDownload>;

/** What admin views of a return show about each of its files. */
export const AttachmentMeta = /* @__PURE__ */ lazy(() =>
  z
    .object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().check(z.int()), state: AttachmentState, createdAt: Timestamp })
    .clone()
    .register(z.globalRegistry, { id: 'AttachmentMeta' }),
);
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

export const attachmentMeta = (a: Attachment): AttachmentMeta => ({
  id: a.id,
  fileName: a.fileName,
  contentType: a.contentType,
  size: a.size,
  state: a.state,
  createdAt: a.createdAt,
});

const ATTACHMENT_ID = /^att_[0-9A-Za-z]{1,60}$/;
/** Ids from a request body are checked before any lookup; a malformed one is simply not found. */
export const isAttachmentId = (id: string): boolean => ATTACHMENT_ID.test(id);

/** MIME types compare case-insensitively and without parameters (`; charset=…`). */
export const normalizeContentType = (value: string): string => (value.split(';')[0] ?? '').trim().toLowerCase();

/** Refuses an upload the shop's settings do not allow (422, naming the field). */
export const checkUploadAllowed = (settings: AttachmentSettings, body: Pick<CreateAttachmentBody, 'contentType' | 'size'>): void => {
  if (!settings.enabled) {
    throw new BusinessRuleError('attachments_disabled', 'This shop does not accept attachments.');
  }
  const allowed = settings.contentTypes.map(normalizeContentType);
  if (!allowed.includes(normalizeContentType(body.contentType))) {
    throw new BusinessRuleError('content_type_not_allowed', `Files of type ${body.contentType} are not accepted.`, {
      errors: [{ path: 'contentType', message: `must be one of ${allowed.join(', ')}` }],
    });
  }
  if (body.size > settings.maxBytes) {
    throw new BusinessRuleError('attachment_too_large', `The file is larger than the ${settings.maxBytes} bytes allowed.`, {
      errors: [{ path: 'size', message: `must be at most ${settings.maxBytes} bytes` }],
    });
  }
};

/**
 * The object key: unguessable (the ULID id) and scoped to its owner so IAM and
 * lifecycle rules can target it. The customer's file name is never part of it;
 * the customer id is URI-encoded so an odd `sub` cannot add path segments.
 */
export const attachmentKey = (customerId: string, attachmentId: string): string => `attachments/${encodeURIComponent(customerId)}/${attachmentId}`;

/**
 * Where a bound file lives: a key no presigned form names (a form pins its key
 * exactly, `attachmentKey`'s), unique to the binding return, so bindings racing
 * for one upload each write their own copy and the loser's can be removed.
 * `bound` cannot be an attachment id (those start `att_`).
 */
export const boundAttachmentKey = (customerId: string, attachmentId: string, returnId: string): string =>
  `attachments/${encodeURIComponent(customerId)}/bound/${attachmentId}-${returnId}`;

/** A display name: no directories, no control characters, bounded; never used as a path. */
export const sanitizeFileName = (raw: string): string => {
  const base = raw.split(/[/\\]/).pop() ?? '';
  // Control and format characters (bidi overrides can disguise an extension: `gpj.exe`).
  const clean = base
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  const bounded = [...clean].slice(0, 200).join('');
  return bounded === '' || bounded === '.' || bounded === '..' ? 'attachment' : bounded;
};

/** RFC 6266 `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 8187). */
export const contentDisposition = (fileName: string): string => {
  const name = sanitizeFileName(fileName);
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
};

export const buildAttachment = (body: CreateAttachmentBody, ctx: { id: string; customerId: string; now: string }): Attachment & { expiresAt: number } => ({
  id: ctx.id,
  customerId: ctx.customerId,
  fileName: sanitizeFileName(body.fileName),
  contentType: normalizeContentType(body.contentType),
  size: body.size,
  key: attachmentKey(ctx.customerId, ctx.id),
  state: 'pending',
  returnId: null,
  createdAt: ctx.now,
  expiresAt: Math.floor(Date.parse(ctx.now) / 1000) + BIND_WINDOW_SECONDS,
  version: 1,
});

/** What S3 says about an uploaded object (HeadObject). */
export interface StoredObject {
  readonly size: number;
  readonly contentType: string | undefined;
}

/** Why one attachment cannot be bound, as a rule name and a message. */
export interface BindRefusal {
  readonly rule: string;
  readonly message: string;
}

/**
 * Checks one attachment before it is bound to a request. Someone else's
 * attachment reads exactly like a missing one, so ids never leak.
 */
export const bindRefusal = (
  attachment: Attachment | undefined,
  customerId: string,
  object: StoredObject | undefined,
  nowEpochSeconds: number,
): BindRefusal | undefined => {
  if (!attachment || attachment.customerId !== customerId) {
    return { rule: 'attachment_not_found', message: 'is not an attachment you uploaded' };
  }
  if (attachment.state === 'bound') return { rule: 'attachment_already_bound', message: 'is already attached to a request' };
  if (attachment.expiresAt !== undefined && attachment.expiresAt <= nowEpochSeconds) {
    return { rule: 'attachment_expired', message: 'was not attached in time; upload the file again' };
  }
  if (!object) return { rule: 'attachment_not_uploaded', message: 'has not been uploaded yet' };
  if (object.size !== attachment.size) {
    return { rule: 'attachment_mismatch', message: `the uploaded file has ${object.size} bytes, but ${attachment.size} were declared` };
  }
  const actualType = normalizeContentType(object.contentType ?? '');
  if (actualType !== attachment.contentType) {
    return { rule: 'attachment_mismatch', message: `the uploaded file is ${actualType || 'untyped'}, but ${attachment.contentType} was declared` };
  }
  return undefined;
};

/** The file was replaced between its check and its copy (the copy's ETag condition failed). */
export const CHANGED_WHILE_BINDING: BindRefusal = {
  rule: 'attachment_mismatch',
  message: 'the uploaded file changed while it was being attached; upload it again',
};

/** Refuses a list too long or naming a file twice (a transaction may touch an item only once). */
export const checkAttachmentList = (ids: readonly string[]): void => {
  if (ids.length > MAX_ATTACHMENTS_PER_REQUEST) {
    throw new BusinessRuleError('too_many_attachments', `A request carries at most ${MAX_ATTACHMENTS_PER_REQUEST} attachments.`, {
      errors: [{ path: 'attachments', message: `must list at most ${MAX_ATTACHMENTS_PER_REQUEST} files` }],
    });
  }
  const twice: FieldError[] = ids.flatMap((id, i) => (ids.indexOf(id) < i ? [{ path: `attachments.${i}`, message: 'is listed twice' }] : []));
  if (twice.length > 0) throw new BusinessRuleError('attachment_duplicate', 'An attachment is listed more than once.', { errors: twice });
};

/** One 422 naming every refused `attachments.<i>`; its rule is the first refusal's. */
export const bindError = (refusals: readonly (BindRefusal & { index: number })[]): BusinessRuleError => {
  const first = refusals[0];
  return new BusinessRuleError(first?.rule ?? 'attachment_not_found', 'Some attachments cannot be attached to this request.', {
    errors: refusals.map((r) => ({ path: `attachments.${r.index}`, message: r.message })),
  });
};
