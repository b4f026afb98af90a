// Invoice and receipt PDFs. They need the bearer token, so a plain link cannot
// fetch them: the API client gets the blob, and the browser saves it.
import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { ApiError, networkError } from '../api/problem.ts';
import { t } from '../i18n/locale.ts';

const save = (blob: Blob, fileName: string) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** Download buttons for an order's documents; the receipt only once the order is paid. */
export function DocumentButtons({ orderId, number, paid }: { orderId: string; number: string; paid: boolean }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const download = (kind: 'invoice' | 'receipt') => {
    setBusy(kind);
    setError(null);
    api(kind === 'invoice' ? 'documents.invoice' : 'documents.receipt', { params: { orderId } })
      .then((blob) => save(blob, `${kind}-${number}.pdf`))
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure : networkError(failure)))
      .finally(() => setBusy(null));
  };
  return (
    <div>
      <div class="actions">
        <button type="button" class="secondary" aria-busy={busy === 'invoice'} onClick={() => download('invoice')}>
          {t('web.documents.invoice')}
        </button>
        {paid ? (
          <button type="button" class="secondary" aria-busy={busy === 'receipt'} onClick={() => download('receipt')}>
            {t('web.documents.receipt')}
          </button>
        ) : null}
      </div>
      {error ? (
        <p class="field-error" role="alert">
          {error.problem.detail || error.problem.title}
        </p>
      ) : null}
    </div>
  );
}
