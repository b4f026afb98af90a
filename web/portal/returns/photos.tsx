// Photos and files for a return: chosen with a file input, checked against the
// shop's limits, uploaded one by one straight to S3, each with a progress bar.
import { useState } from 'preact/hooks';
import type { ReturnPolicy } from '#shared/domain/return-policy';
import { ApiError, networkError } from '../../api/problem.ts';
import { t } from '../../i18n/locale.ts';
import { Field } from '../../ui/form.tsx';
import { fileTypes } from '../../ui/names.ts';
import { uploadAttachment } from './upload.ts';

export interface Upload {
  readonly key: string;
  readonly name: string;
  readonly sent: number;
  readonly total: number;
  readonly id?: string;
  readonly error?: string;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The uploads; `onChange` gets every upload's state, so the form knows the ids and whether any is still running. */
export function Photos({
  limits,
  error,
  onChange,
}: {
  limits: ReturnPolicy['attachments'];
  error?: string | undefined;
  onChange: (uploads: readonly Upload[]) => void;
}) {
  const [uploads, setUploads] = useState<readonly Upload[]>([]);
  const update = (key: string, change: (upload: Upload) => Partial<Upload>) =>
    setUploads((current) => {
      const next = current.map((u) => (u.key === key ? { ...u, ...change(u) } : u));
      onChange(next);
      return next;
    });
  const choose = (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      const refused =
        file.size > limits.maxBytes
          ? t('web.photos.tooLarge', { file: file.name, size: mb(limits.maxBytes) })
          : !limits.contentTypes.includes(file.type)
            ? t('web.photos.wrongType', { file: file.name, types: fileTypes(limits.contentTypes, t('web.or')) })
            : undefined;
      const entry: Upload = { key, name: file.name, sent: 0, total: file.size, ...(refused ? { error: refused } : {}) };
      setUploads((current) => {
        const next = [...current, entry];
        onChange(next);
        return next;
      });
      if (refused) continue;
      // Progress counts the whole form (fields and file); once stored, the bar is full whatever the last event said.
      uploadAttachment(file, (sent, total) => update(key, () => ({ sent, total }))).then(
        (id) => update(key, (u) => ({ id, sent: u.total })),
        (failure: unknown) => update(key, () => ({ error: (failure instanceof ApiError ? failure : networkError(failure)).problem.detail })),
      );
    }
  };
  const remove = (key: string) =>
    setUploads((current) => {
      const next = current.filter((u) => u.key !== key);
      onChange(next);
      return next;
    });
  return (
    <>
      <Field
        path="attachments"
        label={t('web.photos.label')}
        hint={t('web.photos.hint', { types: fileTypes(limits.contentTypes, t('web.or')), size: mb(limits.maxBytes) })}
        error={error}
      >
        {(control) => (
          <input
            {...control}
            type="file"
            multiple
            accept={limits.contentTypes.join(',')}
            onChange={(e) => {
              choose(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        )}
      </Field>
      {uploads.length > 0 ? (
        <ul class="uploads">
          {uploads.map((u) => (
            <li key={u.key}>
              {u.error ? <small class="field-error">{u.error}</small> : <label for={`upload-${u.key}`}>{u.name}</label>}
              {u.error ? null : (
                <progress id={`upload-${u.key}`} value={u.sent} max={u.total || 1}>
                  {Math.round((u.sent / (u.total || 1)) * 100)}%
                </progress>
              )}
              {u.id ? <small>{t('web.photos.uploaded')}</small> : null}
              <button type="button" class="secondary outline remove" onClick={() => remove(u.key)} aria-label={t('web.photos.removeFile', { file: u.name })}>
                {t('web.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
