// Stock counts and adjustments never lose a sale: a level PUT with If-Match
// fails (412) when anything changed the SKU since it was read, an order
// included; `{adjust: ±n}` is applied atomically and composes with racing
// orders; a level never goes below zero.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { admin, call, customer, storefront } from '../support/api.ts';
import { orderBody } from '../support/orders.ts';

type Stock = { sku: string; tracked: boolean; quantity: number | null; version: number };
type Problem = { rule?: string; errors: { path: string; message: string }[] };

const sku = () => `SKU-${randomUUID().slice(0, 13)}`;
const path = (id: string) => `/admin/stock/${encodeURIComponent(id)}`;
const put = (id: string, body: unknown, headers: Record<string, string> = {}) => call<Stock & Problem>(admin, 'PUT', path(id), body, headers);
const stockOf = async (id: string) => (await call<Stock>(admin, 'GET', path(id))).body;

const order = (id: string, quantity: number) => {
  const base = orderBody({ lineItems: [{ sku: id, title: 'Lamp', quantity, unitPrice: 4000 }] });
  return call(storefront, 'POST', '/orders', { ...base, customer: { ...base.customer, customerId: customer().sub } });
};

describe('stock writes', () => {
  it('GET shows the version and its ETag; a PUT with the current If-Match steps it, a stale one is a 412 that changes nothing', async () => {
    const id = sku();
    const untouched = await call<Stock>(admin, 'GET', path(id));
    expect(untouched.body).toMatchObject({ tracked: false, version: 0 });
    expect(untouched.headers.get('etag')).toBe('"0"');

    const set = await put(id, { quantity: 10 }, { 'if-match': '"0"' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ tracked: true, quantity: 10, version: 1 });
    expect(set.headers.get('etag')).toBe('"1"');

    const stale = await put(id, { quantity: 3 }, { 'if-match': '"0"' });
    expect(stale.status).toBe(412);
    expect(await stockOf(id)).toMatchObject({ quantity: 10, version: 1 });
  });

  it('a count read before a sale cannot overwrite it: the sale steps the version, the count gets 412', async () => {
    const id = sku();
    const counted = (await put(id, { quantity: 5 })).body;
    expect((await order(id, 2)).status).toBe(201);
    const overwrite = await put(id, { quantity: 5 }, { 'if-match': `"${counted.version}"` });
    expect(overwrite.status).toBe(412);
    expect(await stockOf(id)).toMatchObject({ quantity: 3, version: counted.version + 1 });
  });

  it('adjusts a tracked level by ±n; never below zero (422 naming adjust); an untracked SKU cannot be adjusted (409)', async () => {
    const id = sku();
    await put(id, { quantity: 4 });
    expect((await put(id, { adjust: 3 })).body).toMatchObject({ quantity: 7, version: 2 });
    expect((await put(id, { adjust: -7 })).body).toMatchObject({ quantity: 0, version: 3 });
    const below = await put(id, { adjust: -1 });
    expect(below.status).toBe(422);
    expect(below.body).toMatchObject({ rule: 'insufficient_stock', errors: [{ path: 'adjust' }] });
    expect(await stockOf(id)).toMatchObject({ quantity: 0, version: 3 });
    expect((await put(id, { adjust: 2 }, { 'if-match': '"2"' })).status).toBe(412);

    const untracked = sku();
    expect((await put(untracked, { adjust: 5 })).status).toBe(409);
    expect(await stockOf(untracked)).toMatchObject({ tracked: false, version: 0 });
  });

  it('takes exactly one of quantity and adjust (400 naming both)', async () => {
    for (const body of [{}, { quantity: 1, adjust: 1 }]) {
      const reply = await put(sku(), body);
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((e) => e.path).sort()).toEqual(['adjust', 'quantity']);
    }
    const fractional = await put(sku(), { adjust: 1.5 });
    expect([fractional.status, fractional.body.errors.map((e) => e.path)]).toEqual([400, ['adjust']]);
  });

  it('racing adjustments and orders lose nothing: the level is the start plus every adjustment minus every sale', async () => {
    const id = sku();
    await put(id, { quantity: 20 });
    const replies = await Promise.all([
      ...Array.from({ length: 6 }, () => order(id, 1)),
      ...Array.from({ length: 6 }, () => put(id, { adjust: 2 })),
      ...Array.from({ length: 4 }, () => put(id, { adjust: -1 })),
    ]);
    expect(replies.map((r) => r.status)).toEqual([...Array(6).fill(201), ...Array(10).fill(200)]);
    // 20 − 6 sold + 12 added − 4 removed; one version step per write.
    expect(await stockOf(id)).toMatchObject({ quantity: 22, version: 17 });
  });
});
