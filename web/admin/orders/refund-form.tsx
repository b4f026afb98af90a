// A manual refund (seed 001): units per line at their paid value, shipping,
// a goodwill amount. "Calculate" asks the server what it would create (it
// writes nothing); "Create refund" is offered for exactly what was previewed.
import { useState } from 'preact/hooks';
import type { RefundBody, RefundGateway } from '#shared/domain/refund';
import { type ApiResult, api } from '../../api/client.ts';
import { useIntentKey } from '../../api/intent-key.ts';
import { onFormFields } from '../../api/problem.ts';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { money } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { announce } from '../../ui/status-message.tsx';
import { readAmounts } from '../form-kit.ts';
import { GatewayOptions } from './gateway-options.tsx';
import type { AdminOrder } from './order.ts';
import { RefundSummary } from './refunds.tsx';

interface Draft {
  readonly quantities: Record<string, string>;
  readonly shipping: string;
  readonly amount: string;
  readonly note: string;
  readonly restock: boolean;
  readonly gateway: RefundGateway | '';
}

/**
 * The server names lines by their place in what was sent; the form, by their
 * place in the order. Each line and the shipping have one field, where any
 * message about them goes (`shipping.amount` beside "Shipping to refund").
 */
const byOrderLine = (sentLines: readonly number[]) =>
  onFormFields((f) => ({
    ...f,
    path: f.path
      .replace(/^refundLineItems\.(\d+)(\.\w+)?$/, (_, k: string) => `lines.${sentLines[Number(k)] ?? k}.quantity`)
      .replace(/^shipping\.\w+$/, 'shipping'),
  }));

/** The form starts from the shop's own restock setting, so leaving it alone means what the setting says. */
export function RefundForm({ order, onChange }: { order: AdminOrder; onChange: () => void }) {
  const [settings, reload] = useLoad((signal) => api('settings.get', { signal }), []);
  return (
    <section aria-labelledby="new-refund-title">
      <h2 id="new-refund-title">New refund</h2>
      <Loaded state={settings} onRetry={reload}>
        {(s) => <RefundDraft order={order} restock={s.refunds.restock} onChange={onChange} />}
      </Loaded>
    </section>
  );
}

function RefundDraft({ order, restock, onChange }: { order: AdminOrder; restock: boolean; onChange: () => void }) {
  const fresh = (): Draft => ({ quantities: {}, shipping: '', amount: '', note: '', restock, gateway: '' });
  const [draft, setDraft] = useState<Draft>(fresh);
  const [preview, setPreview] = useState<{ body: string; refund: ApiResult<'refunds.calculate'> } | null>(null);
  const intent = useIntentKey();

  const lines = order.lineItems.map((line, i) => ({ line, i, text: draft.quantities[line.id] ?? '' }));
  const sentLines = lines.filter((l) => l.text.trim() !== '' && l.text.trim() !== '0');
  const check = () => {
    const { errors } = readAmounts({ shipping: draft.shipping, amount: draft.amount }, order.currency);
    for (const l of sentLines) if (!/^\d+$/.test(l.text.trim())) errors.push({ path: `lines.${l.i}.quantity`, message: 'must be a whole number of units' });
    return errors;
  };
  const body = (): RefundBody => {
    const { amounts } = readAmounts({ shipping: draft.shipping, amount: draft.amount }, order.currency);
    return {
      ...(sentLines.length > 0 ? { refundLineItems: sentLines.map((l) => ({ lineItemId: l.line.id, quantity: Number(l.text.trim()) })) } : {}),
      ...(amounts.shipping ? { shipping: { amount: amounts.shipping } } : {}),
      ...(amounts.amount ? { amount: amounts.amount } : {}),
      ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      restock: draft.restock,
      ...(draft.gateway ? { gateway: draft.gateway } : {}),
    };
  };
  const calculate = () => api('refunds.calculate', { params: { orderId: order.id }, body: body() });
  const sent = sentLines.map((l) => l.i);
  const calc = useSubmission(
    () => calculate().catch(byOrderLine(sent)),
    (refund) => setPreview({ body: JSON.stringify(body()), refund }),
    check,
  );
  const create = useSubmission(
    () => api('refunds.create', { params: { orderId: order.id }, body: body(), idempotencyKey: intent.keyFor(body()) }).catch(byOrderLine(sent)),
    (refund) => {
      setDraft(fresh());
      setPreview(null);
      intent.renew();
      announce(`Refund of ${money(refund.total, order.currency)} created.`);
      onChange();
    },
  );
  const current = preview && preview.body === JSON.stringify(body()) ? preview.refund : null;
  const error = create.error ?? calc.error;
  const errorFor = (path: string) => create.errorFor(path) ?? calc.errorFor(path);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const labels: Record<string, string> = {
    shipping: `Shipping to refund (${order.currency})`,
    amount: `Goodwill amount (${order.currency})`,
    ...Object.fromEntries(order.lineItems.map((line, i) => [`lines.${i}.quantity`, `Units of ${line.title} to refund`])),
  };
  return (
    <>
      <form onSubmit={calc.onSubmit} aria-label="New refund" noValidate>
        <ErrorSummary error={error} labels={labels} />
        <div class="grid-fields">
          {lines.map(({ line, i, text }) => (
            <Field
              key={line.id}
              path={`lines.${i}.quantity`}
              label={labels[`lines.${i}.quantity`]}
              hint={`${line.quantity - line.refundedQuantity} of ${line.quantity} not yet refunded`}
              error={errorFor(`lines.${i}.quantity`)}
            >
              {(c) => (
                <input
                  {...c}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={line.quantity}
                  value={text}
                  onInput={(e) => set({ quantities: { ...draft.quantities, [line.id]: inputValue(e) } })}
                />
              )}
            </Field>
          ))}
          <Field path="shipping" label={labels.shipping} error={errorFor('shipping')}>
            {(c) => <input {...c} type="text" inputMode="decimal" value={draft.shipping} onInput={(e) => set({ shipping: inputValue(e) })} />}
          </Field>
          <Field path="amount" label={labels.amount} error={errorFor('amount')}>
            {(c) => <input {...c} type="text" inputMode="decimal" value={draft.amount} onInput={(e) => set({ amount: inputValue(e) })} />}
          </Field>
          <Field path="gateway" label="Refund by" error={errorFor('gateway')}>
            {(c) => (
              <select {...c} value={draft.gateway} onChange={(e) => set({ gateway: inputValue(e) as RefundGateway | '' })}>
                <GatewayOptions none="The way it was paid" />
              </select>
            )}
          </Field>
        </div>
        <Field path="note" label="Note (optional)" error={errorFor('note')}>
          {(c) => <input {...c} type="text" value={draft.note} onInput={(e) => set({ note: inputValue(e) })} />}
        </Field>
        <label>
          <input type="checkbox" checked={draft.restock} onChange={(e) => set({ restock: e.currentTarget.checked })} />
          Put refunded units back in stock
        </label>
        <button type="submit" class="secondary" aria-busy={calc.submitting ? 'true' : undefined}>
          Calculate refund
        </button>
      </form>
      {current ? (
        <form onSubmit={create.onSubmit} aria-label="Refund preview">
          <h3>Preview</h3>
          <RefundSummary refund={current} />
          <button type="submit" aria-busy={create.submitting ? 'true' : undefined}>
            Create refund
          </button>
        </form>
      ) : null}
    </>
  );
}
