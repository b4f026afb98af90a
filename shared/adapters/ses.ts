// Sending mail. Templates are rendered in code, so a plain SendEmail suffices
// (and it is what the local SES emulator answers reliably).
//
// Throttling: SES answers `Throttling` ("Maximum sending rate exceeded") when
// we exceed the account's send rate, and API Gateway-style `TooManyRequests`
// on bursts. The SDK classifies both as throttling errors; in `adaptive` mode
// it retries them with exponential backoff and full jitter from a 500 ms base
// (capped at 20 s) and also slows this client's own request rate with a token
// bucket, so a busy batch paces itself instead of hammering SES. Four attempts
// keep the worst case (≈ 0.5 + 1 + 2 s of backoff) well inside the function's
// timeout; a send that still fails fails its record, which the stream retries
// (and then dead-letters), and the once-only marker makes that retry safe.
import { SESClient, type SESClientConfig, SendEmailCommand } from '@aws-sdk/client-ses';
import type { Email } from '#shared/domain/emails/layout';

export const SES_RETRY = { maxAttempts: 4, retryMode: 'adaptive' } as const satisfies SESClientConfig;

/** Sends one rendered email; resolves once SES accepted it. */
export type SendEmail = (from: string, to: readonly string[], email: Email) => Promise<void>;

/** A sender over its own SES client (tests point one at another endpoint). */
export const createSesSender = (config: SESClientConfig = {}): SendEmail => {
  const ses = new SESClient({ ...SES_RETRY, ...config });
  return async (from, to, email) => {
    await ses.send(
      new SendEmailCommand({
        Source: from,
        Destination: { ToAddresses: [...to] },
        Message: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Html: { Data: email.html, Charset: 'UTF-8' }, Text: { Data: email.text, Charset: 'UTF-8' } },
        },
      }),
    );
  };
};

export const sendEmail: SendEmail = createSesSender();
