// POST /admin/gift-cards/{id}/disable: an active card can no longer be redeemed.
import { transact } from '#shared/adapters/dynamo';
import { cardChanged, getGiftCard, giftCardUpdate } from '#shared/adapters/gift-cards-repo';
import { disableCard, type GiftCard } from '#shared/domain/gift-card';

/** One conditional write: a redemption racing it wins or loses whole (409 for the loser here). */
export const disableGiftCard = async (id: string, now: string): Promise<GiftCard> => {
  const { card, codeHash } = await getGiftCard(id);
  const disabled = disableCard(card, now);
  await transact([giftCardUpdate(disabled, codeHash, card.version, cardChanged)]);
  return disabled;
};
