// A status change as ONE conditional write: what moving to a status writes,
// and on which current statuses it may happen, as data. The adapter only turns
// it into an UpdateItem; when the condition fails, the domain explains the
// failure from the item as it was (404, 412, 409 with allowedTransitions…).

export interface StatusWrite<S extends string> {
  readonly to: S;
  /** The statuses that may move to `to`: the write's condition. Empty when nothing reaches `to`: the write is then refused, and explained, in its one trip. */
  readonly from: readonly S[];
  readonly at: string;
  /** Top-level fields the move sets besides status, version and updatedAt (e.g. `deliveredAt`). */
  readonly set: Readonly<Record<string, unknown>>;
  /** List fields the move appends to (timeline, history): appended in the write, never rewritten. */
  readonly append: Readonly<Record<string, readonly unknown[]>>;
  /** Fields that must hold these values for the move to be right (a rule that depends on more than the status). */
  readonly require: Readonly<Record<string, unknown>>;
  /** The version an `If-Match` demands; a mismatch is a 412. */
  readonly expectedVersion: number | undefined;
}

/** Every status whose table lets it move to `to`, in the table's order. */
export const statusesMovingTo = <S extends string>(statuses: readonly S[], transitions: (from: S) => readonly S[], to: S): S[] =>
  statuses.filter((from) => transitions(from).includes(to));
