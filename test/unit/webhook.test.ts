// Webhook rules without I/O: the retry schedule, what an attempt leads to,
// subscriptions, and endpoint bodies.
import { describe, expect, it } from 'vitest';
import {
  CreateWebhookBody,
  isDelivered,
  outcomeOf,
  overlapUntil,
  RETRY_SCHEDULE_SECONDS,
  SECRET_OVERLAP_SECONDS,
  signingSecrets,
  subscribes,
} from '#shared/domain/webhook';

describe('retry schedule', () => {
  it('retries for at least 24 hours, each pause within SQS visibility (12 h), growing', () => {
    const total = RETRY_SCHEDULE_SECONDS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(24 * 3600);
    for (const pause of RETRY_SCHEDULE_SECONDS) expect(pause).toBeLessThanOrEqual(12 * 3600);
    for (let i = 1; i < RETRY_SCHEDULE_SECONDS.length; i++) expect(RETRY_SCHEDULE_SECONDS[i]).toBeGreaterThanOrEqual(RETRY_SCHEDULE_SECONDS[i - 1] as number);
  });

  it('succeeds on a 2xx, retries on anything else until the schedule runs out, then fails', () => {
    const schedule = [10, 20];
    expect(outcomeOf(true, 1, schedule)).toEqual({ status: 'succeeded', delayMs: null });
    expect(outcomeOf(false, 1, schedule)).toEqual({ status: 'pending', delayMs: 10 });
    expect(outcomeOf(false, 2, schedule)).toEqual({ status: 'pending', delayMs: 20 });
    expect(outcomeOf(false, 3, schedule)).toEqual({ status: 'failed', delayMs: null });
    expect([200, 204, 299].map(isDelivered)).toEqual([true, true, true]);
    expect([null, 199, 301, 302, 400, 500].map(isDelivered)).toEqual([false, false, false, false, false, false]);
  });
});

describe('endpoints', () => {
  it('receive only the types they subscribe to, and nothing while disabled', () => {
    const endpoint = { enabled: true, events: ['order.created' as const] };
    expect(subscribes(endpoint, 'order.created')).toBe(true);
    expect(subscribes(endpoint, 'order.paid')).toBe(false);
    expect(subscribes({ ...endpoint, enabled: false }, 'order.created')).toBe(false);
  });

  it('are created enabled, with an empty description, from known event types only', () => {
    expect(CreateWebhookBody.parse({ url: 'https://example.com/h', events: ['order.paid'] })).toEqual({
      url: 'https://example.com/h',
      events: ['order.paid'],
      enabled: true,
      description: '',
    });
    expect(CreateWebhookBody.safeParse({ url: 'https://example.com/h', events: ['order.unknown'] }).success).toBe(false);
    expect(CreateWebhookBody.safeParse({ url: 'javascript:alert(1)', events: ['order.paid'] }).success).toBe(false);
  });
});

describe('secret rotation', () => {
  it('signs with the old secret beside the new one for 24 h after a rotation, newest first, then with the new one only', () => {
    const rotatedAt = '2030-01-01T10:00:00.000Z';
    const until = overlapUntil(rotatedAt);
    expect(until).toBe('2030-01-02T10:00:00.000Z');
    expect(SECRET_OVERLAP_SECONDS).toBe(24 * 3600);
    const keys = { current: 'new', previous: { secret: 'old', until } };
    expect(signingSecrets(keys, Date.parse(rotatedAt))).toEqual(['new', 'old']);
    expect(signingSecrets(keys, Date.parse(until) - 1)).toEqual(['new', 'old']);
    expect(signingSecrets(keys, Date.parse(until))).toEqual(['new']);
    expect(signingSecrets({ current: 'only' }, Date.parse(rotatedAt))).toEqual(['only']);
  });
});
