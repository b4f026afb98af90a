// The whole API contract: one spec per route id, checked complete by the compiler.
import type { RouteId } from '#infra/routes';
import type { RouteSpec } from '#shared/http/route-spec';
import { metaApi } from './meta.ts';
import { ordersApi } from './orders.ts';

export const contract = {
  ...metaApi,
  ...ordersApi,
} as const satisfies Record<RouteId, RouteSpec>;

export type ApiContract = typeof contract;
