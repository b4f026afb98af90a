// Who a use case acts for, as the domain sees it: an admin (any resource), or
// one customer (their own resources only; anyone else's is "not found").
import { NotFoundError } from './errors.ts';

export type Caller = { readonly role: 'admin' } | { readonly role: 'customer'; readonly customerId: string };

/** Whether the caller may see or act on a resource of this customer: an admin any, a customer their own. */
const mayAccess = (caller: Caller, ownerId: string): boolean => caller.role === 'admin' || caller.customerId === ownerId;

/**
 * "Not yours is not found": what a read found, when the caller may see it. A
 * missing one and anyone else's are the same 404 in the same words, so an id
 * never tells a customer whether it exists.
 */
export const visibleTo = <T>(caller: Caller, found: T | undefined, ownerOf: (found: T) => string, what: string): T => {
  if (found === undefined || !mayAccess(caller, ownerOf(found))) throw new NotFoundError(what);
  return found;
};

/** Whose resources a caller's own lists ("my returns") show: a customer's; an admin owns none, so matches no owner. */
export const ownerIdOf = (caller: Caller): string => (caller.role === 'customer' ? caller.customerId : '');
