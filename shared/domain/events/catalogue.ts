// The integration event catalogue: one zod schema per event type. The schemas
// are the documentation (docs/events.md), the published JSON Schema
// (GET /events/schema.json) and the type of what the events consumer emits.
// `data` is the resource after the change, as the API answers it to an admin;
// `previous` holds what the change replaced (null when something was created).
import * as z from 'zod/mini';
import { Cancellation } from '../cancellation.ts';
import { Exchange } from '../exchange.ts';
import { ExchangeStatus } from '../exchange-status.ts';
import { GiftCard } from '../gift-card.ts';
import { OrderNote } from '../note.ts';
import { Order } from '../order.ts';
import { OrderStatus } from '../order-status.ts';
import { lazy } from '../pure.ts';
import { Refund, TransactionStatus } from '../refund.ts';
import { ReturnComment, ReturnRecord } from '../return-request.ts';
import { ReturnItemStatus, ReturnStatus } from '../return-status.ts';
import { Timestamp } from '../schema-kit.ts';
import { CreditTransaction } from '../store-credit.ts';

export const EVENT_TYPES = [
  'order.created',
  'order.status_changed',
  'order.paid',
  'cancellation.requested',
  'cancellation.approved',
  'cancellation.rejected',
  'cancellation.refunded',
  'return.created',
  'return.status_changed',
  'return.item_verified',
  'refund.created',
  'refund.transaction_succeeded',
  'refund.transaction_failed',
  'note.created',
  'comment.created',
  'store_credit.credited',
  'store_credit.debited',
  'store_credit.reverted',
  'store_credit.expired',
  'gift_card.issued',
  'gift_card.redeemed',
  'exchange.requested',
  'exchange.approved',
  'exchange.payment_required',
  'exchange.paid',
  'exchange.released',
  'exchange.completed',
  'exchange.declined',
  'exchange.denied',
  'exchange.cancelled',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The test event `POST /admin/webhooks/{id}/ping` sends; never on the bus. */
export const PING_EVENT_TYPE = 'webhook.ping';

const EventId = /* @__PURE__ */ lazy(() =>
  z.string().clone().register(z.globalRegistry, {
    description: 'Stable per change (entity, version, type): the same change always has the same id, so a consumer dedupes on it.',
    example: 'evt_ret_01JD3V7N8Q2M4K6P9R1T3W5Y7Z_v4_return.status_changed',
  }),
);

const envelope = <T extends string, D extends z.ZodMiniType, P extends z.ZodMiniType>(type: T, description: string, data: D, previous: P) =>
  z
    .object({ id: EventId, type: z.literal(type), occurredAt: Timestamp, data, previous })
    .clone()
    .register(z.globalRegistry, { id: `Event_${type.replace('.', '_')}`, description });

const Comment = /* @__PURE__ */ lazy(() =>
  z.extend(ReturnComment, { returnId: z.string(), orderId: z.string() }).clone().register(z.globalRegistry, { id: 'EventReturnComment' }),
);
const Created = /* @__PURE__ */ lazy(() => z.null());
const PreviousCancellation = /* @__PURE__ */ lazy(() => z.nullable(z.object({ status: Cancellation.shape.status })));
const PreviousExchange = /* @__PURE__ */ lazy(() => z.object({ status: ExchangeStatus }));
const PreviousTransaction = /* @__PURE__ */ lazy(() => z.object({ transactionId: z.string(), status: z.nullable(TransactionStatus) }));

export const EVENT_SCHEMAS = /* @__PURE__ */ lazy(
  () =>
    ({
      'order.created': envelope('order.created', 'An order was created (POST /orders).', Order, Created),
      'order.status_changed': envelope('order.status_changed', 'An order moved to another fulfilment status.', Order, z.object({ status: OrderStatus })),
      'order.paid': envelope(
        'order.paid',
        'An order became paid (created paid, marked paid, or COD collected).',
        Order,
        z.object({ paymentStatus: z.nullable(z.string()) }),
      ),
      'cancellation.requested': envelope('cancellation.requested', 'A cancellation was filed (in any status).', Cancellation, Created),
      'cancellation.approved': envelope('cancellation.approved', 'A cancellation was approved (or was immediate).', Cancellation, PreviousCancellation),
      'cancellation.rejected': envelope('cancellation.rejected', 'A cancellation was rejected.', Cancellation, PreviousCancellation),
      'cancellation.refunded': envelope('cancellation.refunded', "A cancellation's refund was paid.", Cancellation, PreviousCancellation),
      'return.created': envelope('return.created', 'A return request was filed.', ReturnRecord, Created),
      'return.status_changed': envelope('return.status_changed', 'A return request moved to another status.', ReturnRecord, z.object({ status: ReturnStatus })),
      'return.item_verified': envelope(
        'return.item_verified',
        'An item of a return request was verified; `previous.lineItemId` names it.',
        ReturnRecord,
        z.object({ lineItemId: z.string(), status: z.nullable(ReturnItemStatus), goodQuantity: z.nullable(z.number().check(z.int())) }),
      ),
      'refund.created': envelope('refund.created', 'A refund was created.', Refund, Created),
      'refund.transaction_succeeded': envelope(
        'refund.transaction_succeeded',
        'A refund transaction succeeded; `previous.transactionId` names it (status null when it succeeded at once).',
        Refund,
        PreviousTransaction,
      ),
      'refund.transaction_failed': envelope(
        'refund.transaction_failed',
        'A refund transaction failed; `previous.transactionId` names it.',
        Refund,
        PreviousTransaction,
      ),
      'note.created': envelope('note.created', 'A customer-visible order note was written (or a private one shared).', OrderNote, Created),
      'comment.created': envelope('comment.created', 'A comment was added to a return request.', Comment, Created),
      'store_credit.credited': envelope(
        'store_credit.credited',
        "A customer's store credit was credited (a refund, a bonus, a gift card, an admin).",
        CreditTransaction,
        Created,
      ),
      'store_credit.debited': envelope('store_credit.debited', "A customer's store credit was spent or debited by an admin.", CreditTransaction, Created),
      'store_credit.reverted': envelope('store_credit.reverted', 'A debit was put back (`data.revertOf` names it).', CreditTransaction, Created),
      'store_credit.expired': envelope('store_credit.expired', 'What was left of a lot expired.', CreditTransaction, Created),
      'gift_card.issued': envelope('gift_card.issued', 'A gift card was issued (never its code).', GiftCard, Created),
      'gift_card.redeemed': envelope(
        'gift_card.redeemed',
        "A gift card was redeemed into a customer's store credit.",
        GiftCard,
        z.object({ status: z.string() }),
      ),
      'exchange.requested': envelope('exchange.requested', 'An exchange was requested (by the customer or an admin for them).', Exchange, Created),
      'exchange.approved': envelope(
        'exchange.approved',
        'An admin approved an exchange (its outbound stock taken); it moves on at once, told by exchange.payment_required when a difference is owed.',
        Exchange,
        PreviousExchange,
      ),
      'exchange.payment_required': envelope(
        'exchange.payment_required',
        'An approved exchange awaits the positive difference (`data.differenceDue`) from the customer.',
        Exchange,
        PreviousExchange,
      ),
      'exchange.paid': envelope('exchange.paid', "An exchange's difference was paid; it awaits its return.", Exchange, PreviousExchange),
      'exchange.released': envelope('exchange.released', "An exchange's return was verified good: its replacement is released.", Exchange, PreviousExchange),
      'exchange.completed': envelope(
        'exchange.completed',
        'An exchange is complete: its replacement order exists (`data.replacementOrderId`) and any negative difference is paid back.',
        Exchange,
        PreviousExchange,
      ),
      'exchange.declined': envelope('exchange.declined', "An exchange's return was not all good: the exchange is declined.", Exchange, PreviousExchange),
      'exchange.denied': envelope('exchange.denied', 'An admin denied an exchange (`data.denialReason`).', Exchange, PreviousExchange),
      'exchange.cancelled': envelope('exchange.cancelled', 'An exchange was cancelled by the customer or an admin.', Exchange, PreviousExchange),
    }) as const satisfies Record<EventType, z.ZodMiniType>,
);

export type IntegrationEvent = { [T in EventType]: z.infer<(typeof EVENT_SCHEMAS)[T]> }[EventType];

/** Any event, discriminated by `type`: what a webhook body or a bus entry's `detail` holds. */
export const IntegrationEventSchema = /* @__PURE__ */ lazy(() =>
  z
    .discriminatedUnion('type', Object.values(EVENT_SCHEMAS) as unknown as [(typeof EVENT_SCHEMAS)[EventType], ...(typeof EVENT_SCHEMAS)[EventType][]])
    .clone()
    .register(z.globalRegistry, { id: 'IntegrationEvent' }),
);

/** The stable id of a change: entity, version, type (and the sub-entity it is about). */
export const eventId = (entityId: string, version: number, type: EventType, sub?: string): string =>
  `evt_${entityId}_v${version}_${type}${sub ? `_${sub}` : ''}`;

/** The catalogue as one JSON Schema document (draft 2020-12), generated from the zod schemas. */
export const eventJsonSchema = (): Record<string, unknown> => ({
  ...z.toJSONSchema(IntegrationEventSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'output' }),
  title: 'aftersales integration events',
});
