// End to end: POST /attachments, a browser-style form POST straight to the
// local S3, and GET /attachments/{id} with its presigned download.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '#shared/domain/settings';
import { admin, call, customer, storefront } from '../support/api.ts';
import { fileBytes, postForm, startUpload, uploadFile } from '../support/uploads.ts';

type Problem = { status: number; rule?: string; errors: { path: string; message: string }[] };
type Download = { id: string; fileName: string; contentType: string; size: number; url: string; expiresAt: string };

const decodePolicy = (fields: Record<string, string>) =>
  JSON.parse(Buffer.from(fields.Policy ?? '', 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };

let settings: Settings['refunds']['attachments'];

beforeAll(async () => {
  if (!process.env.API_URL) throw new Error('API_URL is not set: run through vitest with the global setup');
  // Settings are global and shared with parallel tests: read them, never change them here.
  const reply = await call<Settings>(admin, 'GET', '/admin/settings');
  expect(reply.status).toBe(200);
  settings = reply.body.refunds.attachments;
});

describe('POST /attachments', () => {
  it('answers a presigned POST whose policy pins key, exact size, type, the pending tag and ≤ 15 minutes', async () => {
    const owner = customer();
    const before = Date.now();
    const reply = await startUpload(owner, { fileName: '../../etc/crack photo.png', contentType: 'image/png', size: 2048 });
    const after = Date.now();

    expect(reply.status).toBe(201);
    const { id, upload, expiresAt } = reply.body;
    expect(id).toMatch(/^att_[0-9A-Za-z]+$/);
    const key = `attachments/${owner.sub}/${id}`;
    expect(upload.fields).toMatchObject({ key, 'Content-Type': 'image/png', bucket: expect.any(String), Policy: expect.any(String) });
    expect(upload.fields.key).not.toContain('crack');
    const policy = decodePolicy(upload.fields);
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { key },
        { 'Content-Type': 'image/png' },
        ['content-length-range', 2048, 2048],
        { tagging: '<Tagging><TagSet><Tag><Key>state</Key><Value>pending</Value></Tag></TagSet></Tagging>' },
      ]),
    );
    const policyExpiry = Date.parse(policy.expiration);
    // Signed while the request ran: never more than 15 minutes from then, and
    // not much less. The SDK signs with a clock offset it takes from each
    // response's `Date` header (whole seconds, so up to 1 s plus the response's
    // delay behind) and keeps whole seconds in the policy: a loaded run signed
    // 1.6 s short of `before`, so the lower bound allows 5 s.
    expect(policyExpiry - after).toBeLessThanOrEqual(15 * 60 * 1000 + 1000);
    expect(policyExpiry - before).toBeGreaterThanOrEqual(15 * 60 * 1000 - 5000);
    expect(policyExpiry).toBeGreaterThan(Date.now());
    expect(Date.parse(expiresAt)).toBeLessThanOrEqual(policyExpiry + 1000);
  });

  it('lists every invalid field with a 400', async () => {
    const reply = await call<Problem>(customer(), 'POST', '/attachments', { fileName: '', contentType: 'png', size: 1.5 });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e) => e.path).sort()).toEqual(['contentType', 'fileName', 'size']);
  });

  it('refuses a content type the settings do not allow, naming contentType', async () => {
    const reply = await startUpload(customer(), { fileName: 'page.html', contentType: 'text/html', size: 10 });
    expect(reply.status).toBe(422);
    const problem = reply.body as unknown as Problem;
    expect(problem.rule).toBe('content_type_not_allowed');
    expect(problem.errors).toEqual([{ path: 'contentType', message: expect.stringContaining(settings.contentTypes[0] ?? '') }]);
  });

  it('refuses a file one byte over maxBytes, naming size', async () => {
    const reply = await startUpload(customer(), { fileName: 'huge.pdf', contentType: 'application/pdf', size: settings.maxBytes + 1 });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ rule: 'attachment_too_large', errors: [{ path: 'size', message: `must be at most ${settings.maxBytes} bytes` }] });
  });

  it('is for customers only', async () => {
    const body = { fileName: 'a.png', contentType: 'image/png', size: 1 };
    expect((await call(admin, 'POST', '/attachments', body)).status).toBe(403);
    expect((await call(storefront, 'POST', '/attachments', body)).status).toBe(403);
    expect((await call({ role: 'public' }, 'POST', '/attachments', body)).status).toBe(401);
  });

  it('replays the first answer for a repeated Idempotency-Key and refuses the key with another body', async () => {
    const owner = customer();
    const key = randomUUID();
    const body = { fileName: 'a.png', contentType: 'image/png', size: 10 };
    const [first, second] = await Promise.all([startUpload(owner, body, { 'idempotency-key': key }), startUpload(owner, body, { 'idempotency-key': key })]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
    const other = await startUpload(owner, { ...body, size: 11 }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ rule: 'idempotency_key_reused' });
  });
});

describe('upload and download', () => {
  it('lets the owner and an admin download exactly the uploaded bytes, as an attachment', async () => {
    const owner = customer();
    const { ticket, bytes } = await uploadFile(owner, { fileName: 'Größe "1".jpg', contentType: 'image/jpeg', bytes: fileBytes(4096) });

    for (const reader of [owner, admin]) {
      const reply = await call<Download>(reader, 'GET', `/attachments/${ticket.id}`);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ id: ticket.id, fileName: 'Größe "1".jpg', contentType: 'image/jpeg', size: 4096 });
      const url = new URL(reply.body.url);
      expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
      expect(Date.parse(reply.body.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);

      const file = await fetch(reply.body.url);
      expect(file.status).toBe(200);
      expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="Gr__e _1_.jpg"; filename*=UTF-8''Gr%C3%B6%C3%9Fe%20%221%22.jpg`);
      expect(file.headers.get('content-type')).toBe('image/jpeg');
    }
  });

  it('honours ?fields= on the single-resource GET', async () => {
    const owner = customer();
    const { ticket } = await uploadFile(owner, { fileName: 'a.pdf', contentType: 'application/pdf', bytes: fileBytes(10) });
    const reply = await call(owner, 'GET', `/attachments/${ticket.id}?fields=id,size`);
    expect(reply.body).toEqual({ id: ticket.id, size: 10 });
  });

  it('answers 404 to another customer exactly as to an unknown or malformed id, and 403 to the storefront', async () => {
    const { ticket } = await uploadFile(customer(), { fileName: 'a.png', contentType: 'image/png', bytes: fileBytes(10) });
    const stranger = customer();
    const foreign = await call<Problem & { detail: string }>(stranger, 'GET', `/attachments/${ticket.id}`);
    const unknown = await call<Problem & { detail: string }>(stranger, 'GET', '/attachments/att_00000000000000000000000000');
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(foreign.body.detail).toBe(unknown.body.detail);
    expect((await call(stranger, 'GET', '/attachments/not-an-id')).status).toBe(404);
    expect((await call(storefront, 'GET', `/attachments/${ticket.id}`)).status).toBe(403);
  });

  it('uploads with nothing but the answer of POST /attachments: form fields in order, file last', async () => {
    const owner = customer();
    const bytes = fileBytes(321);
    const reply = await startUpload(owner, { fileName: 'scan.pdf', contentType: 'application/pdf', size: bytes.byteLength });
    const posted = await postForm(reply.body, bytes);
    expect(posted.status).toBe(204);
    const download = await call<Download>(owner, 'GET', `/attachments/${reply.body.id}`);
    expect(new Uint8Array(await (await fetch(download.body.url)).arrayBuffer())).toEqual(bytes);
  });
});
