// What the payment provider's webhook answers, whichever use case applied the
// event (a refund settled, an exchange paid), and the one log line its alarm
// watches when a signed event does not match what was sent.
import { logger } from '#shared/adapters/logger';

export interface WebhookReceipt {
  readonly received: true;
  readonly outcome: 'settled' | 'reversed' | 'already settled' | 'ignored';
  readonly detail: string | null;
}

/**
 * The stable message a CloudWatch metric filter and alarm match on (infra):
 * a signed event about something of ours whose object is not what we sent.
 * Keep the text exactly.
 */
const MISMATCH = 'provider event mismatch';

export const ignored = (detail: string): WebhookReceipt => ({ received: true, outcome: 'ignored', detail });

/** Logs the mismatch for the alarm (with the ids and the fields that differ) and answers it ignored: 2xx, nothing changed. */
export const mismatch = (fields: readonly string[], context: Readonly<Record<string, unknown>>): WebhookReceipt => {
  logger.warn(MISMATCH, { ...context, fields });
  return ignored(`${MISMATCH}: ${fields.join(', ')}`);
};
