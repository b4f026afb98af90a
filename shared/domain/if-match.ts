// Optimistic concurrency as the client sees it: an `If-Match` naming a version
// that is no longer current is a 412, checked before any other rule.
import { DomainError } from './errors.ts';

/** Throws the 412 when `ifMatch` names another version than `current`'s. */
export const checkIfMatch = (current: { readonly version: number }, ifMatch: number | undefined): void => {
  if (ifMatch !== undefined && ifMatch !== current.version) {
    throw new DomainError('precondition_failed', `If-Match names version ${ifMatch}; the current version is ${current.version}.`);
  }
};
