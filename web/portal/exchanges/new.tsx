// Exchange items of an order (API.md "Exchange"): per returnable line, how many
// and which variant of the same product instead; the difference worked out by
// the server (POST /exchanges/calculate, which writes nothing) each time the
// choice changes and shown before sending; where a negative difference goes.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { NegativeTo } from '#shared/domain/exchange';
import type { Order } from '#shared/domain/order';
import type { Reason } from '#shared/domain/reason';
import { type ApiResult, api } from '../../api/client.ts';
import { useIntentKey } from '../../api/intent-key.ts';
import { ApiError, networkError, onFormFields } from '../../api/problem.ts';
import { APP_BASE } from '../../base.ts';
import { t } from '../../i18n/locale.ts';
import { ErrorSummary, RadioGroup, useSubmission } from '../../ui/form.tsx';
import { money } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { announce } from '../../ui/status-message.tsx';
import { loadPolicy } from '../policy.ts';
import { TermsCheckbox } from '../terms.tsx';
import { Difference, direction } from './difference.tsx';
import { type SwapChoice, SwapChoices, type SwapLine } from './swap-choices.tsx';

/** The order's returnable lines, each with its product's variants (one request per product). */
const loadLines = async (order: Order, signal: AbortSignal): Promise<SwapLine[]> => {
  const returnable = await api('returns.returnableItems', { params: { orderId: order.id }, signal });
  const productOf = new Map(order.lineItems.map((l) => [l.id, l.productId]));
  const products = [...new Set(returnable.items.flatMap((i) => productOf.get(i.lineItemId) ?? []))];
  const listed = await Promise.all(products.map((productId) => api('exchanges.listVariants', { query: { productId }, signal })));
  const variantsOf = new Map(products.map((p, i) => [p, listed[i]?.items ?? []]));
  return returnable.items.map((item) => ({ item, variants: variantsOf.get(productOf.get(item.lineItemId) ?? '') ?? [] }));
};

export function NewExchange({ orderId }: { orderId: string }) {
  const [state, reload] = useLoad(
    async (signal) => {
      const order = await api('orders.get', { params: { orderId }, signal });
      const [lines, reasons, policy] = await Promise.all([
        loadLines(order, signal),
        api('settings.reasons', { query: { kind: 'return' }, signal }),
        loadPolicy(),
      ]);
      return { order, lines, reasons: reasons.items, termsUrl: policy.returns.termsUrl };
    },
    [orderId],
  );
  return (
    <Loaded state={state} onRetry={reload}>
      {({ order, lines, reasons, termsUrl }) => (
        <>
          <h1>{t('web.newExchange.title', { number: order.number })}</h1>
          <ExchangeForm order={order} lines={lines} reasons={reasons} termsUrl={termsUrl} />
        </>
      )}
    </Loaded>
  );
}

type Quote =
  | { readonly status: 'idle' }
  | { readonly status: 'ok'; readonly body: string; readonly values: ApiResult<'exchanges.calculate'> }
  | { readonly status: 'error'; readonly error: ApiError };

/**
 * The server names lines by their index in `inbound` and variants by their
 * index in `outbound` (`inbound.0.quantity` from the schema, `inbound[0].lineItemId`
 * from a business rule); the form names both by the line they were chosen on.
 */
const byLine = (inbound: readonly string[], outboundLines: readonly string[]) =>
  onFormFields((e) => {
    const line = /^inbound(?:\.|\[)(\d+)\]?\.(\w+)$/.exec(e.path);
    if (line) return { ...e, path: `inbound.${inbound[Number(line[1])] ?? line[1]}.${line[2] === 'lineItemId' ? 'quantity' : line[2]}` };
    const out = /^outbound(?:\.|\[)(\d+)/.exec(e.path);
    if (out) return { ...e, path: `inbound.${outboundLines[Number(out[1])] ?? out[1]}.sku` };
    return e;
  });

interface FormProps {
  readonly order: Order;
  readonly lines: readonly SwapLine[];
  readonly reasons: readonly Reason[];
  /** The shop's return terms, accepted here too: the items go back as a return. */
  readonly termsUrl: string | null;
}

function ExchangeForm({ order, lines, reasons, termsUrl }: FormProps) {
  const { route } = useLocation();
  const [choices, setChoices] = useState<Readonly<Record<string, SwapChoice>>>({});
  const [negativeTo, setNegativeTo] = useState<NegativeTo | ''>('');
  const [termsAccepted, setTermsAccepted] = useState(false);
  const chosen = Object.entries(choices).filter(([, c]) => c.quantity > 0);
  const inbound = chosen.map(([lineItemId, c]) => ({ lineItemId, quantity: c.quantity, reasonId: c.reasonId }));
  // One outbound entry per variant: two lines swapped to the same SKU ask for it once.
  const outboundLines: string[] = [];
  const units = new Map<string, number>();
  for (const [lineItemId, c] of chosen) {
    if (!units.has(c.sku)) outboundLines.push(lineItemId);
    units.set(c.sku, (units.get(c.sku) ?? 0) + c.quantity);
  }
  const outbound = [...units].map(([sku, quantity]) => ({ sku, quantity }));
  const complete = chosen.length > 0 && chosen.every(([, c]) => c.reasonId && c.sku);
  const body = { orderId: order.id, inbound, outbound, ...(negativeTo ? { negativeTo } : {}), ...(termsUrl ? { termsAccepted } : {}) };
  const bodyText = JSON.stringify(body);

  // The difference for the choice as it stands; a change of mind asks again and drops the answer in flight.
  const [quote, setQuote] = useState<Quote>({ status: 'idle' });
  useEffect(() => {
    if (!complete) {
      setQuote({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    api('exchanges.calculate', { body, signal: controller.signal })
      .catch(
        byLine(
          inbound.map((i) => i.lineItemId),
          outboundLines,
        ),
      )
      .then(
        (values) => controller.signal.aborted || setQuote({ status: 'ok', body: bodyText, values }),
        (error: unknown) => controller.signal.aborted || setQuote({ status: 'error', error: error instanceof ApiError ? error : networkError(error) }),
      );
    return () => controller.abort();
  }, [bodyText, complete]);

  const values = quote.status === 'ok' && quote.body === bodyText ? quote.values : null;
  const negative = values !== null && values.differenceDue < 0;
  // Back to the card only when the order was paid by card.
  const destinations = (['card', 'store_credit'] as const).filter((d) => d !== 'card' || order.paymentMethod === 'card');
  const intent = useIntentKey();
  const submission = useSubmission(
    () =>
      api('exchanges.create', { idempotencyKey: intent.keyFor(body), body }).catch(
        byLine(
          inbound.map((i) => i.lineItemId),
          outboundLines,
        ),
      ),
    (created) => {
      const page = `${APP_BASE}/exchanges/${created.id}`;
      announce(t('web.newExchange.sent', { number: order.number }), page);
      route(page);
    },
    () => [
      ...(chosen.length === 0 ? [{ path: 'inbound', message: t('web.newExchange.chooseItem') }] : []),
      ...chosen.flatMap(([lineItemId, c]) => [
        ...(c.sku ? [] : [{ path: `inbound.${lineItemId}.sku`, message: t('web.exchange.chooseVariant') }]),
        ...(c.reasonId ? [] : [{ path: `inbound.${lineItemId}.reasonId`, message: t('web.newReturn.chooseReason') }]),
      ]),
      ...(complete && values === null && quote.status !== 'error' ? [{ path: 'difference', message: t('web.newExchange.wait') }] : []),
      ...(negative && !negativeTo ? [{ path: 'negativeTo', message: t('web.newExchange.chooseNegativeTo') }] : []),
      ...(termsUrl && !termsAccepted ? [{ path: 'termsAccepted', message: t('web.newReturn.acceptTerms') }] : []),
    ],
  );
  const labels = {
    inbound: t('web.items'),
    difference: t('web.exchange.valuesCaption'),
    negativeTo: t('web.newExchange.negativeTo'),
    termsAccepted: t('web.newReturn.terms'),
    ...Object.fromEntries(
      lines.flatMap(({ item }) => [
        [`inbound.${item.lineItemId}.quantity`, t('web.exchange.quantityOf', { title: item.title })],
        [`inbound.${item.lineItemId}.sku`, t('web.exchange.instead', { title: item.title })],
        [`inbound.${item.lineItemId}.reasonId`, t('web.exchange.reasonFor', { title: item.title })],
      ]),
    ),
  };
  return (
    <form onSubmit={submission.onSubmit} noValidate>
      <ErrorSummary error={submission.error} labels={labels} />
      <SwapChoices lines={lines} reasons={reasons} choices={choices} onChange={setChoices} errorFor={submission.errorFor} />

      <section aria-labelledby="field-difference" aria-live="polite">
        <h2 id="field-difference" tabIndex={-1}>
          {t('web.exchange.valuesCaption')}
        </h2>
        {values ? (
          <>
            <Difference values={values} />
            <p>{t('web.newExchange.explain', { who: direction(values.differenceDue), amount: money(Math.abs(values.differenceDue), values.currency) })}</p>
          </>
        ) : quote.status === 'error' ? (
          <ul class="error-list">
            {(quote.error.fieldErrors.length > 0 ? quote.error.fieldErrors.map((f) => f.message) : [quote.error.problem.detail]).map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : (
          <p>{complete ? t('web.loading') : t('web.newExchange.chooseFirst')}</p>
        )}
      </section>

      {negative ? (
        <RadioGroup
          path="negativeTo"
          legend={labels.negativeTo}
          options={destinations.map((d) => [d, t('web.newExchange.negativeToOption', { to: d })] as const)}
          value={negativeTo}
          onChange={setNegativeTo}
          error={submission.errorFor('negativeTo')}
        />
      ) : null}

      {termsUrl ? <TermsCheckbox termsUrl={termsUrl} checked={termsAccepted} onChange={setTermsAccepted} error={submission.errorFor('termsAccepted')} /> : null}
      <div class="actions">
        <button type="submit" aria-busy={submission.submitting}>
          {t('web.newExchange.send')}
        </button>
        <a href={`${APP_BASE}/orders/${order.id}`}>{t('web.backToOrder')}</a>
      </div>
    </form>
  );
}
