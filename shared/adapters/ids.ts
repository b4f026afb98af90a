// Opaque, prefixed, time-sortable ids (ULID): `ord_01JD…`.
import { createHash, randomBytes } from 'node:crypto';
import { encodeTime, ulid } from 'ulid';

export type IdPrefix =
  | 'ord'
  | 'li'
  | 'can'
  | 'ret'
  | 'rfd'
  | 'rli'
  | 'adj'
  | 'txn'
  | 'att'
  | 'note'
  | 'cmt'
  | 'rsn'
  | 'whk'
  | 'dlv'
  | 'evt'
  | 'sct'
  | 'gc'
  | 'exc';

/** Crockford base32, one character per byte (5 of its bits). */
const crockford = (bytes: Uint8Array): string => Array.from(bytes, (b) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[b % 32]).join('');

export const newId = (prefix: IdPrefix): string => `${prefix}_${ulid()}`;

/**
 * A ULID-shaped id that is the same for the same `seed`: time-sortable by `at`,
 * its random part a hash of the seed. Writing it twice writes one item.
 */
export const stableId = (prefix: IdPrefix, at: string, seed: string): string => {
  const random = crockford(createHash('sha256').update(seed).digest().subarray(0, 16));
  return `${prefix}_${encodeTime(Date.parse(at) || 0)}${random}`;
};

/** Unguessable codes (vouchers): 20 chars of Crockford base32, 100 bits. */
export const newSecretCode = (): string => {
  return crockford(randomBytes(20));
};

/** A human order number derived from its id's random part. */
export const orderNumberOf = (orderId: string): string => orderId.slice(-8);
