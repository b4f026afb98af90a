// The SSRF guard as AWS runs it (no local http allowance), against real DNS
// and a real receiver: http and loopback names refused, a DNS answer that
// changes between check and send cannot move the connection, and a redirect
// is recorded, never followed.
import { afterAll, describe, expect, it } from 'vitest';
import { postSigned } from '#shared/adapters/webhook-http';
import { isPublicAddress, resolveTarget, UnsafeTargetError } from '#shared/adapters/webhook-target';
import { admin, call } from '../support/api.ts';
import { eventually, type Receiver, registerEndpoint, startReceiver } from '../support/webhook-receiver.ts';

const AWS = { allowLocalHttp: false };
const receivers: Receiver[] = [];
const endpoints: string[] = [];
afterAll(async () => {
  for (const id of endpoints) await call(admin, 'DELETE', `/admin/webhooks/${id}`);
  for (const r of receivers) await r.close();
});

const receiver = async () => {
  const r = await startReceiver();
  receivers.push(r);
  return r;
};

describe('webhook SSRF guard (AWS mode)', () => {
  it.each([
    'http://127.0.0.1:8080/hook',
    'https://127.0.0.1/hook',
    'https://localhost/hook',
    'https://2130706433/hook',
    'https://0x7f.1/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://10.0.0.1/',
    'https://172.16.5.4/',
    'https://192.168.0.10/',
    'https://[::1]/',
    'https://[::ffff:10.0.0.1]/',
    'https://[::ffff:a9fe:a9fe]/',
    'https://[fd00:ec2::254]/',
    'https://224.0.0.1/',
    'http://93.184.216.34/',
    // IPv4-mapped, any IPv4 behind it (a public host has its plain IPv4 address), in every spelling
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:7f00:1]/',
    'https://[0:0:0:0:0:ffff:7f00:1]/',
    'https://[::ffff:8.8.8.8]/',
    // IPv4-translated (SIIT, ::ffff:0:0:0/96)
    'https://[::ffff:0:7f00:1]/',
    'https://[::ffff:0:127.0.0.1]/',
    'https://[0:0:0:0:ffff:0:a9fe:a9fe]/',
    'https://[::ffff:0:808:808]/',
    // NAT64: the well-known prefix and the local-use one
    'https://[64:ff9b::7f00:1]/',
    'https://[64:ff9b::127.0.0.1]/',
    'https://[64:ff9b::808:808]/',
    'https://[64:ff9b:1::a00:1]/',
    'https://[64:ff9b:1:ffff::1]/',
    // 6to4 and Teredo embed an IPv4 address too
    'https://[2002:7f00:1::1]/',
    'https://[2002:808:808::1]/',
    'https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/',
  ])('refuses %s', async (url) => {
    await expect(resolveTarget(url, AWS)).rejects.toBeInstanceOf(UnsafeTargetError);
  });

  it('refuses a translated address that only DNS reveals', async () => {
    for (const address of ['::ffff:0:7f00:1', '::ffff:7f00:1', '64:ff9b::a9fe:a9fe', '64:ff9b:1::a00:1', '2002:a00:1::1']) {
      const resolve = async () => [{ address, family: 6 }];
      await expect(resolveTarget('https://translated.example/hook', { ...AWS, resolve }), address).rejects.toThrow(
        'must not point at a private, loopback, link-local or otherwise internal address',
      );
    }
  });

  it('takes https on port 443 or 8443 only', async () => {
    for (const url of [
      'https://93.184.216.34/hook',
      'https://93.184.216.34:443/hook',
      'https://93.184.216.34:8443/hook',
      'https://[2606:4700:4700::1111]:8443/',
    ])
      await expect(resolveTarget(url, AWS), url).resolves.toMatchObject({ url: new URL(url) });
    for (const url of [
      'https://93.184.216.34:8080/hook',
      'https://93.184.216.34:80/hook',
      'https://93.184.216.34:22/',
      'https://93.184.216.34:444/',
      'https://[2606:4700:4700::1111]:6379/',
    ])
      await expect(resolveTarget(url, AWS), url).rejects.toThrow('must use port 443 or 8443');
  });

  it('refuses them on save as a 400 naming url, the local http allowance notwithstanding', async () => {
    for (const url of ['https://[::ffff:0:7f00:1]/hook', 'https://[64:ff9b::a9fe:a9fe]/hook', 'https://93.184.216.34:8080/hook']) {
      const reply = await call<{ errors: { path: string; message: string }[] }>(admin, 'POST', '/admin/webhooks', { url, events: ['order.created'] });
      expect(reply.status, url).toBe(400);
      expect(
        reply.body.errors.map((e) => e.path),
        url,
      ).toEqual(['url']);
    }
  });

  it('accepts a public https address, and judges every resolved address, not just the first', async () => {
    await expect(resolveTarget('https://93.184.216.34/hook', AWS)).resolves.toMatchObject({ address: '93.184.216.34', family: 4 });
    const mixed = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    await expect(resolveTarget('https://mixed.example/hook', { ...AWS, resolve: mixed })).rejects.toBeInstanceOf(UnsafeTargetError);
  });

  it('checks again at every resolution: a name that rebinds to loopback is refused the second time', async () => {
    let calls = 0;
    const rebinding = async () => [{ address: calls++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
    await expect(resolveTarget('https://rebind.example/hook', { ...AWS, resolve: rebinding })).resolves.toMatchObject({ address: '93.184.216.34' });
    await expect(resolveTarget('https://rebind.example/hook', { ...AWS, resolve: rebinding })).rejects.toBeInstanceOf(UnsafeTargetError);
  });

  it('connects to the checked address whatever the name resolves to now', async () => {
    const r = await receiver();
    const port = new URL(r.url).port;
    // `.invalid` never resolves: the request can only arrive through the pinned address.
    const target = { url: new URL(`http://rebind.invalid:${port}/hook`), address: '127.0.0.1', family: 4 as const };
    const result = await postSigned(target, { id: 'evt_pinned', body: '{}', secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], at: new Date() });
    expect(result).toMatchObject({ statusCode: 200, error: null });
    expect(r.received).toHaveLength(1);
    expect(r.received[0]?.headers.host).toBe(`rebind.invalid:${port}`);
  });

  it('classifies addresses', () => {
    for (const ip of ['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700:4700::1111', '2a00:1450:4001::200e']) expect(isPublicAddress(ip), ip).toBe(true);
    for (const ip of [
      '127.0.0.1',
      '0.0.0.0',
      '100.100.100.200',
      '::',
      '::1',
      '::ffff:127.0.0.1',
      '::ffff:8.8.8.8',
      '::ffff:0:8.8.8.8',
      '64:ff9b::8.8.8.8',
      'fe80::1',
      'ff02::1',
      '2001:db8::1',
      'not-an-ip',
    ])
      expect(isPublicAddress(ip), ip).toBe(false);
  });

  it('records a redirect and never follows it', async () => {
    const inside = await receiver();
    const front = await receiver();
    front.answer = () => ({ status: 302, headers: { location: inside.url } });
    const endpoint = await registerEndpoint(front.url, ['order.created']);
    endpoints.push(endpoint.id);
    await call(admin, 'POST', `/admin/webhooks/${endpoint.id}/ping`);
    const delivery = await eventually(
      async () => {
        const { body } = await call<{ items: { attempts: { statusCode: number | null; error: string | null }[] }[] }>(
          admin,
          'GET',
          `/admin/webhooks/${endpoint.id}/deliveries`,
        );
        return body.items[0]?.attempts.length ? body.items[0] : undefined;
      },
      10_000,
      'the first attempt',
    );
    expect(delivery.attempts[0]).toMatchObject({ statusCode: 302, error: 'redirect not followed' });
    expect(inside.received).toHaveLength(0);
  });
});
