// Sending mail. Templates are rendered in code, so a plain SendEmail suffices
// (and it is what the local SES emulator answers reliably).
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { Email } from '#shared/domain/emails/layout';

const ses = new SESClient({ maxAttempts: 3 });

export const sendEmail = async (from: string, to: readonly string[], email: Email): Promise<void> => {
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
