// Store-credit invariants under concurrency, through the real API and DynamoDB
// Local's real transactions: the balance never goes negative, each origin
// credits once, a gift card redeems once, and balance = Σ lots.remaining with
// every row's balanceAfter chaining from the one before.
import { describe, expect, it } from 'vitest';
import { type IssuedGiftCard, REDEEM_TRIES_PER_MINUTE } from '#shared/domain/gift-card';
import { RATE_WINDOW_SECONDS } from '#shared/domain/rate-window';
import type { CreditAccount, CreditTransaction } from '#shared/domain/store-credit';
import { expireStoreCredit } from '#shared/use-cases/expire-store-credit';
import { admin, call, customer, storefront } from '../support/api.ts';
import { earlyInWindow } from '../support/rate-window.ts';
import { accountOf, credit, rows } from '../support/store-credit.ts';

const debit = (customerId: string, amount: number) =>
  call<CreditTransaction>(storefront, 'POST', '/store-credit/debits', { customerId, currency: 'USD', amount });

/** Σ remaining = balance, and each row's balanceAfter is the previous one moved by its amount. */
const expectExactLedger = (account: CreditAccount, ledger: readonly CreditTransaction[]) => {
  expect(account.balance).toBe(account.lots.reduce((s, l) => s + l.remaining, 0));
  expect(account.balance).toBeGreaterThanOrEqual(0);
  let balance = 0;
  for (const row of ledger) {
    balance += row.kind === 'credit' || row.kind === 'revert' ? row.amount : -row.amount;
    expect(row.balanceAfter, `${row.kind} ${row.id}`).toBe(balance);
    expect(row.amount).toBe(row.allocations.reduce((s, a) => s + a.amount, 0));
  }
  expect(balance).toBe(account.balance);
};

describe('store credit races', () => {
  it('50 concurrent debits of 100 on 1,000: exactly 10 succeed, the balance ends at 0, never below', async () => {
    const ada = customer();
    await credit(ada.sub, 1000);
    const replies = await Promise.all(Array.from({ length: 50 }, () => debit(ada.sub, 100)));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 422)).toHaveLength(40);
    const account = await accountOf(ada.sub);
    expect(account.balance).toBe(0);
    expectExactLedger(account, await rows(ada.sub));
  }, 120_000);

  it('concurrent credits, debits, reverts and expiries keep balance = Σ remaining and the rows chained', async () => {
    const bob = customer();
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString();
    await credit(bob.sub, 500, { expiresAt: soon });
    await credit(bob.sub, 500);
    const debits = await Promise.all(Array.from({ length: 4 }, () => debit(bob.sub, 150)));
    const taken = debits.filter((r) => r.status === 201).map((r) => r.body.id);
    await Promise.all([
      ...taken.map((id) => call(storefront, 'POST', `/store-credit/debits/${id}/revert`)),
      ...taken.map((id) => call(storefront, 'POST', `/store-credit/debits/${id}/revert`)),
      credit(bob.sub, 70),
      debit(bob.sub, 90),
      debit(bob.sub, 40),
      expireStoreCredit(new Date(Date.now() + 3 * 86_400_000).toISOString()),
      expireStoreCredit(new Date(Date.now() + 3 * 86_400_000).toISOString()),
    ]);
    const ledger = await rows(bob.sub);
    expect(ledger.filter((r) => r.kind === 'revert')).toHaveLength(taken.length);
    expect(ledger.filter((r) => r.kind === 'expiry').length).toBeLessThanOrEqual(1);
    expectExactLedger(await accountOf(bob.sub), ledger);
  }, 120_000);

  it('a gift card redeems once, whoever races for it', async () => {
    const card = await call<IssuedGiftCard>(admin, 'POST', '/admin/gift-cards', { amount: 2500, currency: 'USD', note: 'race' });
    expect(card.status).toBe(201);
    const racers = Array.from({ length: 6 }, () => customer());
    const replies = await Promise.all(
      racers.map((c) => call<CreditTransaction & { rule?: string }>(c, 'POST', '/gift-cards/redeem', { code: card.body.code })),
    );
    const won = replies.filter((r) => r.status === 201);
    expect(won).toHaveLength(1);
    expect(replies.filter((r) => r.status === 422).every((r) => r.body.rule === 'gift_card_invalid')).toBe(true);
    const winner = racers[replies.indexOf(won[0] as (typeof replies)[number])] as (typeof racers)[number];
    expect((await accountOf(winner.sub)).balance).toBe(2500);
    const after = await call<{ status: string; customerId: string; balance: number }>(admin, 'GET', `/admin/gift-cards/${card.body.id}`);
    expect(after.body).toMatchObject({ status: 'redeemed', customerId: winner.sub, balance: 0 });
  }, 60_000);

  it(`counts ${REDEEM_TRIES_PER_MINUTE} redemption tries a minute per customer under concurrency: the rest are 429 with Retry-After`, async () => {
    const eve = customer();
    await earlyInWindow();
    const tries = await Promise.all(
      Array.from({ length: REDEEM_TRIES_PER_MINUTE + 5 }, (_, i) => call(eve, 'POST', '/gift-cards/redeem', { code: `NOSUCHCODE${i}` })),
    );
    const statuses = tries.map((t) => t.status).sort();
    expect(statuses.filter((s) => s === 422)).toHaveLength(REDEEM_TRIES_PER_MINUTE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    for (const refused of tries.filter((t) => t.status === 429)) {
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(RATE_WINDOW_SECONDS);
    }
    // Another customer's tries are their own.
    expect((await call(customer(), 'POST', '/gift-cards/redeem', { code: 'NOSUCHCODE' })).status).toBe(422);
  });
});
