// A note on an order, private or for the customer (the stream consumer emails
// a customer note). One transaction that condition-checks the order (404), so
// the order is not read first: one round trip.
import type { IdempotencyKey } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import { insertNote } from '#shared/adapters/notes-repo';
import { buildNote, type CreateNoteBody, type OrderNote } from '#shared/domain/note';

export const addNote = async (
  orderId: string,
  body: CreateNoteBody,
  ctx: { readonly author: string; readonly now: string; readonly idempotency: IdempotencyKey | undefined },
): Promise<OrderNote> => {
  const note = buildNote(body, { id: newId('note'), orderId, author: ctx.author, now: ctx.now });
  await insertNote(note, ctx.idempotency);
  return note;
};
