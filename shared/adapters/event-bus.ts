// The EventBridge bus integration events go to. Each entry's `detail` is the
// whole event ({id, type, occurredAt, data, previous}), its `detail-type` the
// event type, so rules can route on either.
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { IntegrationEvent } from '#shared/domain/events/catalogue';
import { env } from './env.ts';

const eventBridge = new EventBridgeClient({});

export const EVENT_SOURCE = 'aftersales';

/** Puts one event; throws when the bus refused it, so the stream record is retried. */
export const putEvent = async (event: IntegrationEvent): Promise<void> => {
  const { FailedEntryCount, Entries } = await eventBridge.send(
    new PutEventsCommand({
      Entries: [
        { EventBusName: env.eventBusName, Source: EVENT_SOURCE, DetailType: event.type, Detail: JSON.stringify(event), Time: new Date(event.occurredAt) },
      ],
    }),
  );
  if (FailedEntryCount) throw new Error(`EventBridge refused event ${event.id}: ${Entries?.[0]?.ErrorCode ?? 'unknown'}`);
};
