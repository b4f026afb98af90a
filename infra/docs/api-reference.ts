// Renders the endpoint reference in docs/api-reference.md from the generated
// OpenAPI document, so the repository's own guide lists exactly the routes,
// roles, bodies and fields the handlers validate. `npm run docs` writes it; a
// unit test fails when the committed file is older than the code.
type Json = Record<string, unknown>;

const obj = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});
const refName = (schema: Json): string | undefined => (typeof schema.$ref === 'string' ? schema.$ref.split('/').pop() : undefined);
const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A short type expression: `string`, `Order`, `Address[]`, `"a" \| "b"`, `integer ≥ 0`. */
export const typeOf = (schemaValue: unknown, depth = 0): string => {
  const schema = obj(schemaValue);
  const ref = refName(schema);
  if (ref) return ref;
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const parts = schema[key];
    if (Array.isArray(parts)) return parts.map((part) => typeOf(part, depth)).join(key === 'allOf' ? ' & ' : ' or ');
  }
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' or ');
  if ('const' in schema) return JSON.stringify(schema.const);
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : String(schema.type ?? 'any');
  if (type === 'array') return `${typeOf(schema.items, depth)}[]`;
  // An inline object (a list page, say) shows its fields one level deep.
  const properties = Object.entries(obj(schema.properties));
  if (properties.length > 0 && depth === 0) return `{ ${properties.map(([name, value]) => `${name}: ${typeOf(value, 1)}`).join(', ')} }`;
  const bounds = [
    typeof schema.minimum === 'number' ? `≥ ${schema.minimum}` : '',
    typeof schema.maximum === 'number' ? `≤ ${schema.maximum}` : '',
    typeof schema.minLength === 'number' && schema.minLength > 0 ? `min ${schema.minLength} chars` : '',
    typeof schema.maxLength === 'number' ? `max ${schema.maxLength} chars` : '',
    typeof schema.format === 'string' ? schema.format : '',
  ].filter(Boolean);
  return bounds.length > 0 ? `${type} (${bounds.join(', ')})` : type;
};

const fieldsTable = (schemaValue: unknown): string[] => {
  const schema = obj(schemaValue);
  const properties = obj(schema.properties);
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const names = Object.keys(properties);
  if (names.length === 0) return [`A ${typeOf(schema)}.`, ''];
  return [
    '| field | type | required |',
    '|---|---|---|',
    ...names.map((name) => `| \`${name}\` | ${cell(typeOf(properties[name]))} | ${required.has(name) ? 'yes' : ''} |`),
    '',
  ];
};

const METHODS = ['get', 'post', 'put', 'delete'] as const;

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly op: Json;
}

const operationsOf = (document: Json): Operation[] =>
  Object.entries(obj(document.paths)).flatMap(([path, item]) =>
    METHODS.filter((m) => m in obj(item)).map((method) => ({ method: method.toUpperCase(), path, op: obj(obj(item)[method]) })),
  );

/** The success answer, e.g. "200 with `Order`", or "204 with no body". */
const successOf = (op: Json): string => {
  const [status, response] = Object.entries(obj(op.responses)).find(([code]) => code.startsWith('2')) ?? ['200', {}];
  const content = obj(obj(response).content);
  const [mediaType, media] = Object.entries(content)[0] ?? ['', {}];
  if (!mediaType) return `${status} with no body`;
  return `${status} with \`${mediaType !== 'application/json' ? mediaType : typeOf(obj(obj(media).schema))}\``;
};

const parametersOf = (op: Json, where: string): string[] =>
  (Array.isArray(op.parameters) ? op.parameters : [])
    .map(obj)
    .filter((p) => p.in === where)
    .map((p) => `\`${String(p.name)}\`${p.required ? '' : '?'}: ${typeOf(p.schema)}`);

const operationSection = ({ method, path, op }: Operation): string[] => {
  const body = obj(obj(obj(obj(op.requestBody).content)['application/json']).schema);
  const query = parametersOf(op, 'query');
  const headers = parametersOf(op, 'header');
  return [
    `### \`${method} ${path}\``,
    '',
    `${String(op.summary ?? '')}. ${String(op.description ?? '')} Operation \`${String(op.operationId)}\`.`,
    '',
    ...(query.length > 0 ? [`Query: ${query.join(', ')}.`, ''] : []),
    ...(headers.length > 0 ? [`Headers: ${headers.join(', ')}.`, ''] : []),
    ...(Object.keys(body).length > 0 ? [`Body: \`${typeOf(body)}\`.`, ''] : []),
    `Answers ${successOf(op)}.`,
    '',
  ];
};

/** The whole reference: an index of routes by area, each route, then every named schema's fields. */
export const renderApiReference = (document: Json): string => {
  const operations = operationsOf(document);
  const areas = [...new Set(operations.map(({ op }) => String((op.tags as string[] | undefined)?.[0] ?? 'other')))];
  const schemas = Object.entries(obj(obj(document.components).schemas)).sort(([a], [b]) => a.localeCompare(b));
  return [
    '# API reference',
    '',
    '<!-- Generated by `npm run docs` from the OpenAPI document (GET /openapi.json). Do not edit by hand. -->',
    '',
    'Every route of the API with who may call it, what it takes and what it answers, then every named schema.',
    'Conventions, rules and walkthroughs are in [the API guide](api.md). Errors are `application/problem+json`',
    '(`Problem`) with the statuses listed there.',
    '',
    ...areas.flatMap((area) => [
      `## ${area}`,
      '',
      ...operations.filter(({ op }) => String((op.tags as string[] | undefined)?.[0] ?? 'other') === area).flatMap(operationSection),
    ]),
    '## Schemas',
    '',
    ...schemas.flatMap(([name, schema]) => [`### ${name}`, '', ...fieldsTable(schema)]),
  ].join('\n');
};
