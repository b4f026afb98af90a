// Webhook endpoints and their deliveries (API.md "Events and webhooks"): what
// an admin registers, what each attempt records, and the retry schedule.
import * as z from 'zod/mini';
import { EVENT_TYPES, type EventType } from './events/catalogue.ts';
import { lazy } from './pure.ts';
import { Text, Timestamp, Version } from './schema-kit.ts';

export const WebhookUrl = /* @__PURE__ */ lazy(() =>
  z
    .url({ protocol: /^https?$/, normalize: true })
    .check(z.maxLength(2048))
    .clone()
    .register(z.globalRegistry, { example: 'https://erp.example.com/hooks/aftersales' }),
);

const Events = /* @__PURE__ */ lazy(() =>
  z
    .array(z.enum(EVENT_TYPES))
    .check(
      z.minLength(1),
      z.maxLength(EVENT_TYPES.length),
      z.refine((types) => new Set(types).size === types.length, 'must not repeat a type'),
    )
    .clone()
    .register(z.globalRegistry, { description: 'Event types this endpoint receives.' }),
);

export const CreateWebhookBody = /* @__PURE__ */ lazy(() =>
  z
    .strictObject({
      url: WebhookUrl,
      events: Events,
      enabled: z._default(z.boolean(), true),
      description: z._default(z.string().check(z.trim(), z.maxLength(500)), ''),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreateWebhookBody' }),
);
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

export const UpdateWebhookBody = /* @__PURE__ */ lazy(() =>
  z
    .strictObject({
      url: z.optional(WebhookUrl),
      events: z.optional(Events),
      enabled: z.optional(z.boolean()),
      description: z.optional(z.string().check(z.trim(), z.maxLength(500))),
    })
    .clone()
    .register(z.globalRegistry, { id: 'UpdateWebhookBody' }),
);
export type UpdateWebhookBody = z.infer<typeof UpdateWebhookBody>;

export const WebhookEndpoint = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: z.string().clone().register(z.globalRegistry, { example: 'whk_01JD3V7N8Q2M4K6P9R1T3W5Y7Z' }),
      url: z.string(),
      events: z.array(z.enum(EVENT_TYPES)),
      enabled: z.boolean(),
      description: z.string(),
      createdAt: Timestamp,
      updatedAt: Timestamp,
      version: Version,
    })
    .clone()
    .register(z.globalRegistry, { id: 'WebhookEndpoint' }),
);
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** The endpoint with its signing secret: answered on creation and rotation only. */
export const WebhookEndpointWithSecret = /* @__PURE__ */ lazy(() =>
  z
    .extend(WebhookEndpoint, {
      secret: Text(100).clone().register(z.globalRegistry, { description: 'Standard Webhooks secret (`whsec_` + base64). Shown once: store it now.' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'WebhookEndpointWithSecret' }),
);

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export const DeliveryAttempt = /* @__PURE__ */ lazy(() =>
  z
    .object({
      at: Timestamp,
      statusCode: z
        .nullable(z.number().check(z.int()))
        .clone()
        .register(z.globalRegistry, { description: 'The HTTP status answered; null when none came (refused, timeout).' }),
      durationMs: z.number().check(z.int()),
      error: z.nullable(z.string()),
      responseBody: z.nullable(z.string()).clone().register(z.globalRegistry, { description: 'The first bytes of the answer, at most 256 characters.' }),
      nextRetryAt: z.nullable(Timestamp),
    })
    .clone()
    .register(z.globalRegistry, { id: 'WebhookDeliveryAttempt' }),
);
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

export const WebhookDelivery = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: z.string().clone().register(z.globalRegistry, { example: 'dlv_01JD3V7N8Q2M4K6P9R1T3W5Y7Z' }),
      endpointId: z.string(),
      eventId: z.string(),
      eventType: z.string(),
      status: z.enum(DELIVERY_STATUSES),
      attempts: z.array(DeliveryAttempt).clone().register(z.globalRegistry, { description: 'Every attempt of the current round, oldest first.' }),
      statusCode: z.nullable(z.number().check(z.int())).clone().register(z.globalRegistry, { description: "The last attempt's status code." }),
      durationMs: z.nullable(z.number().check(z.int())),
      error: z.nullable(z.string()),
      nextRetryAt: z.nullable(Timestamp),
      createdAt: Timestamp,
      updatedAt: Timestamp,
      version: Version,
    })
    .clone()
    .register(z.globalRegistry, { id: 'WebhookDelivery' }),
);
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/**
 * Pause before each retry, in seconds: the Standard Webhooks schedule (5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), 27.6 h in all, then `failed`. Every
 * step fits SQS's 12 h visibility limit.
 */
export const RETRY_SCHEDULE_SECONDS = [5, 300, 1800, 7200, 18000, 36000, 36000] as const;

/** What one attempt leads to: done, another try after `delayMs`, or given up. */
export type AttemptOutcome = { readonly status: 'succeeded' | 'failed'; readonly delayMs: null } | { readonly status: 'pending'; readonly delayMs: number };

/** `attempt` is 1-based; `scheduleMs` the pauses before retries 1, 2… (the schedule above, or a test's). */
export const outcomeOf = (ok: boolean, attempt: number, scheduleMs: readonly number[]): AttemptOutcome => {
  if (ok) return { status: 'succeeded', delayMs: null };
  const delayMs = scheduleMs[attempt - 1];
  return delayMs === undefined ? { status: 'failed', delayMs: null } : { status: 'pending', delayMs };
};

/** A 2xx is a delivery; anything else (a redirect too: never followed) is retried. */
export const isDelivered = (statusCode: number | null): boolean => statusCode !== null && statusCode >= 200 && statusCode < 300;

export const subscribes = (endpoint: Pick<WebhookEndpoint, 'enabled' | 'events'>, type: string): boolean =>
  endpoint.enabled && (endpoint.events as readonly string[]).includes(type as EventType);

/** After a rotation the old secret signs beside the new one this long (API.md), so a receiver can switch without refusing a delivery. */
export const SECRET_OVERLAP_SECONDS = 24 * 60 * 60;

/** An endpoint's signing secrets: the current one and, after a rotation, the one it replaced with the end of its overlap. */
export interface SigningKeys<S> {
  readonly current: S;
  readonly previous?: { readonly secret: S; readonly until: string } | undefined;
}

/** When the replaced secret stops signing, for a rotation at `now`. */
export const overlapUntil = (now: string): string => new Date(Date.parse(now) + SECRET_OVERLAP_SECONDS * 1000).toISOString();

/** The secrets that sign a delivery sent at `atMs`, newest first: the old one too until its overlap ends. */
export const signingSecrets = <S>(keys: SigningKeys<S>, atMs: number): S[] =>
  keys.previous && atMs < Date.parse(keys.previous.until) ? [keys.current, keys.previous.secret] : [keys.current];
