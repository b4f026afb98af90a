// Bank accounts for refunds by bank transfer: one reading of what a customer
// or an admin typed, spaces and case forgiven.
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';

/** The IBAN in its electronic format (`DE89370400440532013000`) when it is a valid one (ISO 13616), else undefined. */
export const ibanOf = (typed: string): string | undefined => {
  const iban = electronicFormatIBAN(typed);
  return iban && isValidIBAN(iban) ? iban : undefined;
};
