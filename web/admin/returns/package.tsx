// Seed 002's package verification: the restocking fee and the shipping given
// back, and the refund they imply, line by line (the server computes it).
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { AmountTable } from '../../ui/amount-table.tsx';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { money } from '../../ui/format.ts';
import { announce } from '../../ui/status-message.tsx';
import { amountText, readAmounts } from '../form-kit.ts';
import type { AdminReturn } from './request.ts';

const PACKAGE_STATUSES: readonly string[] = ['pending_verification', 'approved', 'partially_approved'];

export function PackageCheck({ request, onChange }: { request: AdminReturn; onChange: () => void }) {
  const open = PACKAGE_STATUSES.includes(request.status) && request.items.every((i) => i.goodQuantity !== null);
  if (!open && !request.breakdown) return null;
  return (
    <section aria-labelledby="package-title">
      <h2 id="package-title">Package</h2>
      {open ? <PackageForm request={request} onChange={onChange} /> : null}
      {request.breakdown ? <Breakdown request={request} breakdown={request.breakdown} /> : <p>Verify the package to see the refund it implies.</p>}
    </section>
  );
}

function PackageForm({ request, onChange }: { request: AdminReturn; onChange: () => void }) {
  const [texts, setTexts] = useState({
    restockFee: amountText(request.restockFee, request.currency),
    refundedShipping: amountText(request.refundedShipping, request.currency),
  });
  const sub = useSubmission(
    () => api('returns.verifyPackage', { params: { returnId: request.id }, body: readAmounts(texts, request.currency).amounts, ifMatch: request.version }),
    (checked) => {
      announce(`Package verified. The refund comes to ${checked.refundAmount === null ? 'nothing yet' : money(checked.refundAmount, request.currency)}.`);
      onChange();
    },
    () => readAmounts(texts, request.currency).errors,
  );
  const labels = { restockFee: `Restocking fee (${request.currency})`, refundedShipping: `Shipping to refund (${request.currency})` };
  return (
    <form onSubmit={sub.onSubmit} aria-label="Verify package" noValidate>
      <ErrorSummary error={sub.error} labels={labels} />
      <div class="grid">
        {(['restockFee', 'refundedShipping'] as const).map((key) => (
          <Field key={key} path={key} label={labels[key]} error={sub.errorFor(key)}>
            {(c) => <input {...c} type="text" inputMode="decimal" value={texts[key]} onInput={(e) => setTexts({ ...texts, [key]: inputValue(e) })} />}
          </Field>
        ))}
      </div>
      <button type="submit" aria-busy={sub.submitting ? 'true' : undefined}>
        Verify package
      </button>
    </form>
  );
}

function Breakdown({ request, breakdown }: { request: AdminReturn; breakdown: NonNullable<AdminReturn['breakdown']> }) {
  const m = (amount: number) => money(amount, request.currency);
  const title = (lineItemId: string) => request.items.find((i) => i.lineItemId === lineItemId)?.title ?? lineItemId;
  const rows: [string, string][] = [
    ...breakdown.items.map((line): [string, string] => [`${title(line.lineItemId)} × ${line.goodQuantity}`, m(line.amount)]),
    ['Items', m(breakdown.itemsTotal)],
    ['Shipping refunded', m(breakdown.refundedShipping)],
    ['Restocking fee', `− ${m(breakdown.restockFee)}`],
    ['Shipping kept back', `− ${m(breakdown.shippingDeduction)}`],
    ['Still refundable on the order', m(breakdown.refundable)],
  ];
  return <AmountTable caption="Refund breakdown" rows={rows} total={['Refund amount', m(breakdown.refundAmount)]} />;
}
