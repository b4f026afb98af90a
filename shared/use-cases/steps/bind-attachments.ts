// Binding uploads to a return request (called by POST /returns).
import { attachmentBindItem, getAttachments } from '#shared/adapters/attachments-repo';
import type { GuardedItem } from '#shared/adapters/dynamo';
import { headObject, tagObject } from '#shared/adapters/s3';
import { getSettings } from '#shared/adapters/settings-repo';
import { type Attachment, type AttachmentSettings, BOUND_TAG, bindError, bindRefusal, checkAttachmentList, isAttachmentId } from '#shared/domain/attachment';
import { BusinessRuleError } from '#shared/domain/errors';

export interface BindOptions {
  /** Request time (ISO); the clock when absent. */
  readonly now?: string;
  /** The shop's attachment settings when the caller already read them. */
  readonly settings?: AttachmentSettings;
  /** The uploads by id when the caller already read them (strongly consistent). */
  readonly attachments?: ReadonlyMap<string, Attachment | undefined>;
}

/**
 * Checks every listed upload and returns the conditional pending → bound
 * updates to put in the return's creation transaction. Each must be the
 * caller's, still pending, uploaded (HeadObject) with the declared size and
 * type; otherwise one 422 names every bad `attachments.<i>`.
 *
 * Call it last, right before the transaction: it re-tags the S3 objects
 * `state=bound` before returning, so the lifecycle rule (which deletes objects
 * tagged `state=pending` a day after upload) can never delete a bound file.
 * Timeline: check → re-tag → commit. A crash between re-tag and commit leaves
 * a kept object whose record stays pending (the customer can still bind it);
 * the reverse order could commit a binding whose file is then deleted.
 */
export const attachmentBindItems = async (
  customerId: string,
  attachmentIds: readonly string[],
  returnId: string,
  options: BindOptions = {},
): Promise<GuardedItem[]> => {
  if (attachmentIds.length === 0) return [];
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
  const bindable = listed as Attachment[];
  await Promise.all(bindable.map((a) => tagObject(a.key, BOUND_TAG)));
  return bindable.map((a, index) => attachmentBindItem(a, { returnId, index, nowEpochSeconds }));
};
