// Tracked stock of a SKU: look it up, set a counted level (If-Match, so a sale
// in between is a 412, not overwritten), or adjust it by ±n.
import { useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../../api/client.ts';
import { api } from '../../api/client.ts';
import { useQueryParam } from '../../ui/address.ts';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { announce } from '../../ui/status-message.tsx';

type StockLevel = ApiResult<'settings.getStock'>;

export function StockScreen() {
  const [sku, setSku] = useQueryParam('sku');
  const [draft, setDraft] = useState(sku);
  // Back and Forward change the SKU under the box: show the one looked up.
  useEffect(() => setDraft(sku), [sku]);
  return (
    <>
      <h1>Stock</h1>
      <form
        aria-label="Find a SKU"
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setSku(draft.trim());
        }}
      >
        <label>
          SKU
          <input type="search" value={draft} onInput={(e) => setDraft(inputValue(e))} />
        </label>
        <button type="submit">Look up</button>
      </form>
      {sku ? <StockOf key={sku} sku={sku} /> : <p>Enter a SKU to see and change its stock.</p>}
    </>
  );
}

function StockOf({ sku }: { sku: string }) {
  const [state, reload] = useLoad((signal) => api('settings.getStock', { params: { sku }, signal }), [sku]);
  return (
    <Loaded state={state} onRetry={reload}>
      {(level) => <StockForms level={level} onChange={reload} />}
    </Loaded>
  );
}

function StockForms({ level, onChange }: { level: StockLevel; onChange: () => void }) {
  const [quantity, setQuantity] = useState(level.quantity === null ? '' : String(level.quantity));
  const [adjust, setAdjust] = useState('');
  const whole = (path: string, text: string, signed: boolean) =>
    (signed ? /^[+-]?\d+$/ : /^\d+$/).test(text.trim()) ? [] : [{ path, message: signed ? 'must be a whole number like +5 or -2' : 'must be a whole number' }];
  const set = useSubmission(
    () => api('settings.setStock', { params: { sku: level.sku }, body: { quantity: Number(quantity) }, ifMatch: level.version }),
    (saved) => {
      announce(`Stock of ${level.sku} set to ${saved.quantity}.`);
      onChange();
    },
    () => whole('quantity', quantity, false),
  );
  const add = useSubmission(
    () => api('settings.setStock', { params: { sku: level.sku }, body: { adjust: Number(adjust) } }),
    (saved) => {
      announce(`Stock of ${level.sku} is now ${saved.quantity}.`);
      setAdjust('');
      onChange();
    },
    () => whole('adjust', adjust, true),
  );
  return (
    <section aria-labelledby="stock-title">
      <h2 id="stock-title">{level.sku}</h2>
      <p role="status">
        {level.tracked ? `${level.quantity} in stock` : 'Not tracked: unlimited until a level is set'}
        {level.updatedAt ? ` · updated ${formatDateTime(level.updatedAt)}` : ''}
      </p>
      <div class="grid">
        <form onSubmit={set.onSubmit} aria-label="Set the stock level" noValidate>
          <ErrorSummary error={set.error} labels={{ quantity: 'Units in stock' }} />
          <Field path="quantity" label="Units in stock" hint="A count of the shelf" error={set.errorFor('quantity')}>
            {(c) => <input {...c} type="number" min={0} value={quantity} onInput={(e) => setQuantity(inputValue(e))} />}
          </Field>
          <button type="submit" aria-busy={set.submitting ? 'true' : undefined}>
            Set level
          </button>
        </form>
        {level.tracked ? (
          <form onSubmit={add.onSubmit} aria-label="Adjust the stock level" noValidate>
            <ErrorSummary error={add.error} labels={{ adjust: 'Adjust by' }} />
            <Field path="adjust" label="Adjust by" hint="+5 received, -2 damaged" error={add.errorFor('adjust')}>
              {(c) => <input {...c} type="text" inputMode="numeric" value={adjust} onInput={(e) => setAdjust(inputValue(e))} />}
            </Field>
            <button type="submit" class="secondary" aria-busy={add.submitting ? 'true' : undefined}>
              Adjust
            </button>
          </form>
        ) : null}
      </div>
    </section>
  );
}
