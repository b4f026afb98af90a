// Where a webhook may be sent (SSRF guard). A URL must be https on port 443 or
// 8443, and every address its host resolves to must be public: no loopback,
// private, link-local (the 169.254.169.254 metadata service), CGNAT, multicast,
// reserved or documentation ranges, IPv4 or IPv6, and no IPv6 range that stands
// for an IPv4 address chosen by a translator or a tunnel (IPv4-mapped and
// -translated, NAT64, 6to4, Teredo): the IPv4 address behind one can be
// anything, so the whole range is refused, whatever it embeds. The check runs
// on save and again before each delivery, and the delivery connects to the very
// address checked here, so a DNS answer that changes in between (rebinding)
// cannot point it inside. The local stack alone may allow http://127.0.0.1.
//
// Ranges are matched by Node's own `net.BlockList` (it parses every textual
// form of an address: `::ffff:127.0.0.1`, `::ffff:7f00:1`, zero runs…), so no
// address parsing is written here; the list below is the policy.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { env } from './env.ts';

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['::ffff:0:0:0', 96], // IPv4-translated (SIIT, ::ffff:0:a.b.c.d)
  ['64:ff9b::', 96], // NAT64 (embeds any IPv4)
  ['64:ff9b:1::', 48], // local NAT64
  ['100::', 64], // discard
  ['2001::', 32], // Teredo (embeds IPv4)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4 (embeds IPv4)
  ['fc00::', 7], // unique local (incl. AWS's fd00:ec2::254 metadata)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv6');

/**
 * IPv4-mapped IPv6 (`::ffff:a.b.c.d`), refused whatever it maps: a public host
 * is reached by its plain IPv4 address. Its own list, checked for IPv6 only,
 * because BlockList matches every IPv4 address against an IPv4-mapped rule.
 */
const MAPPED = new BlockList();
MAPPED.addSubnet('::ffff:0:0', 96, 'ipv6');

/** An address outside every range above. */
export const isPublicAddress = (address: string): boolean => {
  const family = isIP(address);
  if (family === 4) return !BLOCKED.check(address, 'ipv4');
  return family === 6 && !BLOCKED.check(address, 'ipv6') && !MAPPED.check(address, 'ipv6');
};

/** The ports a receiver may listen on (API.md): never an internal service's port on a public host. */
const HTTPS_PORTS: readonly string[] = ['', '443', '8443'];

/** A URL refused for delivery; its message is safe to show the admin. */
export class UnsafeTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeTargetError';
  }
}

/** The URL and the one checked address a delivery connects to. */
export interface Target {
  readonly url: URL;
  readonly address: string;
  readonly family: 4 | 6;
}

export interface TargetPolicy {
  /** http://127.0.0.1:<port> allowed (the local stack's setting; never in AWS). */
  readonly allowLocalHttp: boolean;
  readonly resolve: (host: string) => Promise<readonly { address: string; family: number }[]>;
}

const systemResolve = (host: string) => lookup(host, { all: true, verbatim: true });

/** Resolves the URL's host and checks every address; throws UnsafeTargetError when any is not allowed. */
export const resolveTarget = async (raw: string, policy: Partial<TargetPolicy> = {}): Promise<Target> => {
  const allowLocalHttp = policy.allowLocalHttp ?? env.webhooksAllowLocalHttp;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeTargetError('must be an absolute URL');
  }
  if (url.username || url.password) throw new UnsafeTargetError('must not carry credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (allowLocalHttp && host === '127.0.0.1' && (url.protocol === 'http:' || url.protocol === 'https:')) return { url, address: host, family: 4 };
  if (url.protocol !== 'https:') throw new UnsafeTargetError('must use https');
  // The URL parser drops a scheme's default port: '' is 443.
  if (!HTTPS_PORTS.includes(url.port)) throw new UnsafeTargetError('must use port 443 or 8443');
  let addresses: readonly { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await (policy.resolve ?? systemResolve)(host);
  } catch {
    throw new UnsafeTargetError(`host ${host} does not resolve`);
  }
  if (addresses.length === 0) throw new UnsafeTargetError(`host ${host} does not resolve`);
  // Every address, not only the first: a resolver may rotate them between our check and another lookup.
  if (!addresses.every((a) => isPublicAddress(a.address)))
    throw new UnsafeTargetError('must not point at a private, loopback, link-local or otherwise internal address');
  const first = addresses[0] as { address: string; family: number };
  return { url, address: first.address, family: first.family === 4 ? 4 : 6 };
};
