// A table change as the stream consumer sees it, and the emails it implies.

export interface Change {
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly type: string;
  readonly old: Readonly<Record<string, unknown>> | undefined;
  readonly new: Readonly<Record<string, unknown>> | undefined;
}

/** Who receives an email: an address, the customer of an order, or the shop's admins. */
export type Recipient =
  | { readonly kind: 'email'; readonly email: string }
  | { readonly kind: 'customerOfOrder'; readonly orderId: string }
  | { readonly kind: 'admins' };

export interface Notification<T extends string = string> {
  /** Once-only key: the entity, its version and the audience. */
  readonly key: string;
  readonly template: T;
  readonly to: Recipient;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Maps one change of one item type to its notifications (none when nothing notifiable changed). */
export type Detector = (change: Change) => Notification[];

/** True when `field` appeared or changed between the old and new image. */
export const changed = (change: Change, field: string): boolean =>
  change.new !== undefined && change.new[field] !== undefined && change.old?.[field] !== change.new[field];
