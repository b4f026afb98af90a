// Opaque, prefixed, time-sortable ids (ULID): `ord_01JD…`.
import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';

export type IdPrefix = 'ord' | 'li' | 'can' | 'ret' | 'rfd' | 'rli' | 'adj' | 'txn' | 'att' | 'note' | 'cmt' | 'rsn';

export const newId = (prefix: IdPrefix): string => `${prefix}_${ulid()}`;

/** Unguessable codes (vouchers): 20 chars of Crockford base32, 100 bits. */
export const newSecretCode = (): string => {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return Array.from(randomBytes(20), (b) => alphabet[b % 32]).join('');
};

/** A human order number derived from its id's random part. */
export const orderNumberOf = (orderId: string): string => orderId.slice(-8);
