// Attachment records: one item per upload (`type: 'Attachment'`), read by id.
// While pending the item carries `expiresAt`, the table's TTL attribute, so a
// never-bound upload's record goes away by itself; binding removes it.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type Attachment, type AttachmentMeta, attachmentMeta, isAttachmentId } from '#shared/domain/attachment';
import { BusinessRuleError } from '#shared/domain/errors';
import { db, type GuardedItem, stripKeys, TABLE_NAME, transact, versionedPut } from './dynamo.ts';
import { type IdempotencyKey, idempotencyRecord } from './idempotency.ts';
import { KEY } from './keys.ts';

const toItem = (attachment: Attachment) => ({ ...KEY.attachment(attachment.id), type: 'Attachment', ...attachment });

/** stripKeys drops `expiresAt` (a TTL elsewhere); here it is the bind deadline, so keep it. */
export const attachmentOf = (item: Record<string, unknown>): Attachment => {
  const attachment = stripKeys<Attachment>(item);
  return typeof item.expiresAt === 'number' ? { ...attachment, expiresAt: item.expiresAt } : attachment;
};

/** Writes a new pending attachment and, with a key, the idempotent `response`: one transaction. */
export const insertAttachment = async (attachment: Attachment, idempotency: IdempotencyKey | undefined, response: unknown, now: string): Promise<void> => {
  await transact([versionedPut(toItem(attachment)), ...idempotencyRecord(idempotency, response, now)]);
};

export const getAttachment = async (id: string): Promise<Attachment | undefined> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.attachment(id), ConsistentRead: true }));
  return Item ? attachmentOf(Item) : undefined;
};

/** A request carries at most a handful of files: parallel reads, input order kept. */
export const getAttachments = (ids: readonly string[]): Promise<(Attachment | undefined)[]> => Promise.all(ids.map(getAttachment));

/** Metadata of a return's attachments, in the given order; unknown ids are skipped. */
export const listAttachmentMeta = async (ids: readonly string[]): Promise<AttachmentMeta[]> =>
  (await getAttachments(ids.filter(isAttachmentId))).flatMap((a) => (a ? [attachmentMeta(a)] : []));

/**
 * Binds a pending attachment to a return, inside the return's creation transaction.
 *
 * Race: two return requests list the same upload. Both read it `pending` and
 * pass every check; both transactions carry this update. The first commits and
 * makes it `bound`; the second's condition `#state = pending` fails, so its
 * whole return is refused with a 422 naming the attachment: one upload, one request.
 * `expiresAt > now` keeps a record whose TTL passed (DynamoDB deletes lazily)
 * from being bound after its object may have been expired.
 */
export const attachmentBindItem = (
  attachment: Pick<Attachment, 'id' | 'customerId'>,
  ctx: { returnId: string; boundKey: string; index: number; nowEpochSeconds: number },
): GuardedItem => ({
  item: {
    Update: {
      TableName: TABLE_NAME,
      Key: KEY.attachment(attachment.id),
      // From now on every read (the download link) names the bound copy, never the upload.
      UpdateExpression: 'SET #state = :bound, returnId = :returnId, #key = :boundKey, version = version + :one REMOVE expiresAt',
      ConditionExpression: 'customerId = :customerId AND #state = :pending AND expiresAt > :now',
      ExpressionAttributeNames: { '#state': 'state', '#key': 'key' },
      ExpressionAttributeValues: {
        ':bound': 'bound',
        ':pending': 'pending',
        ':returnId': ctx.returnId,
        ':boundKey': ctx.boundKey,
        ':customerId': attachment.customerId,
        ':now': ctx.nowEpochSeconds,
        ':one': 1,
      },
    },
  },
  onConditionFailed: () =>
    new BusinessRuleError('attachment_already_bound', 'An attachment was attached to another request meanwhile.', {
      errors: [{ path: `attachments.${ctx.index}`, message: 'is already attached to a request' }],
    }),
});
