// An exchange's money in the back office's words: who pays the difference, and
// where its settlement stands.
import type { ApiResult } from '../../api/client.ts';
import { money } from '../../ui/format.ts';

export type AdminExchange = ApiResult<'exchanges.adminGet'>;

export const differenceWords = (x: Pick<AdminExchange, 'differenceDue' | 'currency'>): string =>
  x.differenceDue === 0 ? 'Even' : `${x.differenceDue > 0 ? 'Customer pays' : 'Shop pays back'} ${money(Math.abs(x.differenceDue), x.currency)}`;

/** Settled only once the provider (or an admin) says so: an open charge is "not paid yet", never "paid". */
export const paymentWords = (x: Pick<AdminExchange, 'settlement' | 'currency'>): string => {
  const { kind, status, amount, reference } = x.settlement;
  if (kind === 'none') return 'Nothing to settle: the difference is zero.';
  const what = `${kind === 'charge' ? 'Charge' : kind === 'refund' ? 'Refund to the card' : 'Store credit'} of ${money(amount, x.currency)}`;
  const state = status === 'succeeded' ? (kind === 'charge' ? 'paid' : 'paid back') : kind === 'charge' ? 'not paid yet' : 'not paid back yet';
  return `${what}: ${state}${reference ? ` (reference ${reference})` : ''}.`;
};
