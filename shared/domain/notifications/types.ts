// A table change as the stream consumer sees it, and the emails it implies.
import type { TemplateData, TemplateId } from '../emails/index.ts';

/** Item `type`s whose inserts or changes can send both an email and an event. */
const EMAIL_AND_EVENT_TYPES = ['Order', 'Cancellation', 'ReturnRequest', 'Refund', 'OrderNote', 'ReturnComment', 'CreditTransaction'] as const;

/**
 * Item `type`s whose inserts or changes can send an email: the notify
 * consumer's filter (infra/streams.ts) and its detectors name these. A lot's
 * reminder is an email only (its event is the expiry itself, later).
 */
export const NOTIFIABLE_TYPES = [...EMAIL_AND_EVENT_TYPES, 'CreditReminder'] as const;
export type NotifiableType = (typeof NOTIFIABLE_TYPES)[number];

/** Item `type`s that are integration events: the events consumer's filter and detectors (a gift card sends no email of its
 * own; an exchange passes so the consumer can hand a due payment page to the payments function). */
export const EVENTFUL_TYPES = [...EMAIL_AND_EVENT_TYPES, 'GiftCard', 'Exchange'] as const;
export type EventfulType = (typeof EVENTFUL_TYPES)[number];

export interface Change {
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly type: string;
  readonly old: Readonly<Record<string, unknown>> | undefined;
  readonly new: Readonly<Record<string, unknown>> | undefined;
}

/** Who receives an email: an address, the customer of an order, or the shop's admins (one email each). */
export type Recipient =
  | { readonly kind: 'email'; readonly email: string }
  | { readonly kind: 'customerOfOrder'; readonly orderId: string }
  | { readonly kind: 'admins' }
  /** A store-credit customer whose address the shop does not know yet (no credit from an order so far): nobody is emailed. */
  | { readonly kind: 'unknownCustomer'; readonly customerId: string };

/** A template's data as a detector supplies it: the `order` may be left to the consumer to load. */
type DetectorData<D> = D extends { readonly order: infer O } ? Omit<D, 'order'> & { readonly order?: O } : D;

export type Notification = {
  readonly [T in TemplateId]: {
    /** Once-only key: the entity id and version (or the inserted item's id) and the audience. */
    readonly key: string;
    readonly template: T;
    readonly to: Recipient;
    /**
     * The order to read (one GetItem) for the template's `order` and for a
     * `customerOfOrder` address, when the item itself does not carry them.
     */
    readonly withOrder?: string;
    /** The customer's locale when the item carries it; else the loaded order's (admins read the shop's default). */
    readonly locale?: string | null;
    readonly data: DetectorData<TemplateData<T>>;
  };
}[TemplateId];

/** Maps one change of one item type to its notifications (none when nothing notifiable changed). */
export type Detector = (change: Change) => Notification[];

/** True when `field` appeared or changed between the old and new image (scalars). */
export const changed = (change: Change, field: string): boolean =>
  change.new !== undefined && change.new[field] !== undefined && change.old?.[field] !== change.new[field];

/** The new image as the view a detector reads (images come from the table untyped). */
export const imageAs = <T>(image: Readonly<Record<string, unknown>> | undefined): T => image as T;
