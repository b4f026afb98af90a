// Store credit through the real API: credit, spend, revert, expire, the
// errors of bad input, and the rows that prove the ledger adds up.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CreditAccount, CreditTransaction } from '#shared/domain/store-credit';
import { expireStoreCredit } from '#shared/use-cases/expire-store-credit';
import { admin, call, customer, storefront } from '../support/api.ts';
import { accountOf, credit, rows } from '../support/store-credit.ts';

type Problem = { rule?: string; errors?: { path: string }[] };

describe('store credit', () => {
  it('credits, spends the soonest-expiring lot first, reverts once, and the rows chain', async () => {
    const ada = customer();
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const late = new Date(Date.now() + 50 * 86_400_000).toISOString();
    const never = await credit(ada.sub, 1000);
    const early = await credit(ada.sub, 300, { expiresAt: soon });
    const later = await credit(ada.sub, 300, { expiresAt: late });
    expect(never.balanceAfter).toBe(1000);

    const spent = await call<CreditTransaction>(storefront, 'POST', '/store-credit/debits', {
      customerId: ada.sub,
      currency: 'USD',
      amount: 500,
      orderId: 'ord_checkout1',
    });
    expect(spent.status).toBe(201);
    expect(spent.body.allocations.map((a) => [a.lotId, a.amount])).toEqual([
      [early.id, 300],
      [later.id, 200],
    ]);
    expect(spent.body).toMatchObject({ kind: 'debit', amount: 500, balanceAfter: 1100, origin: { type: 'order', id: 'ord_checkout1' } });

    const back = await call<CreditTransaction>(storefront, 'POST', `/store-credit/debits/${spent.body.id}/revert`);
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ kind: 'revert', amount: 500, balanceAfter: 1600, revertOf: spent.body.id });
    const again = await call<Problem>(storefront, 'POST', `/store-credit/debits/${spent.body.id}/revert`);
    expect(again.status).toBe(409);

    const account = await accountOf(ada.sub);
    expect(account.balance).toBe(1600);
    expect(account.lots.map((l) => [l.id, l.remaining])).toEqual([
      [early.id, 300],
      [later.id, 300],
      [never.id, 1000],
    ]);
    const ledger = await rows(ada.sub);
    expect(ledger.map((r) => r.kind)).toEqual(['credit', 'credit', 'credit', 'debit', 'revert']);
    expect(ledger.find((r) => r.kind === 'debit')?.revertedBy).toBe(back.body.id);

    const mine = await call<{ items: CreditAccount[] }>(ada, 'GET', '/store-credit');
    expect(mine.body.items).toEqual([account]);
    const page = await call<{ items: CreditTransaction[]; nextCursor: string | null }>(ada, 'GET', '/store-credit/transactions?currency=USD&limit=2');
    expect(page.body.items.map((t) => t.kind)).toEqual(['revert', 'debit']);
    expect(page.body.items[0]?.by).toBe('shop');
    expect(page.body.nextCursor).toEqual(expect.any(String));
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const bob = customer();
    await credit(bob.sub, 100);
    const debit = (body: Record<string, unknown>) =>
      call<Problem>(storefront, 'POST', '/store-credit/debits', { customerId: bob.sub, currency: 'USD', amount: 50, ...body });
    for (const [amount, path] of [
      [0, 'amount'],
      [-5, 'amount'],
      [1.5, 'amount'],
      [10_000_000_000, 'amount'],
    ] as const) {
      const reply = await debit({ amount });
      expect(reply.status, String(amount)).toBe(400);
      expect(reply.body.errors?.map((e) => e.path)).toContain(path);
    }
    const unknown = await debit({ currency: 'XXY' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.map((e) => e.path)).toContain('currency');
    const short = await debit({ amount: 101 });
    expect([short.status, short.body.rule]).toEqual([422, 'insufficient_funds']);
    const other = await debit({ currency: 'EUR' });
    expect([other.status, other.body.rule]).toEqual([422, 'currency_mismatch']);
    const manual = await call<Problem>(admin, 'POST', `/admin/customers/${bob.sub}/store-credit/credits`, { amount: 10, currency: 'USD', note: ' ' });
    expect(manual.status).toBe(400);
    expect(manual.body.errors?.map((e) => e.path)).toContain('note');
    expect((await accountOf(bob.sub)).balance).toBe(100);
    expect(await rows(bob.sub)).toHaveLength(1);
  });

  it('lets an admin debit with a note, and a customer who holds nothing sees no account', async () => {
    const cy = customer();
    await credit(cy.sub, 400);
    const taken = await call<CreditTransaction>(admin, 'POST', `/admin/customers/${cy.sub}/store-credit/debits`, {
      amount: 150,
      currency: 'USD',
      note: 'issued in error',
    });
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({ kind: 'debit', balanceAfter: 250, note: 'issued in error', origin: { type: 'manual' } });
    const none = await call<{ items: unknown[] }>(customer(), 'GET', '/store-credit');
    expect(none.body.items).toEqual([]);
    const seen = await call<{ items: CreditAccount[] }>(storefront, 'GET', `/customers/${cy.sub}/store-credit`);
    expect(seen.body.items[0]?.balance).toBe(250);
  });

  it('expires each lot past due once (a second run expires nothing), and a revert before the expiry goes back into its lot', async () => {
    const dee = customer();
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const lot = await credit(dee.sub, 500, { expiresAt: inAWeek });
    const spent = await call<CreditTransaction>(storefront, 'POST', '/store-credit/debits', { customerId: dee.sub, currency: 'USD', amount: 200 });
    const later = new Date(Date.now() + 8 * 86_400_000).toISOString();
    const first = await expireStoreCredit(later);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    const rowsAfter = await rows(dee.sub);
    expect(rowsAfter.filter((r) => r.kind === 'expiry')).toEqual([
      expect.objectContaining({ amount: 300, balanceAfter: 0, allocations: [expect.objectContaining({ lotId: lot.id })] }),
    ]);
    await expireStoreCredit(later);
    expect((await rows(dee.sub)).filter((r) => r.kind === 'expiry')).toHaveLength(1);
    expect((await accountOf(dee.sub)).balance).toBe(0);

    // The revert runs now; the lot's expiry is a week away, so the 200 goes back into it.
    const back = await call<CreditTransaction>(storefront, 'POST', `/store-credit/debits/${spent.body.id}/revert`);
    expect(back.status).toBe(201);
    expect((await accountOf(dee.sub)).lots).toEqual([expect.objectContaining({ id: lot.id, remaining: 200 })]);
  });

  it('replays a debit under the same Idempotency-Key and takes the money once', async () => {
    const eve = customer();
    await credit(eve.sub, 300);
    const key = randomUUID();
    const body = { customerId: eve.sub, currency: 'USD', amount: 100 };
    const [a, b] = await Promise.all([
      call<CreditTransaction>(storefront, 'POST', '/store-credit/debits', body, { 'idempotency-key': key }),
      call<CreditTransaction>(storefront, 'POST', '/store-credit/debits', body, { 'idempotency-key': key }),
    ]);
    const ok = [a, b].filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => r.body.id)).size).toBe(1);
    expect((await accountOf(eve.sub)).balance).toBe(200);
  });
});
