// The EventBridge bus integration events go to. Each entry's `detail` is the
// whole event ({id, type, occurredAt, data, previous}), its `detail-type` the
// event type, so rules can route on either. Internal work (card refunds due,
// exchange payment pages to open) goes on the same bus under its own source, for the rules that queue it.
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { CARD_REFUNDS_DUE, type CardRefundsDue } from '#shared/domain/card-refunds-due';
import type { IntegrationEvent } from '#shared/domain/events/catalogue';
import { EXCHANGE_CHECKOUT_DUE, type ExchangeCheckoutDue } from '#shared/domain/exchange-checkout-due';
import { env } from './env.ts';

const eventBridge = new EventBridgeClient({});

export const EVENT_SOURCE = 'aftersales';

/** Puts one entry; throws when the bus refused it, so the stream record is retried. */
const put = async (entry: Omit<PutEventsRequestEntry, 'EventBusName'>, what: string): Promise<void> => {
  const { FailedEntryCount, Entries } = await eventBridge.send(new PutEventsCommand({ Entries: [{ EventBusName: env.eventBusName, ...entry }] }));
  if (FailedEntryCount) throw new Error(`EventBridge refused ${what}: ${Entries?.[0]?.ErrorCode ?? 'unknown'}`);
};

export const putEvent = (event: IntegrationEvent): Promise<void> =>
  put({ Source: EVENT_SOURCE, DetailType: event.type, Detail: JSON.stringify(event), Time: new Date(event.occurredAt) }, `event ${event.id}`);

export const putCardRefundsDue = (due: CardRefundsDue): Promise<void> =>
  put({ Source: CARD_REFUNDS_DUE.source, DetailType: CARD_REFUNDS_DUE.detailType, Detail: JSON.stringify(due) }, `card refunds of ${due.refundId}`);

export const putExchangeCheckoutDue = (due: ExchangeCheckoutDue): Promise<void> =>
  put({ Source: EXCHANGE_CHECKOUT_DUE.source, DetailType: EXCHANGE_CHECKOUT_DUE.detailType, Detail: JSON.stringify(due) }, `checkout of ${due.exchangeId}`);
