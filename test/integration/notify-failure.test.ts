// SES failing: only the records whose email failed are reported back, nothing
// already sent is sent again, and the retry sends what failed. SES "fails" for
// real: the sender for the chosen addresses is an SES client pointed at a port
// nobody listens on; every other address goes to the local SES.
import { describe, expect, it } from 'vitest';
import { freePort } from '#infra/local/ports';
import { createSesSender, type SendEmail, sendEmail } from '#shared/adapters/ses';
import type { Order } from '#shared/domain/order';
import { createOrder, customer } from '../support/api.ts';
import { address, cancellationItem, context, inbox, notifyWith, orderItem } from '../support/notify.ts';
import { batch, inserted, modified } from '../support/stream-events.ts';

/** Sends through local SES, except to `down` addresses while they are down. */
const flakySes = async () => {
  const dead = createSesSender({ endpoint: `http://127.0.0.1:${await freePort()}`, maxAttempts: 1 });
  const down = new Set<string>();
  const send: SendEmail = (from, to, email) => (to.some((a) => down.has(a)) ? dead(from, to, email) : sendEmail(from, to, email));
  return { send, down };
};

const statusChange = async () => {
  const owner = customer();
  const order: Order = await createOrder(owner);
  return { email: owner.email, order, record: modified(orderItem(order), orderItem({ ...order, status: 'confirmed', version: 2 } as Order)) };
};

describe('notify: a failing send', () => {
  it('reports only the failed record, and the retry sends it once without resending the others', async () => {
    const ses = await flakySes();
    const notify = notifyWith([], { send: ses.send });
    const [a, b, c] = await Promise.all([statusChange(), statusChange(), statusChange()]);
    ses.down.add(b!.email);

    const first = await notify(batch(a!.record, b!.record, c!.record), context());
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: b!.record.dynamodb?.SequenceNumber }]);
    expect([(await inbox(a!.email)).length, (await inbox(b!.email)).length, (await inbox(c!.email)).length]).toEqual([1, 0, 1]);

    // Still down: retried and reported again (and, after the mapping's retries, dead-lettered).
    const stillDown = await notify(batch(b!.record, c!.record), context());
    expect(stillDown.batchItemFailures).toEqual([{ itemIdentifier: b!.record.dynamodb?.SequenceNumber }]);

    ses.down.delete(b!.email);
    // The event source retries from the first failed record: b and everything after it.
    const retry = await notify(batch(b!.record, c!.record), context());
    expect(retry.batchItemFailures).toEqual([]);
    expect([(await inbox(a!.email)).length, (await inbox(b!.email)).length, (await inbox(c!.email)).length]).toEqual([1, 1, 1]);
  });

  it('keeps the admins sent to before the failure: the retry sends only to the one that failed', async () => {
    const ses = await flakySes();
    const admins = [address('admin-ok'), address('admin-down')];
    const notify = notifyWith(admins, { send: ses.send });
    const { order, email } = await statusChange();
    const record = inserted(cancellationItem(order));
    ses.down.add(admins[1]!);

    const first = await notify(batch(record), context()).catch((error: Error) => error);
    // A batch whose every record failed is a failed invocation: the event source retries it whole.
    expect(first).toBeInstanceOf(Error);
    expect([(await inbox(email)).length, (await inbox(admins[0]!)).length, (await inbox(admins[1]!)).length]).toEqual([1, 1, 0]);

    ses.down.clear();
    const retry = await notify(batch(record), context());
    expect(retry.batchItemFailures).toEqual([]);
    expect([(await inbox(email)).length, (await inbox(admins[0]!)).length, (await inbox(admins[1]!)).length]).toEqual([1, 1, 1]);
  });
});
