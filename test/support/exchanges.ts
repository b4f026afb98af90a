// Exchanges over real HTTP, for end-to-end tests: a delivered order of a shirt
// (size M, a product with variants) and a mug, the variants it can be
// exchanged to, and the calls that ask for and run exchanges.
import { randomUUID } from 'node:crypto';
import type { Exchange } from '#shared/domain/exchange';
import type { Order } from '#shared/domain/order';
import { type Caller, call, customer, storefront } from './api.ts';
import { deliveredOrderFor, type Problem } from './returns-api.ts';

export type ExchangeReply = Exchange & Problem;

export const DOESNT_FIT = 'rsn_retdoesntfit';

export interface ExchangeShop {
  readonly owner: ReturnType<typeof customer>;
  /** Shirt M: 2 × 4000 + 1600 tax (4800 a unit); mug: 3 × 1000. Paid by card, delivered. */
  readonly order: Order;
  readonly productId: string;
  /** The same shirt in L (listed at 5400 a unit: a swap keeps the 4800 paid), a jacket (10800), socks (1200), an inactive and a EUR-only variant. */
  readonly sku: { readonly large: string; readonly jacket: string; readonly socks: string; readonly retired: string; readonly euroOnly: string };
}

export const declareVariant = async (sku: string, productId: string, price: { unitPrice: number; tax: number } | null, active = true): Promise<void> => {
  const reply = await call(storefront, 'PUT', `/variants/${sku}`, {
    productId,
    title: productId,
    variantTitle: sku,
    options: {},
    prices: price ? { USD: price } : { EUR: { unitPrice: 100, tax: 0 } },
    imageUrl: null,
    active,
  });
  if (reply.status !== 200) throw new Error(`PUT /variants/${sku}: ${reply.status} ${JSON.stringify(reply.body)}`);
};

export const exchangeShop = async (owner = customer()): Promise<ExchangeShop> => {
  const run = randomUUID().slice(0, 8);
  const productId = `shirt-${run}`;
  const order = await deliveredOrderFor(owner, {
    lineItems: [
      { sku: `SHIRT-M-${run}`, productId, title: 'Shirt', variantTitle: 'M', quantity: 2, unitPrice: 4000, tax: 1600 },
      { sku: `MUG-${run}`, title: 'Mug', quantity: 3, unitPrice: 1000 },
    ],
  });
  const sku = {
    large: `SHIRT-L-${run}`,
    jacket: `JACKET-${run}`,
    socks: `SOCKS-${run}`,
    retired: `SHIRT-S-${run}`,
    euroOnly: `SHIRT-XL-${run}`,
  };
  await declareVariant(sku.large, productId, { unitPrice: 4500, tax: 900 });
  await declareVariant(sku.jacket, `jacket-${run}`, { unitPrice: 9000, tax: 1800 });
  await declareVariant(sku.socks, `socks-${run}`, { unitPrice: 1000, tax: 200 });
  await declareVariant(sku.retired, productId, { unitPrice: 4000, tax: 800 }, false);
  await declareVariant(sku.euroOnly, productId, null);
  return { owner, order, productId, sku };
};

/** One shirt back for `outbound` (one unit of each SKU given). */
export const exchangeOf = (order: Order, outbound: readonly string[], over: Record<string, unknown> = {}) => ({
  orderId: order.id,
  inbound: [{ lineItemId: order.lineItems[0]?.id, quantity: 1, reasonId: DOESNT_FIT }],
  outbound: outbound.map((sku) => ({ sku, quantity: 1 })),
  ...over,
});

export const postExchange = (caller: Caller, body: unknown, headers: Record<string, string> = {}) =>
  call<ExchangeReply>(caller, 'POST', '/exchanges', body, headers);

/** Creates an exchange and fails loudly unless it is a 201. */
export const createExchange = async (caller: Caller, body: unknown): Promise<Exchange> => {
  const reply = await postExchange(caller, body);
  if (reply.status !== 201) throw new Error(`POST /exchanges failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
};
