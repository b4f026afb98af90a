// What a customer may read of who acted. Customers never see staff or machine
// identities: a timeline's `by`, a history's or comment's `submittedBy` and a
// note's `author` read `customer`, `shop` or `carrier` in every answer to a
// customer (admins keep the actor ids, `admin:<sub>`, `storefront:<sub>`).
//
// The rule, kept simple: the customer's own acts read `customer`; a storefront
// client reporting a fulfilment step the carrier or warehouse performs
// (picked up, shipped, out for delivery, delivered, delivery failed) reads
// `carrier`; everything else (admins, the storefront placing or cancelling an
// order, any other machine) is the shop acting and reads `shop`.

export type PublicActor = 'customer' | 'shop' | 'carrier';

const CARRIER_STEPS: ReadonlySet<string> = new Set(['picked_up', 'shipped', 'out_for_delivery', 'delivered', 'delivery_failed']);

/** An actor label (`customer:<sub>`, `admin:<sub>`, `storefront:<sub>` or a bare role) as a customer may read it. */
export const publicActor = (actor: string, status?: unknown): PublicActor => {
  const role = actor.split(':', 1)[0];
  if (role === 'customer') return 'customer';
  if (role === 'storefront' && typeof status === 'string' && CARRIER_STEPS.has(status)) return 'carrier';
  return 'shop';
};

/** The fields that name an actor, wherever they appear in an answer. */
const ACTOR_FIELDS: ReadonlySet<string> = new Set(['by', 'submittedBy', 'author']);

/**
 * An answer as a customer may read it: every actor field, at any depth (an
 * order's timeline, a page of returns and their histories, comments, notes),
 * mapped by `publicActor`. Walking the whole answer, not known shapes, is what
 * makes it hold on every customer route, including ones added later.
 */
export const forCustomer = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(forCustomer);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const status = (value as { status?: unknown }).status;
  return Object.fromEntries(
    entries.map(([key, field]) => [key, ACTOR_FIELDS.has(key) && typeof field === 'string' ? publicActor(field, status) : forCustomer(field)]),
  );
};
