// Who did something, as a customer should read it. API.md promises customer
// answers say `customer`, `shop` or `carrier`; the portal also maps staff and
// machine ids (`admin:…`, `storefront:…`) so no internal id ever shows here.
export const customerFacingActor = (by: string): string => {
  if (by === 'customer' || by.startsWith('customer:')) return 'you';
  if (by === 'carrier' || by.startsWith('carrier:')) return 'the carrier';
  return 'the shop';
};
