// Order notes (seed 000 §10): an admin's message on an order, kept private or
// shared with the customer (who is then emailed by the stream consumer).
import * as z from 'zod/mini';
import { lazy } from './pure.ts';
import { Text, Timestamp } from './schema-kit.ts';

export const NoteVisibility = /* @__PURE__ */ lazy(() => z.enum(['private', 'customer']));
export type NoteVisibility = z.infer<typeof NoteVisibility>;

export const OrderNote = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: z.string().clone().register(z.globalRegistry, { example: 'note_01JD3V7N8Q2M4K6P9R1T3W5Y7Z' }),
      orderId: z.string(),
      body: z.string(),
      visibility: NoteVisibility,
      author: z.string().clone().register(z.globalRegistry, { description: 'Who wrote it, e.g. `admin:<sub>`.' }),
      createdAt: Timestamp,
    })
    .clone()
    .register(z.globalRegistry, { id: 'OrderNote' }),
);
export type OrderNote = z.infer<typeof OrderNote>;

export const CreateNoteBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      body: Text(5000),
      visibility: z._default(NoteVisibility, 'private').clone().register(z.globalRegistry, {
        description: '`private` (default) never leaves the building; `customer` is shown and emailed to the customer.',
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreateNoteBody' }),
);
export type CreateNoteBody = z.infer<typeof CreateNoteBody>;

export const buildNote = (
  body: CreateNoteBody,
  ctx: { readonly id: string; readonly orderId: string; readonly author: string; readonly now: string },
): OrderNote => ({
  id: ctx.id,
  orderId: ctx.orderId,
  body: body.body,
  visibility: body.visibility,
  author: ctx.author,
  createdAt: ctx.now,
});
