// Which table changes reach the notify consumer. The CDK event source uses these
// patterns as Lambda filter criteria; the local stream poller applies the same
// patterns before invoking the handler. The handler checks again in code.

/** Item `type`s whose inserts or changes can send an email. */
export const NOTIFIABLE_TYPES = ['Order', 'Cancellation', 'ReturnRequest', 'Refund', 'OrderNote', 'ReturnComment'] as const;
export type NotifiableType = (typeof NOTIFIABLE_TYPES)[number];

/** Lambda event filter patterns (EventBridge pattern syntax), ORed. */
export const NOTIFY_FILTER_PATTERNS = [
  {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: { NewImage: { type: { S: [...NOTIFIABLE_TYPES] } } },
  },
] as const;

export const NOTIFY_BATCH = { batchSize: 25, maxBatchingWindowSeconds: 1, retryAttempts: 5 } as const;
