// Store-credit helpers for tests: credit through the admin route, read an
// account and every row of its ledger, oldest first.
import { expect } from 'vitest';
import type { CreditAccount, CreditTransaction } from '#shared/domain/store-credit';
import { admin, call } from './api.ts';

export const credit = async (customerId: string, amount: number, extra: { currency?: string; expiresAt?: string } = {}): Promise<CreditTransaction> => {
  const reply = await call<CreditTransaction>(admin, 'POST', `/admin/customers/${customerId}/store-credit/credits`, {
    amount,
    currency: extra.currency ?? 'USD',
    note: 'test credit',
    ...(extra.expiresAt ? { expiresAt: extra.expiresAt } : {}),
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};

export const accountOf = async (customerId: string, currency = 'USD'): Promise<CreditAccount> => {
  const reply = await call<{ items: CreditAccount[] }>(admin, 'GET', `/admin/customers/${customerId}/store-credit`);
  const account = reply.body.items.find((a) => a.currency === currency);
  if (!account) throw new Error(`no ${currency} account for ${customerId}`);
  return account;
};

/** Every row, oldest first (the route pages newest first). */
export const rows = async (customerId: string, currency = 'USD'): Promise<CreditTransaction[]> => {
  const all: CreditTransaction[] = [];
  let cursor: string | null = null;
  do {
    const reply: { body: { items: CreditTransaction[]; nextCursor: string | null } } = await call(
      admin,
      'GET',
      `/admin/customers/${customerId}/store-credit/transactions?currency=${currency}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    all.push(...reply.body.items);
    cursor = reply.body.nextCursor;
  } while (cursor);
  return all.reverse();
};
