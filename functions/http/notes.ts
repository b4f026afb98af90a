// Notes area: admins write private or customer-visible notes on an order; a
// customer reads the ones meant for them (the stream consumer emails those).
import { notesRoutes } from '#infra/routes/notes';
import { listNotes } from '#shared/adapters/notes-repo';
import { getOrderOrThrow } from '#shared/adapters/orders-repo';
import { notesApi } from '#shared/api/notes';
import { httpHandler } from '#shared/http/handler';
import { callerOf } from '#shared/http/principal';
import { addNote } from '#shared/use-cases/add-note';
import { viewOrder } from '#shared/use-cases/view-order';

export const handler = httpHandler(notesRoutes, notesApi, {
  'notes.create': ({ params, body, actor, now, idempotency }) => addNote(params.orderId, body, { author: actor, now, idempotency }),
  // The order check (404, ownership) and the page are read in parallel; a refusal discards the page.
  'notes.adminList': async ({ params, query }) => (await Promise.all([getOrderOrThrow(params.orderId), listNotes(params.orderId, query, false)]))[1],
  'notes.list': async ({ params, query, principal }) =>
    (await Promise.all([viewOrder(params.orderId, callerOf(principal)), listNotes(params.orderId, query, true)]))[1],
});
