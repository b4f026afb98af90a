// Binding uploads to a return request against the real local stack: the
// records in DynamoDB Local, the objects (HeadObject, tags) in s3rver. The
// returns flow calls attachmentBindItems and commits its items with the
// return; here a bare transaction stands in for the return's.
import { beforeAll, describe, expect, it } from 'vitest';
import { getAttachment, insertAttachment, listAttachmentMeta } from '#shared/adapters/attachments-repo';
import { transact } from '#shared/adapters/dynamo';
import { newId } from '#shared/adapters/ids';
import { getObjectTags } from '#shared/adapters/s3';
import { buildAttachment } from '#shared/domain/attachment';
import { BusinessRuleError } from '#shared/domain/errors';
import { defaultSettings } from '#shared/domain/settings';
import { attachmentBindItems } from '#shared/use-cases/steps/bind-attachments';
import { customer } from '../support/api.ts';
import { fileBytes, postForm, startUpload, uploadFile } from '../support/uploads.ts';

// Passed explicitly so these tests never depend on (or change) the global settings.
const settings = defaultSettings('shop@example.com').refunds.attachments;

/** Binds like POST /returns does: check, then commit the items in one transaction. */
const bind = async (sub: string, ids: readonly string[], returnId = newId('ret')) => {
  const items = await attachmentBindItems(sub, ids, returnId, { settings });
  await transact(items);
  return returnId;
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

describe('attachmentBindItems', () => {
  it('binds the owner’s uploaded file: record bound to the return, TTL gone, object tagged to be kept', async () => {
    const owner = customer();
    const { ticket } = await uploadFile(owner, png());
    const before = await getAttachment(ticket.id);
    expect(before).toMatchObject({ state: 'pending', returnId: null, version: 1, expiresAt: expect.any(Number) });

    const returnId = await bind(owner.sub, [ticket.id]);

    const after = await getAttachment(ticket.id);
    expect(after).toMatchObject({ state: 'bound', returnId, version: 2 });
    expect(after?.expiresAt).toBeUndefined();
    expect(await getObjectTags(`attachments/${owner.sub}/${ticket.id}`)).toEqual([{ key: 'state', value: 'bound' }]);
    expect(await listAttachmentMeta([ticket.id, 'att_00000000000000000000000000'])).toEqual([
      { id: ticket.id, fileName: 'photo.png', contentType: 'image/png', size: 64, state: 'bound', createdAt: before?.createdAt },
    ]);
  });

  it('writes nothing for an empty list', async () => {
    expect(await attachmentBindItems(customer().sub, [], newId('ret'))).toEqual([]);
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

    const off = await refusal(attachmentBindItems(owner.sub, [ticket.id], newId('ret'), { settings: { ...settings, enabled: false } }));
    expect(off.details).toMatchObject({ rule: 'attachments_disabled', errors: [{ path: 'attachments' }] });
    expect(await getAttachment(ticket.id)).toMatchObject({ state: 'pending' });
  });
});
