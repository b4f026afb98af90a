// Which Chromium the browser tests drive: CHROMIUM_PATH, else Debian's
// /usr/bin/chromium, else the one inside the npm package @sparticuz/chromium
// (unpacked into the temp dir once), so `npm ci && npm test` needs nothing
// installed by hand. Resolved once in vitest's global setup: unpacking is not
// safe for two test processes at a time.
import { existsSync } from 'node:fs';

export interface ChromiumChoice {
  readonly executablePath: string;
  /** `sparticuz` needs that package's launch flags (single process, no sandbox). */
  readonly flavor: 'system' | 'sparticuz';
}

export async function resolveChromium(): Promise<ChromiumChoice> {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`CHROMIUM_PATH=${explicit} does not exist`);
    return { executablePath: explicit, flavor: process.env.CHROMIUM_FLAVOR === 'sparticuz' ? 'sparticuz' : 'system' };
  }
  if (existsSync('/usr/bin/chromium')) return { executablePath: '/usr/bin/chromium', flavor: 'system' };
  const { default: sparticuz } = await import('@sparticuz/chromium');
  return { executablePath: await sparticuz.executablePath(), flavor: 'sparticuz' };
}
