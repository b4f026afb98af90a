// Exactly once: redelivered, bisected and concurrently delivered stream records
// send each email once (the real handler, DynamoDB Local markers, local SES).
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import { createOrder, customer } from '../support/api.ts';
import { address, cancellationItem, context, inbox, noteItem, notifyWith, orderItem, refundItem } from '../support/notify.ts';
import { batch, inserted, modified } from '../support/stream-events.ts';

const setup = async () => {
  const owner = customer();
  const order: Order = await createOrder(owner);
  const admin = address('admin');
  const confirmed = { ...order, status: 'confirmed', version: 2 } as Order;
  const records = [
    modified(orderItem(order), orderItem(confirmed)),
    inserted(cancellationItem(order)),
    inserted(noteItem(order, 'Packed with care', 'customer')),
    inserted(refundItem(order)),
  ];
  return { email: owner.email, admin, notify: notifyWith([admin]), records };
};

/** Subject → how many emails with it reached `to`. */
const tally = async (to: string) => {
  const counts: Record<string, number> = {};
  for (const mail of await inbox(to)) counts[mail.subject] = (counts[mail.subject] ?? 0) + 1;
  return counts;
};

describe('notify: exactly once', () => {
  it('sends nothing new when the same batch is delivered again, or in bisected halves', async () => {
    const { email, admin, notify, records } = await setup();
    const first = await notify(batch(...records), context());
    expect(first.batchItemFailures).toEqual([]);
    const afterFirst = { customer: await tally(email), admin: await tally(admin) };
    expect(Object.values(afterFirst.customer)).toEqual([1, 1, 1, 1]);
    expect(Object.values(afterFirst.admin)).toEqual([1]);

    const again = await notify(batch(...records), context());
    const left = await notify(batch(...records.slice(0, 2)), context());
    const right = await notify(batch(...records.slice(2)), context());
    for (const result of [again, left, right]) expect(result.batchItemFailures).toEqual([]);
    expect({ customer: await tally(email), admin: await tally(admin) }).toEqual(afterFirst);
  });

  it('sends once when two invocations deliver the same records at the same time', async () => {
    const { email, admin, notify, records } = await setup();
    const event: DynamoDBStreamEvent = batch(...records);
    const results = await Promise.all([notify(event, context()), notify(event, context()), notify(event, context())]);
    // A record another invocation is sending right now is reported back and retried, as the event source would.
    let pending = results.flatMap((r) => r.batchItemFailures.map((f) => f.itemIdentifier));
    for (let attempt = 0; pending.length > 0 && attempt < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const retry = batch(...records.filter((r) => pending.includes(r.dynamodb?.SequenceNumber ?? '')));
      pending = (await notify(retry, context())).batchItemFailures.map((f) => f.itemIdentifier);
    }
    expect(pending).toEqual([]);
    expect(Object.values(await tally(email))).toEqual([1, 1, 1, 1]);
    expect(Object.values(await tally(admin))).toEqual([1]);
  });
});
