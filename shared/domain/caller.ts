// Who a use case acts for, as the domain sees it: an admin (any resource), or
// one customer (their own resources only; anyone else's is "not found").
export type Caller = { readonly role: 'admin' } | { readonly role: 'customer'; readonly customerId: string };

/** Whether the caller may see or act on a resource of this customer: an admin any, a customer their own. */
export const mayAccess = (caller: Caller, ownerId: string): boolean => caller.role === 'admin' || caller.customerId === ownerId;

/** Whose resources a caller's own lists ("my returns") show: a customer's; an admin owns none, so matches no owner. */
export const ownerIdOf = (caller: Caller): string => (caller.role === 'customer' ? caller.customerId : '');
