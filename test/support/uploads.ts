// Attachment uploads for end-to-end tests, done the way a browser does them:
// POST /attachments, then a multipart/form-data POST of the presigned fields
// (in order) with the file last.
import { randomBytes } from 'node:crypto';
import { type Caller, call, type Reply } from './api.ts';

export interface UploadTicket {
  readonly id: string;
  readonly upload: { readonly url: string; readonly fields: Record<string, string> };
  readonly expiresAt: string;
}

/** Random bytes, so a download can be compared byte for byte. */
export const fileBytes = (size: number): Uint8Array => new Uint8Array(randomBytes(size));

export const startUpload = (caller: Caller, body: { fileName: string; contentType: string; size: number }, headers: Record<string, string> = {}) =>
  call<UploadTicket>(caller, 'POST', '/attachments', body, headers);

/** The browser's form POST to S3: every presigned field, then `file`. `fields` overrides let a test tamper. */
export const postForm = async (
  ticket: UploadTicket,
  bytes: Uint8Array,
  options: { fileName?: string; fields?: Record<string, string> } = {},
): Promise<Response> => {
  const fields = { ...ticket.upload.fields, ...options.fields };
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: fields['Content-Type'] ?? 'application/octet-stream' }), options.fileName ?? 'upload.bin');
  return fetch(ticket.upload.url, { method: 'POST', body: form });
};

/** Starts an upload and sends the file; fails loudly when either step does. */
export const uploadFile = async (
  caller: Caller,
  file: { fileName: string; contentType: string; bytes: Uint8Array },
): Promise<{ ticket: Reply<UploadTicket>['body']; bytes: Uint8Array }> => {
  const reply = await startUpload(caller, { fileName: file.fileName, contentType: file.contentType, size: file.bytes.byteLength });
  if (reply.status !== 201) throw new Error(`POST /attachments failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  const posted = await postForm(reply.body, file.bytes, { fileName: file.fileName });
  if (!posted.ok) throw new Error(`S3 form POST failed: ${posted.status} ${await posted.text()}`);
  return { ticket: reply.body, bytes: file.bytes };
};
