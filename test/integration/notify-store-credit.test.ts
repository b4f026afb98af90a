// Store-credit emails through the real handlers, the real notify consumer and
// local SES: a return refunded in store credit with a bonus is ONE email in the
// customer's language naming both; a later manual credit reaches the address
// the account recorded; an account never credited from an order gets none; the
// expiry job's reminder items email once per lot. Redelivered records send
// nothing new. Store credit is a setting (global): a table of its own.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db, TABLE_NAME } from '#shared/adapters/dynamo';
import { KEY, PARTITION } from '#shared/adapters/keys';
import type { ReturnRequest } from '#shared/domain/return-request';
import type { Settings } from '#shared/domain/settings';
import { formatAmount, formatDay } from '#shared/i18n/format';
import { expireStoreCredit } from '#shared/use-cases/expire-store-credit';
import { admin, call, customer } from '../support/api.ts';
import { context, inbox, notifyWith } from '../support/notify.ts';
import { useOwnTable } from '../support/own-table.ts';
import { approve, createReturn, deliveredOrderFor, returnOf, setStatus } from '../support/returns-api.ts';
import { accountOf, credit } from '../support/store-credit.ts';
import { batch, inserted } from '../support/stream-events.ts';

vi.hoisted(() => {
  process.env.TABLE_NAME = `own-${crypto.randomUUID()}`;
});

const EXPIRES_IN_DAYS = 90;
const REMINDER_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  await useOwnTable();
  const { version: _v, updatedAt: _u, ...settings } = (await call<Settings>(admin, 'GET', '/admin/settings')).body;
  const reply = await call(admin, 'PUT', '/admin/settings', {
    ...settings,
    storeCredit: { enabled: true, expiresInDays: EXPIRES_IN_DAYS, reminderDays: REMINDER_DAYS, bonus: { percent: 10, flat: 0, max: 500 } },
  });
  expect(reply.status).toBe(200);
});

/** The customer's ledger rows as the table holds them: what the stream delivers. */
const ledgerItems = async (customerId: string) =>
  (
    await db.send(
      new QueryCommand({ TableName: TABLE_NAME, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': PARTITION.credit(customerId) } }),
    )
  ).Items?.filter((item) => item.type === 'CreditTransaction') ?? [];

const notify = notifyWith([]);

/** Delivers the records twice (a redelivery): each must be handled without a failure. */
const deliverTwice = async (items: readonly Record<string, unknown>[]) => {
  for (let round = 0; round < 2; round++) expect((await notify(batch(...items.map(inserted)), context())).batchItemFailures).toEqual([]);
};

/** A German customer whose return is refunded in store credit: the refund lot plus the bonus lot. */
const germanRefundedInCredit = async () => {
  const owner = customer();
  const order = await deliveredOrderFor(owner, { customer: { customerId: owner.sub, name: 'Grete Müller', email: owner.email, locale: 'de-DE' } });
  const request = await createReturn(owner, returnOf(order, { refundMethod: 'store_credit' }));
  await approve(request);
  const refunded = await setStatus(request.id, { status: 'refunded' });
  expect(refunded.status).toBe(200);
  const amount = (refunded.body as ReturnRequest).refundAmount ?? 0;
  return { owner, amount, bonus: Math.min(500, Math.floor(amount / 10)) };
};

describe('store-credit emails', () => {
  it('emails a credit with its bonus once, in the customer’s language, and later credits to the address the account recorded', async () => {
    const { owner, amount, bonus } = await germanRefundedInCredit();
    expect(bonus).toBeGreaterThan(0);
    await deliverTwice(await ledgerItems(owner.sub));

    const [mail, ...more] = await inbox(owner.email);
    expect(more).toEqual([]);
    const total = formatAmount(amount + bonus, 'USD', 'de');
    expect(mail?.subject).toBe(`${total} Guthaben wurde Ihrem Kundenkonto gutgeschrieben`);
    const text = mail?.body.text ?? '';
    expect(text).toContain(`Ihre Erstattung über ${formatAmount(amount, 'USD', 'de')} wurde Ihrem Guthaben gutgeschrieben.`);
    expect(text).toContain(`${formatAmount(bonus, 'USD', 'de')} Bonus hinzugefügt – insgesamt ${total}.`);
    const [lot] = (await accountOf(owner.sub)).lots;
    expect(text).toContain(`bis zum ${formatDay(lot?.expiresAt ?? '', 'de')} einlösbar`);

    // The account keeps its contact to itself: the API shows none.
    expect(Object.keys(await accountOf(owner.sub))).not.toContain('contact');

    // A manual credit knows no order: it goes to the address and language the account recorded.
    await credit(owner.sub, 1234);
    await deliverTwice(await ledgerItems(owner.sub));
    const subjects = (await inbox(owner.email)).map((m) => m.subject);
    expect(subjects).toHaveLength(2);
    expect(subjects).toContain(`${formatAmount(1234, 'USD', 'de')} Guthaben wurde Ihrem Kundenkonto gutgeschrieben`);
  });

  it('sends nothing for a credit to an account that never recorded an address', async () => {
    const stranger = customer();
    await credit(stranger.sub, 500);
    const items = await ledgerItems(stranger.sub);
    expect(items).toHaveLength(1);
    expect(items[0]?.contact).toBeUndefined();
    await deliverTwice(items);
    expect(await inbox(stranger.email)).toEqual([]);
  });

  it('reminds once per lot, reminderDays before it expires, in the customer’s language', async () => {
    const { owner } = await germanRefundedInCredit();
    const { lots } = await accountOf(owner.sub);
    expect(lots).toHaveLength(2);
    const expiresAt = lots[0]?.expiresAt ?? '';
    // Outside the window: no reminder item, so nothing to send.
    const early = new Date(Date.parse(expiresAt) - (REMINDER_DAYS + 1) * DAY_MS).toISOString();
    await expireStoreCredit(early);
    const reminders = async () =>
      (await Promise.all(lots.map((lot) => db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.creditReminder(lot.id) }))))).flatMap((r) =>
        r.Item ? [r.Item] : [],
      );
    expect(await reminders()).toEqual([]);

    const due = new Date(Date.parse(expiresAt) - (REMINDER_DAYS - 1) * DAY_MS).toISOString();
    await expireStoreCredit(due);
    await expireStoreCredit(due);
    const items = await reminders();
    expect(items).toHaveLength(2);
    const before = (await inbox(owner.email)).length;
    await deliverTwice(items);
    const sent = (await inbox(owner.email)).slice(before);
    const date = formatDay(expiresAt, 'de');
    expect(sent.map((m) => m.subject).sort()).toEqual(
      lots.map((lot) => `Ihr Guthaben von ${formatAmount(lot.remaining, 'USD', 'de')} verfällt am ${date}`).sort(),
    );
    expect(sent[0]?.body.text).toContain(`Am ${date} verfallen`);
  });
});
