// Documents area: an order's invoice and receipt as PDFs (owner or admin).

import { documentsRoutes } from '#infra/routes/documents';
import { documentsApi } from '#shared/api/documents';
import { httpHandler } from '#shared/http/handler';
import { callerOf } from '#shared/http/principal';
import { printOrderDocument } from '#shared/use-cases/print-order-document';

export const handler = httpHandler(documentsRoutes, documentsApi, {
  'documents.invoice': ({ params, principal, now }) => printOrderDocument('invoice', params.orderId, callerOf(principal), now),
  'documents.receipt': ({ params, principal, now }) => printOrderDocument('receipt', params.orderId, callerOf(principal), now),
});
