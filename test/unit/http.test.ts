import { describe, expect, it } from 'vitest';
import { DomainError, ValidationError } from '#shared/domain/errors';
import { selectFields } from '#shared/domain/fields';
import { parseJsonBody } from '#shared/http/parse';
import { principalFromClaims } from '#shared/http/principal';

describe('principal', () => {
  it('reads admins from cognito:groups in every form API Gateway passes', () => {
    expect(principalFromClaims({ sub: 'a', 'cognito:groups': '[admin]' }, []).role).toBe('admin');
    expect(principalFromClaims({ sub: 'a', 'cognito:groups': '[staff admin]' }, []).role).toBe('admin');
    expect(principalFromClaims({ sub: 'a', 'cognito:groups': ['admin'] }, []).role).toBe('admin');
    expect(principalFromClaims({ sub: 'a', 'cognito:groups': '["admin"]' }, []).role).toBe('admin');
    expect(principalFromClaims({ sub: 'a', 'cognito:groups': '[administrators]' }, []).role).toBe('customer');
  });

  it('reads the storefront from its scope, customers otherwise, nobody without sub', () => {
    expect(principalFromClaims({ sub: 'shop', scope: 'orders/write' }, null).role).toBe('storefront');
    expect(principalFromClaims({ sub: 'shop' }, ['orders/write']).role).toBe('storefront');
    expect(principalFromClaims({ sub: 'c1', email: 'c@x.io' }, [])).toEqual({ role: 'customer', sub: 'c1', email: 'c@x.io' });
    expect(principalFromClaims(undefined, undefined).role).toBe('public');
    expect(principalFromClaims({ email: 'x' }, undefined).role).toBe('public');
  });
});

describe('body parsing', () => {
  it('refuses invalid JSON, prototype keys and oversized bodies', () => {
    expect(() => parseJsonBody('{', false)).toThrow(ValidationError);
    expect(() => parseJsonBody('{"a":{"__proto__":{"x":1}}}', false)).toThrow(ValidationError);
    expect(() => parseJsonBody('{"constructor":{"prototype":{}}}', false)).toThrow(ValidationError);
    expect(() => parseJsonBody(JSON.stringify({ a: 'x'.repeat(300_000) }), false)).toThrow(DomainError);
    expect(parseJsonBody(Buffer.from('{"a":1}').toString('base64'), true)).toEqual({ a: 1 });
    expect(parseJsonBody(undefined, false)).toBeUndefined();
  });
});

describe('fields selector', () => {
  const resource = { id: 'ord_1', status: 'pending', version: 1 };
  it('keeps only the named fields', () => {
    expect(selectFields(resource, 'id,status')).toEqual({ id: 'ord_1', status: 'pending' });
    expect(selectFields(resource, undefined)).toBe(resource);
  });
  it('names each unknown field in a 400', () => {
    try {
      selectFields(resource, 'id,nope,zip');
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).details.errors?.map((e) => e.message)).toEqual(['unknown field "nope"', 'unknown field "zip"']);
    }
  });
});
