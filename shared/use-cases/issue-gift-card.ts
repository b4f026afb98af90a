// POST /admin/gift-cards: a new card and its code, shown this once. The table
// keeps the code's keyed hash; the Idempotency-Key's remembered answer keeps
// the code sealed (secret-box.ts), so a client whose first answer was lost
// still learns it, and the table never holds it in clear.
import { transact } from '#shared/adapters/dynamo';
import { giftCardInserts } from '#shared/adapters/gift-cards-repo';
import { type IdempotencyKey, idempotencyRecord, type StoredResponse } from '#shared/adapters/idempotency';
import { newId, newSecretCode } from '#shared/adapters/ids';
import { codeHash, openSecret, sealSecret } from '#shared/adapters/secret-box';
import { ValidationError } from '#shared/domain/errors';
import { type CreateGiftCardBody, type GiftCard, newGiftCard } from '#shared/domain/gift-card';

export interface IssueGiftCard {
  readonly body: CreateGiftCardBody;
  readonly now: string;
  readonly idempotency?: IdempotencyKey | undefined;
}

/** Writes the card (under its code's hash) and its pointer by id: one transaction. */
export const issueGiftCard = async ({ body, now, idempotency }: IssueGiftCard): Promise<GiftCard & { code: string }> => {
  if (body.expiresAt && new Date(body.expiresAt).toISOString() <= now) throw new ValidationError([{ path: 'expiresAt', message: 'must be in the future' }]);
  const code = newSecretCode();
  const card = newGiftCard(body, { id: newId('gc'), code, now }, { type: 'admin', id: null });
  const [hash, sealedCode] = await Promise.all([codeHash(code), sealSecret(code, card.id)]);
  await transact([...idempotencyRecord(idempotency, { ...card, sealedCode }, now), ...giftCardInserts(card, hash)]);
  return { ...card, code };
};

/** A replayed creation answers the code again, opened from its sealed copy. */
export const reopenGiftCard = async (first: StoredResponse): Promise<StoredResponse> => {
  const { sealedCode, ...card } = first.body as Record<string, unknown>;
  if (typeof sealedCode !== 'string' || typeof card.id !== 'string') return first;
  return { ...first, body: { ...card, code: await openSecret(sealedCode, card.id) } };
};
