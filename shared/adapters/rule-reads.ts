// Everything a write with rules needs, in ONE BatchGetItem: the order (with its
// refund counters), the settings, the reasons, uploads and variants a body names, a
// cancellation request and the order as that request left it. The use case then decides and
// writes in one transaction: two round trips in all.
//
// Strongly consistent: a request right after the order (or cancellation) was
// created must find it, not answer 404. ConsistentRead is per table in a batch,
// so the settings and reasons ride along at the same price.
import type { Attachment } from '#shared/domain/attachment';
import type { Cancellation } from '#shared/domain/cancellation';
import type { Reason } from '#shared/domain/reason';
import type { Settings } from '#shared/domain/settings';
import type { Variant } from '#shared/domain/variant';
import { attachmentOf } from './attachments-repo.ts';
import { cancellationOf, cancellationOrderOf } from './cancellations-repo.ts';
import { batchGet, keyId } from './dynamo.ts';
import { KEY } from './keys.ts';
import { type OrderRead, orderReadOf } from './orders-repo.ts';
import { reasonOf } from './reasons-repo.ts';
import { settingsOf } from './settings-repo.ts';
import { variantOf } from './variants-repo.ts';

export interface RuleReadKeys {
  readonly orderId?: string | undefined;
  readonly reasonIds?: readonly string[] | undefined;
  /** Well-formed attachment ids only (isAttachmentId). */
  readonly attachmentIds?: readonly string[] | undefined;
  /** The request, and the copy of its order it was written with. */
  readonly cancellationId?: string | undefined;
  /** The variants an exchange's outbound items name. */
  readonly skus?: readonly string[] | undefined;
}

export interface RuleReads {
  readonly order: OrderRead | undefined;
  readonly settings: Settings;
  /** Every asked id, undefined when it names no reason. */
  readonly reasons: Map<string, Reason | undefined>;
  /** Every asked id, undefined when there is no such upload. */
  readonly attachments: Map<string, Attachment | undefined>;
  readonly cancellation: Cancellation | undefined;
  readonly cancellationOrder: OrderRead | undefined;
  /** Every asked SKU, undefined when no variant was declared for it. */
  readonly variants: Map<string, Variant | undefined>;
}

/** The settings always; the rest as asked. */
export const readForRules = async ({ orderId, reasonIds = [], attachmentIds = [], cancellationId, skus = [] }: RuleReadKeys): Promise<RuleReads> => {
  const keys = {
    order: orderId ? KEY.order(orderId) : undefined,
    settings: KEY.settings(),
    cancellation: cancellationId ? KEY.cancellation(cancellationId) : undefined,
    cancellationOrder: cancellationId ? KEY.cancellationOrder(cancellationId) : undefined,
  };
  const reasonKeys = reasonIds.map((id) => [id, KEY.reason(id)] as const);
  const attachmentKeys = attachmentIds.map((id) => [id, KEY.attachment(id)] as const);
  const variantKeys = skus.map((sku) => [sku, KEY.variant(sku)] as const);
  const found = await batchGet(
    [...Object.values(keys).flatMap((k) => (k ? [k] : [])), ...[...reasonKeys, ...attachmentKeys, ...variantKeys].map(([, k]) => k)],
    true,
  );
  const item = (key: { PK: string; SK: string } | undefined) => (key ? found.get(keyId(key)) : undefined);
  const map = <T>(key: { PK: string; SK: string } | undefined, parse: (i: Record<string, unknown>) => T): T | undefined => {
    const hit = item(key);
    return hit ? parse(hit) : undefined;
  };
  return {
    order: map(keys.order, orderReadOf),
    settings: settingsOf(item(keys.settings)),
    reasons: new Map(reasonKeys.map(([id, key]) => [id, reasonOf(id, item(key))])),
    attachments: new Map(attachmentKeys.map(([id, key]) => [id, map(key, attachmentOf)])),
    cancellation: map(keys.cancellation, cancellationOf),
    cancellationOrder: map(keys.cancellationOrder, cancellationOrderOf),
    variants: new Map(variantKeys.map(([sku, key]) => [sku, map(key, variantOf)])),
  };
};
