// One structured logger per Lambda (Powertools). Account data never reaches a
// log line whole: whatever a call passes, a value under a key that names an
// account number or IBAN is masked by the logger's own JSON replacer, so the
// guarantee does not depend on each caller remembering to mask.
import { Logger } from '@aws-lambda-powertools/logger';
import { env } from './env.ts';

/** Keeps the last four characters: `DE89…3000` → `****3000`. */
export const mask = (value: string): string => (value.length <= 4 ? '****' : `****${value.slice(-4)}`);

/** Keys whose string values are masked wherever they appear in a log item (case-insensitive). */
const ACCOUNT_KEYS = new Set(['iban', 'accountnumber']);

const maskAccountData = (key: string, value: unknown): unknown => (typeof value === 'string' && ACCOUNT_KEYS.has(key.toLowerCase()) ? mask(value) : value);

export const logger = new Logger({ serviceName: env.serviceName, jsonReplacerFn: maskAccountData });
