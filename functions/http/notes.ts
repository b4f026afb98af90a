// Notes area: admins write private or customer-visible notes on an order; a
// customer reads the ones meant for them (the stream consumer emails those).
import { notesRoutes } from '#infra/routes/notes';
import { newId } from '#shared/adapters/ids';
import { insertNote, listNotes } from '#shared/adapters/notes-repo';
import { getOrderOrThrow, getOwnOrder } from '#shared/adapters/orders-repo';
import { notesApi } from '#shared/api/notes';
import { buildNote } from '#shared/domain/note';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler(notesRoutes, notesApi, {
  // One transaction: it condition-checks the order (404), so the order is not read first.
  'notes.create': async ({ params, body, actor, now, idempotency }) => {
    const note = buildNote(body, { id: newId('note'), orderId: params.orderId, author: actor, now });
    await insertNote(note, idempotency);
    return note;
  },
  // The order check (404, ownership) and the page are read in parallel; a refusal discards the page.
  'notes.adminList': async ({ params, query }) => (await Promise.all([getOrderOrThrow(params.orderId), listNotes(params.orderId, query, false)]))[1],
  'notes.list': async ({ params, query, principal }) =>
    (await Promise.all([getOwnOrder(params.orderId, principal.role === 'customer' ? principal.sub : ''), listNotes(params.orderId, query, true)]))[1],
});
