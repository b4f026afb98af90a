// Routes of the notes area: an admin's notes on an order, and the customer's view of them.
import { CreateNoteBody, OrderNote } from '#shared/domain/note';
import { Page, PageQuery } from '#shared/domain/schema-kit';
import type { SpecsOf } from '#shared/http/route-spec';
import { OrderParams } from './order-params.ts';

export const notesApi = {
  'notes.create': {
    summary: 'Add a private or customer-visible note to an order',
    params: OrderParams,
    body: CreateNoteBody,
    response: OrderNote,
    status: 201,
    idempotent: true,
  },
  'notes.adminList': { summary: 'Every note of an order, oldest first', params: OrderParams, query: PageQuery, response: Page(OrderNote) },
  'notes.list': { summary: 'The notes of my order meant for me, oldest first', params: OrderParams, query: PageQuery, response: Page(OrderNote) },
} as const satisfies SpecsOf<'notes'>;
