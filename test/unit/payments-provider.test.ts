// Which payment provider is configured, and where its keys come from: the
// environment locally, a Secrets Manager secret in AWS (through the Parameters
// and Secrets extension's local endpoint, stubbed here: it exists only inside
// Lambda), read again every 5 minutes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const load = async () => (await import('#shared/adapters/payments/provider')).configuredProvider;

beforeEach(() => {
  vi.resetModules();
  for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_URL', 'STRIPE_SECRET_ID', 'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT'])
    vi.stubEnv(name, undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('configured payment provider', () => {
  it('is manual (none) unless keys are configured', async () => {
    expect(await (await load())()).toBeUndefined();
  });

  it('is Stripe with the keys from the environment (local development)', async () => {
    vi.stubEnv('STRIPE_SECRET_KEY', 'sk_test_x');
    vi.stubEnv('STRIPE_WEBHOOK_SECRET', 'whsec_x');
    expect((await (await load())())?.name).toBe('stripe');
  });

  it('reads the secret once per 5 minutes in AWS, and tries again after a failed read', async () => {
    vi.stubEnv('STRIPE_SECRET_ID', 'arn:aws:secretsmanager:eu-west-1:1:secret:stripe');
    vi.stubEnv('AWS_SESSION_TOKEN', 'session-token');
    const secret = { SecretString: JSON.stringify({ secretKey: 'sk_live_x', webhookSecret: 'whsec_x' }) };
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(new Response('not ready', { status: 500 }))
      .mockImplementation(async () => new Response(JSON.stringify(secret)));
    vi.stubGlobal('fetch', fetch);
    const configured = await load();
    await expect(configured()).rejects.toThrow(/500/);
    const [a, b] = await Promise.all([configured(), configured()]);
    expect(a?.name).toBe('stripe');
    expect(b).toBe(a);
    expect(await configured()).toBe(a);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[1]?.[0]).toBe('http://localhost:2773/secretsmanager/get?secretId=arn%3Aaws%3Asecretsmanager%3Aeu-west-1%3A1%3Asecret%3Astripe');
    expect(fetch.mock.calls[1]?.[1]).toEqual({ headers: { 'X-Aws-Parameters-Secrets-Token': 'session-token' } });
  });

  it('is manual with a secret of `{}` (payments off by default) or with one key only', async () => {
    vi.stubEnv('STRIPE_SECRET_ID', 'stripe');
    for (const secret of ['{}', '', '{"secretKey":"sk"}', '{"webhookSecret":"whsec"}']) {
      vi.resetModules();
      vi.stubGlobal(
        'fetch',
        vi.fn(async () => new Response(JSON.stringify({ SecretString: secret }))),
      );
      expect(await (await load())()).toBeUndefined();
    }
    vi.stubEnv('STRIPE_SECRET_ID', undefined);
    vi.stubEnv('STRIPE_SECRET_KEY', 'sk_test_x');
    vi.resetModules();
    expect(await (await load())()).toBeUndefined();
  });

  it('reads the keys again after 5 minutes (a rotation is seen without a cold start), on the port the extension is configured with', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.stubEnv('STRIPE_SECRET_ID', 'stripe');
    vi.stubEnv('PARAMETERS_SECRETS_EXTENSION_HTTP_PORT', '2999');
    const secrets = ['{}', JSON.stringify({ secretKey: 'sk_live_x', webhookSecret: 'whsec_x' })];
    const fetch = vi.fn(async () => new Response(JSON.stringify({ SecretString: secrets.shift() })));
    vi.stubGlobal('fetch', fetch);
    const configured = await load();
    expect(await configured()).toBeUndefined();
    vi.setSystemTime(Date.now() + 4 * 60_000);
    expect(await configured()).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + 60_000);
    expect((await configured())?.name).toBe('stripe');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toMatch(/^http:\/\/localhost:2999\/secretsmanager\/get\?/);
    vi.useRealTimers();
  });
});
