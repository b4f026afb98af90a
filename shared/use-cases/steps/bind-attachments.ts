// Binding uploads to a return request (called by POST /returns).
import { attachmentBindItem, getAttachments } from '#shared/adapters/attachments-repo';
import type { GuardedItem } from '#shared/adapters/dynamo';
import { logger } from '#shared/adapters/logger';
import { copyObjectIfUnchanged, deleteObject, type HeadResult, headObject } from '#shared/adapters/s3';
import { getSettings } from '#shared/adapters/settings-repo';
import {
  type Attachment,
  type AttachmentSettings,
  BOUND_TAG,
  bindError,
  bindRefusal,
  boundAttachmentKey,
  CHANGED_WHILE_BINDING,
  checkAttachmentList,
  isAttachmentId,
} from '#shared/domain/attachment';
import { BusinessRuleError } from '#shared/domain/errors';

export interface BindOptions {
  /** Request time (ISO); the clock when absent. */
  readonly now?: string;
  /** The shop's attachment settings when the caller already read them. */
  readonly settings?: AttachmentSettings;
  /** The uploads by id when the caller already read them (strongly consistent). */
  readonly attachments?: ReadonlyMap<string, Attachment | undefined>;
}

/** Removes objects whose loss costs nothing but storage: a failure is logged, never the caller's. */
const removeQuietly = async (keys: readonly string[], why: string): Promise<void> => {
  const results = await Promise.allSettled(keys.map(deleteObject));
  const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ key: keys[i], error: r.reason as unknown }] : []));
  if (failed.length > 0) logger.warn(`attachment objects not removed (${why})`, { failed });
};

/**
 * Binds the listed uploads to a return request: checks each, freezes it, and
 * calls `commit` with the conditional pending → bound updates to write in the
 * return's creation transaction. Each upload must be the caller's, still
 * pending, uploaded (HeadObject) with the declared size and type; otherwise one
 * 422 names every bad `attachments.<i>` and `commit` is never called.
 *
 * Freezing: a presigned form can be posted again until it expires, replacing
 * the upload. So the checked bytes are copied (on the ETag the check read: a
 * replacement in between fails the copy) to a key no form can write, tagged
 * `state=bound` (the lifecycle rule deletes `state=pending` objects a day after
 * upload), and the record is bound to that copy. Timeline: check → copy →
 * commit → delete the upload. A crash between copy and commit leaves an unused
 * copy and a pending record the customer can still bind; the reverse order
 * could commit a binding to a file swapped or deleted meanwhile. A commit that
 * fails (another request won the upload, a lost race on the order) removes this
 * attempt's copies: their keys name its return id, so they are no one else's.
 */
export const bindAttachments = async (
  customerId: string,
  attachmentIds: readonly string[],
  returnId: string,
  commit: (bindings: readonly GuardedItem[]) => Promise<void>,
  options: BindOptions = {},
): Promise<void> => {
  if (attachmentIds.length === 0) return commit([]);
  const settings = options.settings ?? (await getSettings()).refunds.attachments;
  if (!settings.enabled) {
    throw new BusinessRuleError('attachments_disabled', 'This shop does not accept attachments.', {
      errors: [{ path: 'attachments', message: 'must be empty: attachments are switched off' }],
    });
  }
  checkAttachmentList(attachmentIds);
  const nowEpochSeconds = Math.floor(Date.parse(options.now ?? new Date().toISOString()) / 1000);
  const known = options.attachments;
  const attachments = known ? attachmentIds.map((id) => known.get(id)) : await getAttachments(attachmentIds.filter(isAttachmentId));
  const byId = new Map(attachments.flatMap((a) => (a ? [[a.id, a] as const] : [])));
  const listed = attachmentIds.map((id) => byId.get(id));
  // Only the caller's pending uploads are worth asking S3 about.
  const objects = await Promise.all(listed.map((a) => (a && a.customerId === customerId && a.state === 'pending' ? headObject(a.key) : undefined)));
  const refusals = listed.flatMap((a, index) => {
    const refusal = bindRefusal(a, customerId, objects[index], nowEpochSeconds);
    return refusal ? [{ ...refusal, index }] : [];
  });
  if (refusals.length > 0) throw bindError(refusals);
  const bindable = (listed as Attachment[]).map((a, index) => ({
    attachment: a,
    upload: a.key,
    bound: boundAttachmentKey(a.customerId, a.id, returnId),
    etag: (objects[index] as HeadResult).etag,
  }));
  const copied = await Promise.all(bindable.map((b) => copyObjectIfUnchanged({ from: b.upload, to: b.bound, etag: b.etag, tag: BOUND_TAG })));
  if (copied.includes(false)) {
    await removeQuietly(
      bindable.filter((_, i) => copied[i]).map((b) => b.bound),
      'a binding refused',
    );
    throw bindError(bindable.flatMap((_, index) => (copied[index] ? [] : [{ ...CHANGED_WHILE_BINDING, index }])));
  }
  try {
    await commit(bindable.map((b, index) => attachmentBindItem(b.attachment, { returnId, boundKey: b.bound, index, nowEpochSeconds })));
  } catch (error) {
    await removeQuietly(
      bindable.map((b) => b.bound),
      'a binding not committed',
    );
    throw error;
  }
  // Bound: the upload is no longer read. A later post to its form only makes a pending object the lifecycle rule expires.
  await removeQuietly(
    bindable.map((b) => b.upload),
    'uploads already bound',
  );
};
