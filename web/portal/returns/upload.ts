// A photo or file goes straight to S3: POST /attachments answers a presigned
// POST form for exactly this file; the browser posts the fields and the file
// with XMLHttpRequest, whose upload events drive the progress bar (fetch has
// no upload progress).
import { api, newIdempotencyKey } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';

export type Progress = (sentBytes: number, totalBytes: number) => void;

const postForm = (url: string, fields: Record<string, string>, file: File, onProgress: Progress): Promise<void> =>
  new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    // S3 reads every field before the file; `file` must come last.
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
      else
        reject(
          new ApiError({
            type: 'about:blank',
            title: 'Upload refused',
            status: xhr.status,
            detail: `The file store refused ${file.name} (${xhr.status}). Check its type and size and try again.`,
            errors: [],
          }),
        );
    };
    xhr.onerror = () =>
      reject(new ApiError({ type: 'about:blank', title: 'Upload failed', status: 0, detail: `${file.name} could not be sent. Try again.`, errors: [] }));
    xhr.send(form);
  });

/** Uploads one file and answers its attachment id, for the return's `attachments`. */
export async function uploadAttachment(file: File, onProgress: Progress): Promise<string> {
  const ticket = await api('attachments.create', {
    body: { fileName: file.name, contentType: file.type || 'application/octet-stream', size: file.size },
    idempotencyKey: newIdempotencyKey(),
  });
  await postForm(ticket.upload.url, ticket.upload.fields, file, onProgress);
  return ticket.id;
}
