// The whole API contract: one spec per route id. Each area's handler checks its
// area complete (httpHandler wants a spec per route of its table), and the
// OpenAPI document refuses a route without one.
import type { HttpFunction } from '#shared/http/route';
import type { SpecsOf } from '#shared/http/route-spec';
import { attachmentsApi } from './attachments.ts';
import { cancellationsApi } from './cancellations.ts';
import { creditApi } from './credit.ts';
import { documentsApi } from './documents.ts';
import { exchangesApi } from './exchanges.ts';
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
  ...exchangesApi,
  ...creditApi,
} as const satisfies SpecsOf<HttpFunction>;

export type ApiContract = typeof contract;
