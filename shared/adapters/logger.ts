// One structured logger per Lambda (Powertools); values that look like account
// numbers or IBANs are masked before they reach a log line.
import { Logger } from '@aws-lambda-powertools/logger';
import { env } from './env.ts';

export const logger = new Logger({ serviceName: env.serviceName });

/** Keeps the last four characters: `DE89…3000` → `****3000`. */
export const mask = (value: string): string => (value.length <= 4 ? '****' : `****${value.slice(-4)}`);
