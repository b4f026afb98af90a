// Routes of the documents area: printable PDFs of an order (owner or admin).
import type { SpecsOf } from '#shared/http/route-spec';
import { OrderParams } from './order-params.ts';

export const documentsApi = {
  'documents.invoice': { summary: 'The order invoice as a PDF', params: OrderParams, binary: 'application/pdf' },
  'documents.receipt': { summary: 'The payment receipt as a PDF (paid orders only, else 409)', params: OrderParams, binary: 'application/pdf' },
} as const satisfies SpecsOf<'documents'>;
