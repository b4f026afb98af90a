// POST /gift-cards/redeem: a customer turns a code into store credit. Two round
// trips: the try counter, the card (by its code's keyed hash) and the
// customer's accounts read at once; then ONE transaction writes the card as
// redeemed (version-conditioned), the credit (a lot with origin gift_card, its
// row, the origin's once-marker) and the Idempotency-Key's record.
import { countRedeemTry, getGiftCardByHash, giftCardUpdate } from '#shared/adapters/gift-cards-repo';
import type { IdempotencyKey } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import { codeHash } from '#shared/adapters/secret-box';
import { OriginCreditedError } from '#shared/adapters/store-credit-repo';
import { type GiftCard, invalidCode, normalizeCode, redeemCard } from '#shared/domain/gift-card';
import type { CreditTransaction } from '#shared/domain/store-credit';
import { credit } from '#shared/domain/store-credit-ledger';
import { moveCredit } from './steps/move-credit.ts';
import { ConcurrentChangeError } from './steps/retry-on-change.ts';

export interface RedeemGiftCard {
  readonly customerId: string;
  readonly code: string;
  readonly by: string;
  readonly now: string;
  readonly idempotency?: IdempotencyKey | undefined;
}

/**
 * Credits the card's balance to the redeemer's account, once. Race: two
 * customers redeem one code at once; both read the card at version 1 and plan;
 * one transaction commits (card v2, redeemed); the other fails `card.version =
 * 1` (or the card's origin marker), reads the card again, finds it redeemed
 * and gets the one 422 every unusable code gets.
 */
export const redeemGiftCard = async ({ customerId, code, by, now, idempotency }: RedeemGiftCard): Promise<CreditTransaction> => {
  const hash = await codeHash(normalizeCode(code));
  // Counted before anything is decided, beside the first reads: a refused try counts too.
  const counted = countRedeemTry(customerId, now);
  const id = newId('sct');
  try {
    const moved = await moveCredit<GiftCard | undefined>({
      customerId,
      read: async () => (await Promise.all([counted, getGiftCardByHash(hash)]))[1],
      currency: (card) => card?.currency ?? '',
      now,
      idempotency,
      plan: (account, _held, card) => {
        const redeemed = redeemCard(card, customerId, now);
        const before = card as GiftCard;
        return {
          movement: credit(
            account,
            { amount: before.balance, origin: { type: 'gift_card', id: before.id }, expiresAt: before.expiresAt },
            { transactionId: id, now, by },
          ),
          extras: { originOnce: { type: 'gift_card', id: before.id } },
          with: [giftCardUpdate(redeemed, hash, before.version, () => new ConcurrentChangeError('gift card'))],
        };
      },
    });
    return (moved as NonNullable<typeof moved>).transaction;
  } catch (error) {
    if (error instanceof OriginCreditedError) throw invalidCode();
    throw error;
  }
};
