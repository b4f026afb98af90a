// The OpenAPI document and the events JSON Schema, generated at build time
// (`npm run docs`) and inflated on first use: nothing is built in the Lambda.
import { gunzipSync } from 'node:zlib';
import { EVENT_SCHEMA_GZIP, OPENAPI_GZIP } from './generated/published-documents.ts';

const inflate = (gzip: string): Record<string, unknown> => JSON.parse(gunzipSync(Buffer.from(gzip, 'base64')).toString('utf8')) as Record<string, unknown>;

let openapi: Record<string, unknown> | undefined;
let eventSchema: Record<string, unknown> | undefined;

export const publishedOpenApi = (): Record<string, unknown> => {
  openapi ??= inflate(OPENAPI_GZIP);
  return openapi;
};

export const publishedEventSchema = (): Record<string, unknown> => {
  eventSchema ??= inflate(EVENT_SCHEMA_GZIP);
  return eventSchema;
};
