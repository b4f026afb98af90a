// Seed 001's `fields` selector: `?fields=id,status` keeps only those top-level
// fields of a single resource; an unknown name is a 400.
import { ValidationError } from './errors.ts';

/**
 * `declared` are the fields the resource's schema names: an optional one this
 * resource happens not to carry (a cancellation without a voucher) is still
 * a field a client may ask for, and is simply left out of the answer.
 */
export const selectFields = <T>(resource: T, fields: string | undefined, declared: readonly string[] = []): T | Partial<T> => {
  if (fields === undefined || resource === null || typeof resource !== 'object') return resource;
  const wanted = fields
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const known = new Set([...declared, ...Object.keys(resource)]);
  const unknown = wanted.filter((f) => !known.has(f));
  if (wanted.length === 0 || unknown.length > 0) {
    throw new ValidationError((wanted.length === 0 ? [''] : unknown).map((f) => ({ path: 'fields', message: f ? `unknown field "${f}"` : 'names no field' })));
  }
  return Object.fromEntries(wanted.filter((f) => Object.hasOwn(resource, f)).map((f) => [f, (resource as Record<string, unknown>)[f]])) as Partial<T>;
};
