// The OpenAPI 3.1 document, generated from the route table and the zod specs;
// never written by hand, so it cannot drift from what the handlers validate.
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Route } from '#infra/routes';
import type { RouteSpec } from '#shared/http/route-spec';

const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
    allowedTransitions: z.array(z.string()).optional(),
    rule: z.string().optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' });

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });

const ERRORS = {
  400: problem('Invalid input: every invalid field is listed in `errors`'),
  401: problem('No or invalid token'),
  403: problem('Wrong role'),
  404: problem('Not found, or not yours'),
  409: problem('Illegal transition or concurrent change (`allowedTransitions`)'),
  412: problem('If-Match does not match the current version'),
  413: problem('Body too large'),
  422: problem('Refused by a business rule (`rule`)'),
  429: problem('Throttled'),
  503: problem('A dependency is unavailable; see Retry-After'),
} as const;

export const buildOpenApi = (routes: readonly Route[], specs: Readonly<Record<string, RouteSpec>>): Record<string, unknown> => {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const route of routes) {
    const spec = specs[route.id];
    if (!spec) throw new Error(`Route ${route.id} has no spec`);
    const headers = z.object({
      ...(spec.idempotent ? { 'idempotency-key': z.string().max(255).optional() } : {}),
      ...(spec.ifMatch ? { 'if-match': z.string().optional() } : {}),
    });
    const ok = spec.binary
      ? { description: 'The document', content: { [spec.binary]: { schema: z.string().meta({ format: 'binary' }) } } }
      : { description: 'Success', content: { 'application/json': { schema: spec.response ?? z.unknown() } } };
    const config: RouteConfig = {
      method: route.method.toLowerCase() as RouteConfig['method'],
      path: route.path,
      operationId: route.id,
      summary: spec.summary,
      tags: [route.fn],
      security: route.roles.includes('public') ? [] : [{ [bearer.name]: [] }],
      description: `Roles: ${route.roles.join(', ')}.`,
      request: {
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.query || spec.fields ? { query: (spec.query ?? z.object({})).extend(spec.fields ? { fields: z.string().optional() } : {}) } : {}),
        ...(Object.keys(headers.shape).length > 0 ? { headers } : {}),
        ...(spec.body ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
      },
      responses: { [spec.status ?? 200]: ok, ...ERRORS },
    };
    registry.registerPath(config);
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'aftersales', version: '1.0.0', description: 'Post-purchase backend: orders, cancellations, returns, refunds, attachments.' },
  }) as unknown as Record<string, unknown>;
};
