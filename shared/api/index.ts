// The whole API contract: one spec per route id, checked complete by the compiler.
import type { RouteId } from '#infra/routes';
import type { RouteSpec } from '#shared/http/route-spec';
import { attachmentsApi } from './attachments.ts';
import { cancellationsApi } from './cancellations.ts';
import { documentsApi } from './documents.ts';
import { metaApi } from './meta.ts';
import { notesApi } from './notes.ts';
import { ordersApi } from './orders.ts';
import { paymentsApi } from './payments.ts';
import { refundsApi } from './refunds.ts';
import { returnsApi } from './returns.ts';
import { settingsApi } from './settings.ts';
import { webhooksApi } from './webhooks.ts';

export const contract = {
  ...metaApi,
  ...ordersApi,
  ...refundsApi,
  ...cancellationsApi,
  ...attachmentsApi,
  ...settingsApi,
  ...notesApi,
  ...documentsApi,
  ...returnsApi,
  ...webhooksApi,
  ...paymentsApi,
} as const satisfies Record<RouteId, RouteSpec>;

export type ApiContract = typeof contract;
