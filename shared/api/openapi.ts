// The OpenAPI 3.1 document, generated from the route table and the zod specs
// by zod's own JSON Schema converter; never written by hand, so it cannot drift
// from what the handlers validate.
import * as z from 'zod/mini';
import { lazy } from '#shared/domain/pure';
import type { Route } from '#shared/http/route';
import type { RouteSpec } from '#shared/http/route-spec';

type Json = Record<string, unknown>;

const Problem = /* @__PURE__ */ lazy(() =>
  z
    .object({
      type: z.string(),
      title: z.string(),
      status: z.number().check(z.int()),
      detail: z.string(),
      errors: z.array(z.object({ path: z.string(), message: z.string() })),
      allowedTransitions: z.optional(z.array(z.string())),
      rule: z.optional(z.string()),
      requestId: z.optional(z.string()),
    })
    .clone()
    .register(z.globalRegistry, { id: 'Problem' }),
);

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: PROBLEM_REF } } });

const ERRORS = /* @__PURE__ */ lazy(
  () =>
    ({
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
    }) as const,
);

/**
 * Converts many schemas in one pass, so every schema with a meta `id` becomes
 * one shared component that the others `$ref`. Requests are read as zod's input
 * (a field with a default is optional), answers as its output.
 */
const convert = (
  schemas: Readonly<Record<string, z.ZodMiniType>>,
  io: 'input' | 'output',
): { byKey: Record<string, Json>; components: Record<string, Json> } => {
  const root = z.toJSONSchema(z.object(schemas), { target: 'draft-2020-12', io, unrepresentable: 'any' });
  const { properties, $defs } = JSON.parse(JSON.stringify(root).replaceAll('"#/$defs/', '"#/components/schemas/'), (key, value: unknown) =>
    // zod states the bounds of every safe integer and closes every answer object; neither says anything to a client.
    (key === 'minimum' && value === -Number.MAX_SAFE_INTEGER) ||
    (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) ||
    (io === 'output' && key === 'additionalProperties' && value === false)
      ? undefined
      : value,
  ) as {
    properties: Record<string, Json>;
    $defs?: Record<string, Json>;
  };
  return { byKey: properties, components: $defs ?? {} };
};

const parameters = (schema: Json | undefined, where: 'path' | 'query' | 'header'): Json[] => {
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  return Object.entries((schema?.properties as Record<string, Json> | undefined) ?? {}).map(([name, property]) => ({
    schema: property,
    required: where === 'path' || required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    name,
    in: where,
  }));
};

const headersOf = (spec: RouteSpec): Json => ({
  type: 'object',
  properties: {
    ...(spec.idempotent ? { 'idempotency-key': { type: 'string', maxLength: 255 } } : {}),
    ...(spec.ifMatch ? { 'if-match': { type: 'string' } } : {}),
  },
});

const success = (spec: RouteSpec, response: Json | undefined): Json => {
  if (spec.status === 204) return { description: 'No content' };
  if (spec.binary) return { description: 'The document', content: { [spec.binary]: { schema: { type: 'string', format: 'binary' } } } };
  return { description: 'Success', content: { 'application/json': { schema: response ?? {} } } };
};

export const buildOpenApi = (routes: readonly Route[], specs: Readonly<Record<string, RouteSpec>>): Json => {
  const inputs: Record<string, z.ZodMiniType> = {};
  const outputs: Record<string, z.ZodMiniType> = { Problem };
  for (const route of routes) {
    const spec = specs[route.id];
    if (!spec) throw new Error(`Route ${route.id} has no spec`);
    if (spec.params) inputs[`${route.id} params`] = spec.params;
    if (spec.query || spec.fields) inputs[`${route.id} query`] = z.extend(spec.query ?? z.object({}), spec.fields ? { fields: z.optional(z.string()) } : {});
    if (spec.body) inputs[`${route.id} body`] = spec.body;
    if (spec.response) outputs[`${route.id} response`] = spec.response;
  }
  const requests = convert(inputs, 'input');
  const answers = convert(outputs, 'output');
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const spec = specs[route.id] as RouteSpec;
    const body = requests.byKey[`${route.id} body`];
    const params = [
      ...parameters(requests.byKey[`${route.id} params`], 'path'),
      ...parameters(requests.byKey[`${route.id} query`], 'query'),
      ...parameters(headersOf(spec), 'header'),
    ];
    const operation = {
      operationId: route.id,
      summary: spec.summary,
      tags: [route.fn],
      security: route.roles.includes('public') ? [] : [{ bearer: [] }],
      description: `Roles: ${route.roles.join(', ')}.`,
      ...(params.length > 0 ? { parameters: params } : {}),
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
      responses: { [spec.status ?? 200]: success(spec, answers.byKey[`${route.id} response`]), ...ERRORS },
    };
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'aftersales', version: '1.0.0', description: 'Post-purchase backend: orders, cancellations, returns, refunds, attachments.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ...requests.components, ...answers.components },
    },
    paths,
  };
};
