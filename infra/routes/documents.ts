// The documents area's routes: invoice and receipt PDFs.
import type { AreaRoute } from '#shared/http/route';

export const documentsRoutes = [
  { id: 'documents.invoice', method: 'GET', path: '/orders/{orderId}/invoice.pdf', fn: 'documents', roles: ['customer', 'admin'] },
  { id: 'documents.receipt', method: 'GET', path: '/orders/{orderId}/receipt.pdf', fn: 'documents', roles: ['customer', 'admin'] },
] as const satisfies readonly AreaRoute<'documents'>[];
