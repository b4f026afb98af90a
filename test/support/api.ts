// A tiny HTTP client for end-to-end tests: real requests to the local API with
// real tokens, as the storefront, a customer or an admin would send them.
import { randomUUID } from 'node:crypto';
import { signToken } from '#infra/local/jwt';
import type { Order } from '#shared/domain/order';
import { orderBody } from './orders.ts';

export interface Reply<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export type Caller = { readonly role: 'customer' | 'admin' | 'storefront'; readonly sub: string; readonly email?: string } | { readonly role: 'public' };

export const apiUrl = (): string => {
  const url = process.env.API_URL;
  if (!url) throw new Error('API_URL is not set: run through vitest with the global setup');
  return url;
};

export const tokenFor = async (caller: Caller): Promise<string | undefined> =>
  caller.role === 'public'
    ? undefined
    : signToken({ role: caller.role, sub: caller.sub, ...(caller.role === 'customer' && caller.email ? { email: caller.email } : {}) });

export type Transport = <T = Record<string, unknown>>(
  caller: Caller,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Reply<T>>;

/** Every helper below goes through `call`; a test file may route it elsewhere (test/support/own-table.ts). */
let transport: Transport | undefined;
export const useTransport = (next: Transport): void => {
  transport = next;
};

export const call = async <T = Record<string, unknown>>(
  caller: Caller,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> => {
  if (transport) return transport<T>(caller, method, path, body, headers);
  const token = await tokenFor(caller);
  const response = await fetch(`${apiUrl()}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, headers: response.headers, body: (type.includes('json') && text ? JSON.parse(text) : text) as T };
};

export const customer = (sub = `cus-${randomUUID()}`): Caller & { role: 'customer'; sub: string; email: string } => ({
  role: 'customer',
  sub,
  email: `${sub}@example.com`,
});
export const admin: Caller = { role: 'admin', sub: 'admin-1' };
export const storefront: Caller = { role: 'storefront', sub: 'storefront' };

/** Creates an order for `owner` through the API (as the storefront). */
export const createOrder = async (owner: { sub: string; email?: string }, overrides: Parameters<typeof orderBody>[0] = {}): Promise<Order> => {
  const base = orderBody(overrides);
  const reply = await call<Order>(storefront, 'POST', '/orders', {
    ...base,
    customer: { ...base.customer, customerId: owner.sub, email: owner.email ?? base.customer.email },
  });
  if (reply.status !== 201) throw new Error(`order creation failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
};

/** Walks an order through the fulfillment table to `delivered` (as an admin). */
export const deliver = async (order: Order): Promise<Order> => {
  let current = order;
  for (const status of ['confirmed', 'shipped', 'delivered'] as const) {
    const reply = await call<Order>(admin, 'POST', `/admin/orders/${order.id}/status`, { status, paymentCollected: true });
    if (reply.status !== 200) throw new Error(`status ${status} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    current = reply.body;
  }
  return current;
};
