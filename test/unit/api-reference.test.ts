// The committed endpoint reference is the one the code generates: a route, a
// field or a role changed without `npm run docs` fails here, not in a reader's hands;
// the same holds for the OpenAPI document and the events JSON Schema that GET /openapi.json
// and GET /events/schema.json serve.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { typeOf } from '#infra/docs/api-reference';
import { apiReferenceFile, currentApiReference } from '#infra/docs/current-api-reference';
import { currentDocuments } from '#infra/docs/published-documents';
import { routes } from '#infra/routes';
import { publishedEventSchema, publishedOpenApi } from '#shared/api/published';

describe('docs/api-reference.md', () => {
  it('is up to date with the routes and schemas (run `npm run docs` after changing them)', () => {
    expect(readFileSync(apiReferenceFile, 'utf8')).toBe(currentApiReference());
  });

  it('is generated with the documents the meta function serves, and they are up to date too', () => {
    const current = JSON.parse(JSON.stringify(currentDocuments())) as ReturnType<typeof currentDocuments>;
    expect(publishedOpenApi()).toEqual(current.openapi);
    expect(publishedEventSchema()).toEqual(current.eventSchema);
  });

  it('declares no body for a 204 answer', () => {
    const paths = currentDocuments().openapi.paths as Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
    const deleted = paths['/admin/webhooks/{id}']?.delete?.responses['204'];
    expect(deleted).toBeDefined();
    expect(deleted?.content).toBeUndefined();
    expect(readFileSync(apiReferenceFile, 'utf8')).toContain(
      '### `DELETE /admin/webhooks/{id}`\n\nRemove an endpoint (its pending deliveries end failed). Roles: admin. Operation `webhooks.delete`.\n\nAnswers 204 with no body.',
    );
  });

  it('lists every route of the route table', () => {
    const reference = currentApiReference();
    for (const route of routes) expect(reference).toContain(`### \`${route.method} ${route.path}\``);
  });

  it('writes types a person can read', () => {
    expect(typeOf({ $ref: '#/components/schemas/Order' })).toBe('Order');
    expect(typeOf({ type: 'array', items: { $ref: '#/components/schemas/Address' } })).toBe('Address[]');
    expect(typeOf({ type: 'integer', minimum: 0 })).toBe('integer (≥ 0)');
    expect(typeOf({ enum: ['card', 'cod'] })).toBe('"card" or "cod"');
    expect(typeOf({ type: 'object', properties: { items: { type: 'array', items: { $ref: '#/x/Refund' } }, nextCursor: { type: ['string', 'null'] } } })).toBe(
      '{ items: Refund[], nextCursor: string or null }',
    );
  });
});
