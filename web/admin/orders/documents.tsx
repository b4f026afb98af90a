// The order's invoice and receipt. PDFs need the bearer token, so they are
// fetched as a Blob and handed to the browser as a download.
import { useRef } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { ErrorSummary, useSubmission } from '../../ui/form.tsx';
import type { AdminOrder } from './detail.tsx';

const save = (blob: Blob, fileName: string) => {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is not needed after this tick.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

export function Documents({ order }: { order: AdminOrder }) {
  // A ref: the button's click sets it and submits in the same tick.
  const which = useRef<'invoice' | 'receipt'>('invoice');
  const sub = useSubmission(
    () => api(which.current === 'invoice' ? 'documents.invoice' : 'documents.receipt', { params: { orderId: order.id } }),
    (blob) => save(blob, `${which.current}-${order.number}.pdf`),
  );
  return (
    <form onSubmit={sub.onSubmit} aria-label="Documents" class="actions">
      <ErrorSummary error={sub.error} />
      <button
        type="submit"
        class="outline"
        onClick={() => {
          which.current = 'invoice';
        }}
      >
        Download invoice (PDF)
      </button>
      {order.paymentStatus === 'unpaid' ? null : (
        <button
          type="submit"
          class="outline"
          onClick={() => {
            which.current = 'receipt';
          }}
        >
          Download receipt (PDF)
        </button>
      )}
    </form>
  );
}
