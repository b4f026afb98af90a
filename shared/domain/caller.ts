// Who a use case acts for, as the domain sees it: an admin (any resource), or
// one customer (their own resources only; anyone else's is "not found").
export type Caller = { readonly role: 'admin' } | { readonly role: 'customer'; readonly customerId: string };
