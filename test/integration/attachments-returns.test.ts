// The "done when", over real HTTP: a customer uploads a photo with
// nothing but POST /attachments and a browser-style form POST, attaches it to a
// return request, and an admin sees it on the return and downloads it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import { admin, type Caller, call, createOrder, customer, deliver } from '../support/api.ts';
import { DAMAGED } from '../support/returns.ts';
import { fileBytes, startUpload, uploadFile } from '../support/uploads.ts';

type Problem = { status: number; rule?: string; errors: { path: string; message: string }[] };
type ReturnReply = { id: string; attachments: string[] };

const photo = () => ({ fileName: 'broken mug.jpg', contentType: 'image/jpeg', bytes: fileBytes(2000) });

/** POST /returns for one mug of `order`, carrying `attachments`. */
const requestReturn = (caller: Caller, order: Order, attachments: string[]) =>
  call<ReturnReply & Problem>(caller, 'POST', '/returns', {
    orderId: order.id,
    items: [{ lineItemId: order.lineItems[0]?.id, quantity: 1, reasonId: DAMAGED.id }],
    refundMethod: 'card',
    attachments,
    termsAccepted: true,
  });

const deliveredOrderOf = async (owner: { sub: string; email: string }) => deliver(await createOrder(owner));

beforeAll(() => {
  if (!process.env.API_URL) throw new Error('API_URL is not set: run through vitest with the global setup');
});

describe('attachments on return requests', () => {
  it('uploads a photo, attaches it to a return, and lets an admin see and download it', async () => {
    const owner = customer();
    const order = await deliveredOrderOf(owner);
    const { ticket, bytes } = await uploadFile(owner, photo());

    const created = await requestReturn(owner, order, [ticket.id]);

    expect(created.status).toBe(201);
    expect(created.body.attachments).toEqual([ticket.id]);
    const adminView = await call<{ attachmentDetails: { id: string; fileName: string; contentType: string; size: number }[] }>(
      admin,
      'GET',
      `/admin/returns/${created.body.id}`,
    );
    expect(adminView.status).toBe(200);
    expect(adminView.body.attachmentDetails).toEqual([
      expect.objectContaining({ id: ticket.id, fileName: 'broken mug.jpg', contentType: 'image/jpeg', size: 2000 }),
    ]);
    const link = await call<{ url: string }>(admin, 'GET', `/attachments/${ticket.id}`);
    const file = await fetch(link.body.url);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="broken mug\.jpg"/);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });

  it('refuses an attachment already bound to another return, naming it', async () => {
    const owner = customer();
    const order = await deliveredOrderOf(owner);
    const { ticket } = await uploadFile(owner, photo());
    expect((await requestReturn(owner, order, [ticket.id])).status).toBe(201);

    const again = await requestReturn(owner, order, [ticket.id]);

    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ rule: 'attachment_already_bound', errors: [{ path: 'attachments.0', message: 'is already attached to a request' }] });
  });

  it('binds one upload to exactly one of two returns posted at once', async () => {
    const owner = customer();
    const order = await deliveredOrderOf(owner);
    const { ticket } = await uploadFile(owner, photo());

    const replies = await Promise.all([requestReturn(owner, order, [ticket.id]), requestReturn(owner, order, [ticket.id])]);

    expect(replies.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(replies.find((r) => r.status === 422)?.body).toMatchObject({ rule: 'attachment_already_bound', errors: [{ path: 'attachments.0' }] });
    const list = await call<{ items: ReturnReply[] }>(owner, 'GET', '/returns');
    expect(list.body.items.filter((r) => r.attachments.includes(ticket.id))).toHaveLength(1);
  });

  it('refuses a file never uploaded and someone else’s file, and creates no return', async () => {
    const owner = customer();
    const order = await deliveredOrderOf(owner);
    const announced = await startUpload(owner, { fileName: 'later.png', contentType: 'image/png', size: 10 });
    const { ticket: foreign } = await uploadFile(customer(), photo());

    const reply = await requestReturn(owner, order, [announced.body.id, foreign.id]);

    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual([
      { path: 'attachments.0', message: 'has not been uploaded yet' },
      { path: 'attachments.1', message: 'is not an attachment you uploaded' },
    ]);
    expect((await call<{ items: unknown[] }>(owner, 'GET', '/returns')).body.items).toEqual([]);
  });
});
