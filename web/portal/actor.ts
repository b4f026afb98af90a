// Who did something, as a customer should read it. API.md promises customer
// answers say `customer`, `shop` or `carrier`; the portal also maps staff and
// machine ids (`admin:…`, `storefront:…`) so no internal id ever shows here.
import { t } from '../i18n/locale.ts';

export type CustomerFacingActor = 'customer' | 'carrier' | 'shop';

export const customerFacingActor = (by: string): CustomerFacingActor => {
  if (by === 'customer' || by.startsWith('customer:')) return 'customer';
  if (by === 'carrier' || by.startsWith('carrier:')) return 'carrier';
  return 'shop';
};

/** The actor as the object of "by …" in the reader's language: "you", "the carrier", "the shop". */
export const actorWords = (by: string): string => t('web.actor', { who: customerFacingActor(by) });
