// The returned items, each with its verification beside it: how many units
// arrived good and in what condition (pending_verification only).
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { money } from '../../ui/format.ts';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { announce } from '../../ui/status-message.tsx';
import { underPrefix } from '../form-kit.ts';
import type { AdminReturn } from './request.ts';

type Item = AdminReturn['items'][number];

export function ReturnItems({ request, reasonLabel, onChange }: { request: AdminReturn; reasonLabel: (id: string) => string; onChange: () => void }) {
  const verifying = request.status === 'pending_verification';
  return (
    <section aria-labelledby="items-title">
      <h2 id="items-title">Items</h2>
      <div class="grid-cards">
        {request.items.map((item, i) => (
          <article key={item.lineItemId} aria-labelledby={`item-${i}-title`}>
            <header>
              <h3 id={`item-${i}-title`}>{item.title}</h3>
              <StatusBadge status={item.status} />
            </header>
            <dl class="facts">
              <dt>SKU</dt>
              <dd>{item.sku}</dd>
              <dt>Units returned</dt>
              <dd>
                {item.quantity} × {money(item.unitPrice, request.currency)}
              </dd>
              <dt>Reason</dt>
              <dd>
                {reasonLabel(item.reasonId)}
                {item.reasonText ? `: ${item.reasonText}` : ''}
              </dd>
              <dt>Condition</dt>
              <dd>{item.condition ?? '—'}</dd>
              <dt>Good units</dt>
              <dd>{item.goodQuantity === null ? 'Not verified' : `${item.goodQuantity} of ${item.quantity}`}</dd>
            </dl>
            {verifying ? <VerifyItem request={request} item={item} index={i} onChange={onChange} /> : null}
          </article>
        ))}
      </div>
    </section>
  );
}

function VerifyItem({ request, item, index, onChange }: { request: AdminReturn; item: Item; index: number; onChange: () => void }) {
  const [good, setGood] = useState(String(item.goodQuantity ?? item.quantity));
  const [condition, setCondition] = useState(item.condition ?? '');
  const prefix = `items.${index}`;
  const sub = useSubmission(
    () =>
      api('returns.verifyItem', {
        params: { returnId: request.id, lineItemId: item.lineItemId },
        body: { goodQuantity: Number(good), ...(condition.trim() ? { condition: condition.trim() } : {}) },
        ifMatch: request.version,
      }).catch(underPrefix(prefix)),
    () => {
      announce(`${item.title} verified: ${Number(good)} of ${item.quantity} good.`);
      onChange();
    },
    () => (/^\d+$/.test(good.trim()) ? [] : [{ path: `${prefix}.goodQuantity`, message: 'must be a whole number of units' }]),
  );
  return (
    <form onSubmit={sub.onSubmit} aria-label={`Verify ${item.title}`} noValidate>
      <ErrorSummary error={sub.error} labels={{ [`${prefix}.goodQuantity`]: `Good units of ${item.title}` }} />
      <Field
        path={`${prefix}.goodQuantity`}
        label={`Good units of ${item.title}`}
        hint={`0 to ${item.quantity}`}
        error={sub.errorFor(`${prefix}.goodQuantity`)}
      >
        {(c) => <input {...c} type="number" inputMode="numeric" min={0} max={item.quantity} value={good} onInput={(e) => setGood(inputValue(e))} />}
      </Field>
      <Field path={`${prefix}.condition`} label={`Condition of ${item.title}`} error={sub.errorFor(`${prefix}.condition`)}>
        {(c) => <input {...c} type="text" value={condition} onInput={(e) => setCondition(inputValue(e))} />}
      </Field>
      <button type="submit" aria-busy={sub.submitting ? 'true' : undefined}>
        Verify {item.title}
      </button>
    </form>
  );
}
