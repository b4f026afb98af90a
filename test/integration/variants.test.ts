// Variants end to end: the storefront declares them, a product lists its active
// ones with their tracked stock, bad bodies are 400s naming the field.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Variant, VariantListing } from '#shared/domain/variant';
import { admin, type Caller, call, customer, storefront } from '../support/api.ts';

const product = () => `prod-${randomUUID().slice(0, 12)}`;
const variantBody = (productId: string, over: Record<string, unknown> = {}) => ({
  productId,
  title: 'Linen shirt',
  variantTitle: 'M / Navy',
  options: { Size: 'M', Colour: 'Navy' },
  prices: { USD: { unitPrice: 4500, tax: 450 }, EUR: { unitPrice: 4200, tax: 800 } },
  imageUrl: 'https://cdn.example.com/shirt-m-navy.jpg',
  active: true,
  ...over,
});
const put = (sku: string, body: unknown, by: Caller = storefront) =>
  call<Variant & { errors?: { path: string }[] }>(by, 'PUT', `/variants/${encodeURIComponent(sku)}`, body);
const list = (productId: string, by: Caller = customer()) =>
  call<{ items: VariantListing[] }>(by, 'GET', `/variants?productId=${encodeURIComponent(productId)}`);

describe('variants', () => {
  it('creates a variant (version 1) and replaces it (version 2, creation time kept)', async () => {
    const productId = product();
    const sku = `SHIRT-M-${randomUUID().slice(0, 8)}`;
    const created = await put(sku, variantBody(productId));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ sku, productId, version: 1, prices: { USD: { unitPrice: 4500, tax: 450 } } });
    const replaced = await put(sku, variantBody(productId, { variantTitle: 'M / Sand' }), admin);
    expect(replaced.body).toMatchObject({ sku, variantTitle: 'M / Sand', version: 2, createdAt: created.body.createdAt });
  });

  it("lists a product's active variants only, each with its tracked stock or null when untracked", async () => {
    const productId = product();
    const [tracked, untracked, retired, other] = ['T', 'U', 'R', 'O'].map((s) => `SHIRT-${s}-${randomUUID().slice(0, 8)}`) as [string, string, string, string];
    await put(tracked, variantBody(productId));
    await put(untracked, variantBody(productId, { variantTitle: 'L / Navy', options: { Size: 'L' } }));
    await put(retired, variantBody(productId));
    await put(retired, variantBody(productId, { active: false }));
    await put(other, variantBody(product()));
    expect((await call(admin, 'PUT', `/admin/stock/${tracked}`, { quantity: 7 })).status).toBe(200);

    const reply = await list(productId);

    expect(reply.status).toBe(200);
    const bySku = Object.fromEntries(reply.body.items.map((v) => [v.sku, v.available]));
    expect(bySku).toEqual({ [tracked]: 7, [untracked]: null });
    expect((await list(productId, admin)).body.items).toHaveLength(2);
    expect((await list(productId, storefront)).body.items).toHaveLength(2);
  });

  it('moves a variant to its new product when its productId changes', async () => {
    const [from, to] = [product(), product()];
    const sku = `SHIRT-MV-${randomUUID().slice(0, 8)}`;
    await put(sku, variantBody(from));
    await put(sku, variantBody(to));
    expect((await list(from)).body.items).toEqual([]);
    expect((await list(to)).body.items.map((v) => v.sku)).toEqual([sku]);
  });

  it('refuses a bad body with a 400 naming each bad field, and writes nothing', async () => {
    const productId = product();
    const sku = `SHIRT-BAD-${randomUUID().slice(0, 8)}`;
    const reply = await put(sku, variantBody(productId, { prices: { usd: { unitPrice: 45.5, tax: -1 } }, imageUrl: 'not a url', active: 'yes' }));
    expect(reply.status).toBe(400);
    const paths = (reply.body.errors ?? []).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['imageUrl', 'active']));
    expect(paths.some((p) => p.startsWith('prices'))).toBe(true);
    expect((await list(productId)).body.items).toEqual([]);
  });

  it('refuses a customer the PUT (403) and a list without productId (400)', async () => {
    expect((await put(`SHIRT-${randomUUID().slice(0, 8)}`, variantBody(product()), customer())).status).toBe(403);
    expect((await call(customer(), 'GET', '/variants')).status).toBe(400);
  });
});
