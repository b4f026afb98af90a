// Binding uploads to a return request against the real local stack: the
// records in DynamoDB Local, the objects (HeadObject, copies, tags) in s3rver.
// The returns flow calls bindAttachments and commits its items with the
// return; here a bare transaction stands in for the return's.
//
// s3rver gaps (checked in its source, v3.7.1): it enforces no POST policy, and
// its CopyObject ignores `x-amz-copy-source-if-match` and the tagging directive
// (a copy gets no tags at all). So the refusal of a file swapped between check
// and copy (S3's 412) and the copy's `state=bound` tag are S3's part, not
// exercised here; what is tested is that the bound object never carries the
// upload's `state=pending` and never changes when the form is posted again.
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { getAttachment, insertAttachment, listAttachmentMeta } from '#shared/adapters/attachments-repo';
import { transact } from '#shared/adapters/dynamo';
import { env } from '#shared/adapters/env';
import { newId } from '#shared/adapters/ids';
import { getObjectTags, headObject, s3 } from '#shared/adapters/s3';
import { buildAttachment, PENDING_TAG } from '#shared/domain/attachment';
import { BusinessRuleError } from '#shared/domain/errors';
import { defaultSettings } from '#shared/domain/settings';
import { bindAttachments } from '#shared/use-cases/steps/bind-attachments';
import { admin, call, customer } from '../support/api.ts';
import { fileBytes, postForm, startUpload, uploadFile } from '../support/uploads.ts';

// Passed explicitly so these tests never depend on (or change) the global settings.
const settings = defaultSettings('shop@example.com').refunds.attachments;

/** Binds like POST /returns does: check, then commit the items in one transaction. */
const bind = async (sub: string, ids: readonly string[], returnId = newId('ret')) => {
  await bindAttachments(sub, ids, returnId, (items) => transact(items), { settings });
  return returnId;
};

/** Every object key under a customer's prefix (their uploads and bound copies). */
const keysOf = async (sub: string): Promise<string[]> => {
  const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket: env.bucketName, Prefix: `attachments/${sub}/` }));
  return Contents.map((c) => String(c.Key)).sort();
};

const downloaded = async (id: string): Promise<Uint8Array> => {
  const link = await call<{ url: string }>(admin, 'GET', `/attachments/${id}`);
  expect(link.status).toBe(200);
  return new Uint8Array(await (await fetch(link.body.url)).arrayBuffer());
};

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BusinessRuleError);
  return error as BusinessRuleError;
};

const png = (size = 64) => ({ fileName: 'photo.png', contentType: 'image/png', bytes: fileBytes(size) });

beforeAll(() => {
  if (!process.env.API_URL || !process.env.AWS_ENDPOINT_URL_S3) throw new Error('run through vitest with the global setup');
});

describe('bindAttachments', () => {
  it('binds the owner’s uploaded file: record bound to the return and to a copy of the file, TTL gone, the upload removed', async () => {
    const owner = customer();
    const { ticket, bytes } = await uploadFile(owner, png());
    const before = await getAttachment(ticket.id);
    expect(before).toMatchObject({ state: 'pending', returnId: null, version: 1, expiresAt: expect.any(Number) });

    const returnId = await bind(owner.sub, [ticket.id]);

    const after = await getAttachment(ticket.id);
    const bound = `attachments/${owner.sub}/bound/${ticket.id}-${returnId}`;
    expect(after).toMatchObject({ state: 'bound', returnId, version: 2, key: bound });
    expect(after?.expiresAt).toBeUndefined();
    expect(await keysOf(owner.sub)).toEqual([bound]);
    expect(await headObject(bound)).toMatchObject({ size: 64, contentType: 'image/png' });
    expect(await getObjectTags(bound)).not.toContainEqual(PENDING_TAG);
    expect(await downloaded(ticket.id)).toEqual(bytes);
    expect(await listAttachmentMeta([ticket.id, 'att_00000000000000000000000000'])).toEqual([
      { id: ticket.id, fileName: 'photo.png', contentType: 'image/png', size: 64, state: 'bound', createdAt: before?.createdAt },
    ]);
  });

  it('writes nothing for an empty list', async () => {
    const committed: (readonly unknown[])[] = [];
    await bindAttachments(customer().sub, [], newId('ret'), async (items) => void committed.push(items));
    expect(committed).toEqual([[]]);
  });

  it('keeps the bound file as it was checked when the upload form is posted again (same size, other bytes)', async () => {
    const owner = customer();
    const file = png(128);
    const reply = await startUpload(owner, { fileName: file.fileName, contentType: file.contentType, size: 128 });
    expect((await postForm(reply.body, file.bytes)).status).toBe(204);
    await bind(owner.sub, [reply.body.id]);

    // The form is valid for 15 minutes: the same fields, new bytes of the same size and type.
    const swapped = fileBytes(128);
    expect((await postForm(reply.body, swapped)).status).toBe(204);

    const record = await getAttachment(reply.body.id);
    expect(await downloaded(reply.body.id)).toEqual(file.bytes);
    expect(await getObjectTags(String(record?.key))).not.toContainEqual(PENDING_TAG);
    // The re-post made a new upload beside it (tagged pending in S3), which nothing reads and the lifecycle rule expires.
    expect(await keysOf(owner.sub)).toEqual([String(record?.key), `attachments/${owner.sub}/${reply.body.id}`].sort());
    expect(await bind(owner.sub, [reply.body.id]).catch((e: BusinessRuleError) => e.details.rule)).toBe('attachment_already_bound');
  });

  it('refuses an attachment already bound to another request', async () => {
    const owner = customer();
    const { ticket } = await uploadFile(owner, png());
    await bind(owner.sub, [ticket.id]);

    const error = await refusal(bind(owner.sub, [ticket.id]));
    expect(error.details).toMatchObject({ rule: 'attachment_already_bound', errors: [{ path: 'attachments.0', message: 'is already attached to a request' }] });
  });

  it('binds one upload to exactly one of three requests racing for it', async () => {
    const owner = customer();
    const { ticket } = await uploadFile(owner, png());

    const results = await Promise.allSettled([bind(owner.sub, [ticket.id]), bind(owner.sub, [ticket.id]), bind(owner.sub, [ticket.id])]);

    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as BusinessRuleError] : []));
    expect(won).toHaveLength(1);
    expect(lost.map((e) => e.details.rule)).toEqual(['attachment_already_bound', 'attachment_already_bound']);
    expect(await getAttachment(ticket.id)).toMatchObject({ state: 'bound', returnId: won[0], version: 2 });
    // The losers' copies are removed with their refusal: only the winner's remains.
    expect(await keysOf(owner.sub)).toEqual([`attachments/${owner.sub}/bound/${ticket.id}-${won[0]}`]);
  });

  it('refuses a file that was never uploaded, and binds nothing of the list', async () => {
    const owner = customer();
    const { ticket: uploaded } = await uploadFile(owner, png());
    const announced = await startUpload(owner, { fileName: 'never.png', contentType: 'image/png', size: 10 });

    const error = await refusal(bind(owner.sub, [uploaded.id, announced.body.id]));

    expect(error.details).toMatchObject({ rule: 'attachment_not_uploaded', errors: [{ path: 'attachments.1', message: 'has not been uploaded yet' }] });
    expect(await getAttachment(uploaded.id)).toMatchObject({ state: 'pending', returnId: null });
    expect(await getObjectTags(`attachments/${owner.sub}/${uploaded.id}`)).not.toContainEqual({ key: 'state', value: 'bound' });
  });

  it('refuses someone else’s attachment exactly like an unknown one', async () => {
    const { ticket } = await uploadFile(customer(), png());
    const thief = customer();

    const foreign = await refusal(bind(thief.sub, [ticket.id]));
    const unknown = await refusal(bind(thief.sub, ['att_00000000000000000000000000', 'not-an-id']));

    expect(foreign.details).toMatchObject({ rule: 'attachment_not_found', errors: [{ path: 'attachments.0', message: 'is not an attachment you uploaded' }] });
    expect(unknown.details.errors).toEqual([
      { path: 'attachments.0', message: 'is not an attachment you uploaded' },
      { path: 'attachments.1', message: 'is not an attachment you uploaded' },
    ]);
    expect(await getAttachment(ticket.id)).toMatchObject({ state: 'pending' });
  });

  // s3rver enforces no POST policy, so these tampered uploads get through locally
  // (in AWS the policy already refuses them); the HeadObject check must catch them.
  it('refuses an upload whose size differs from the declared one', async () => {
    const owner = customer();
    const ticket = await startUpload(owner, { fileName: 'a.png', contentType: 'image/png', size: 100 });
    expect((await postForm(ticket.body, fileBytes(50))).status).toBe(204);

    const error = await refusal(bind(owner.sub, [ticket.body.id]));
    expect(error.details).toMatchObject({
      rule: 'attachment_mismatch',
      errors: [{ path: 'attachments.0', message: 'the uploaded file has 50 bytes, but 100 were declared' }],
    });
  });

  it('refuses an upload whose type differs from the declared one', async () => {
    const owner = customer();
    const ticket = await startUpload(owner, { fileName: 'a.png', contentType: 'image/png', size: 20 });
    expect((await postForm(ticket.body, fileBytes(20), { fields: { 'Content-Type': 'text/html' } })).status).toBe(204);

    const error = await refusal(bind(owner.sub, [ticket.body.id]));
    expect(error.details).toMatchObject({
      rule: 'attachment_mismatch',
      errors: [{ path: 'attachments.0', message: 'the uploaded file is text/html, but image/png was declared' }],
    });
  });

  it('refuses an upload not bound within its window, even before the TTL removed its record', async () => {
    const owner = customer();
    const yesterday = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
    const stale = buildAttachment({ fileName: 'old.png', contentType: 'image/png', size: 5 }, { id: newId('att'), customerId: owner.sub, now: yesterday });
    await insertAttachment(stale, undefined, undefined, yesterday);

    const error = await refusal(bind(owner.sub, [stale.id]));
    expect(error.details).toMatchObject({ rule: 'attachment_expired', errors: [{ path: 'attachments.0' }] });
  });

  it('refuses the same file twice in one list, and any attachment when they are switched off', async () => {
    const owner = customer();
    const { ticket } = await uploadFile(owner, png());

    const twice = await refusal(bind(owner.sub, [ticket.id, ticket.id]));
    expect(twice.details).toMatchObject({ rule: 'attachment_duplicate', errors: [{ path: 'attachments.1', message: 'is listed twice' }] });

    const off = await refusal(bindAttachments(owner.sub, [ticket.id], newId('ret'), (items) => transact(items), { settings: { ...settings, enabled: false } }));
    expect(off.details).toMatchObject({ rule: 'attachments_disabled', errors: [{ path: 'attachments' }] });
    expect(await getAttachment(ticket.id)).toMatchObject({ state: 'pending' });
  });
});
