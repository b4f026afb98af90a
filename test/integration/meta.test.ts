import { describe, expect, it } from 'vitest';
import { routes } from '#infra/routes';
import { call } from '../support/api.ts';

describe('public routes', () => {
  it('answers health without a token', async () => {
    const reply = await call({ role: 'public' }, 'GET', '/health');
    expect(reply).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('serves an OpenAPI document generated with every route of the route table', async () => {
    const reply = await call<{ openapi: string; paths: Record<string, Record<string, { operationId: string }>> }>({ role: 'public' }, 'GET', '/openapi.json');
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.1.0');
    for (const route of routes) {
      expect(reply.body.paths[route.path]?.[route.method.toLowerCase()]?.operationId).toBe(route.id);
    }
  });

  it('answers unknown paths with a 404 problem', async () => {
    const reply = await call({ role: 'public' }, 'GET', '/nope');
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  });
});
