// Request parsing: JSON bodies (size-capped, prototype-pollution-safe) and zod
// validation that names every bad field.
import type * as z from 'zod/mini';
import { DomainError, type ErrorCode, type FieldError, ValidationError } from '#shared/domain/errors';

/** Bodies are small JSON documents; uploads go straight to S3. */
export const MAX_BODY_BYTES = 256 * 1024;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The body as the client sent it (a signature is checked over these exact bytes), bounded like any body. */
export const readRawBody = (raw: string | undefined, base64: boolean | undefined): string => {
  const text = base64 ? Buffer.from(raw ?? '', 'base64').toString('utf8') : (raw ?? '');
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
    throw new DomainError('payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  }
  return text;
};

export const parseJsonBody = (raw: string | undefined, base64: boolean | undefined): unknown => {
  if (raw === undefined || raw === '') return undefined;
  const text = readRawBody(raw, base64);
  let polluted = false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) polluted = true;
      return value;
    });
  } catch (error) {
    throw new ValidationError([{ path: 'body', message: `is not valid JSON (${(error as Error).message})` }]);
  }
  if (polluted) throw new ValidationError([{ path: 'body', message: 'must not contain __proto__, constructor or prototype keys' }]);
  return parsed;
};

export const fieldErrors = (error: z.core.$ZodError, location: string): FieldError[] =>
  error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : location,
    message: issue.message,
  }));

/** Validates `value`; a failure lists every bad field (400), or is a 404 for path params. */
export const parseWith = <S extends z.ZodMiniType>(schema: S, value: unknown, location: string, code: ErrorCode = 'validation'): z.infer<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  if (code === 'not_found') throw new DomainError('not_found', 'The resource was not found.');
  throw new ValidationError(fieldErrors(result.error, location), `The ${location} is invalid.`);
};
