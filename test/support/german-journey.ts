// The emails a German customer (customer.locale de-DE) gets on the way from an
// order to a refunded card return, read back from the local SES: one place for
// the integration test (test/integration/locales.test.ts) and the browser
// journey (test/browser/german-journey.test.ts).
import { expect } from 'vitest';
import { waitForStreamIdle } from '#infra/local/control-server';
import { waitForEmail } from '#infra/local/ses-local';
import { admin, call } from './api.ts';
import { inbox, sesUrl } from './notify.ts';

/** Waits for the refund's email, then checks every email `email` got: German subjects in order, German greeting and body, nothing English. */
export const expectGermanJourneyEmails = async (email: string, orderNumber: string, name: string) => {
  await waitForEmail(sesUrl(), (e) => e.destination.to.includes(email) && e.subject.includes('erstattet'), { timeoutMs: 30_000 });
  await waitForStreamIdle();
  const mails = await inbox(email);
  const n = orderNumber;
  expect(mails.map((m) => m.subject)).toEqual([
    `Ihre Bestellung ${n} ist bestätigt`,
    `Ihre Bestellung ${n} ist unterwegs`,
    `Ihre Bestellung ${n} wurde zugestellt`,
    `Ihre Rücksendung zu Bestellung ${n} ist eingegangen`,
    `Ihre Rücksendung zu Bestellung ${n}: abgeholt`,
    `Ihre Rücksendung zu Bestellung ${n}: in Prüfung`,
    `Ihre Rücksendung zu Bestellung ${n}: angenommen`,
    `Ihre Rücksendung zu Bestellung ${n}: erstattet`,
  ]);
  for (const mail of mails) {
    expect(mail.body.text).toContain(`Guten Tag ${name},`);
    expect(mail.body.html).toContain('Diese Nachricht wurde automatisch versandt.');
    expect(mail.body.html).toContain('<html lang="de">');
    // Nothing English left over: no greeting, no label, no link text.
    expect(mail.body.text).not.toMatch(/\b(Hello|Your|Order|View|Track|refund)\b/);
  }
  const refunded = mails.at(-1)?.body.text ?? '';
  expect(refunded).toContain('Wir haben Ihnen 20,00\u00a0€ auf Ihre Karte erstattet.');
  expect(refunded).toContain('Mug × 2: 2 von 2 angenommen');
};

/** The shop takes a return through every step to refunded (each one an email): picked up, checked (`good` units of the line), approved, refunded. */
export const shopRefunds = async (returnId: string, lineItemId: string, good: number) => {
  const step = async (path: string, body: Record<string, unknown>) =>
    expect((await call(admin, 'POST', `/admin/returns/${returnId}/${path}`, body)).status).toBe(200);
  await step('status', { status: 'picked_up' });
  await step('status', { status: 'pending_verification' });
  await step(`items/${lineItemId}/verification`, { goodQuantity: good });
  await step('verify-package', { restockFee: 0, refundedShipping: 0 });
  await step('status', { status: 'approved' });
  await step('status', { status: 'refunded' });
};
