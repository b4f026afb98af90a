// The web app's first load stays within issue 14's budget (≤ 100 KB gzipped
// for index.html and the CSS and JS it loads first), measured on the build
// that ships; `npm run bench` reports the same figures.
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '#shared/i18n/locales';
import { FIRST_LOAD_BUDGET, measureWebFirstLoad } from '../bench/web-first-load.ts';

describe('web app first load', () => {
  it('is at most 100 KB gzipped, with the screens and the OIDC client left to lazy chunks', () => {
    const web = measureWebFirstLoad();
    expect(web.firstLoad.map((f) => f.file)).toEqual(expect.arrayContaining(['index.html', expect.stringMatching(/\.css$/), expect.stringMatching(/\.js$/)]));
    expect(web.firstLoadGzip).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    // Screens are not in the first load: the largest lazy chunk (oidc-client-ts) is not either.
    expect(web.lazy.length).toBeGreaterThan(5);
  });

  it('counts the default locale’s catalogue and leaves every other language to a lazy chunk of its own', () => {
    const web = measureWebFirstLoad();
    const chunks = SUPPORTED_LOCALES.map((locale) => web.catalogues[locale]);
    // One chunk per locale, none shared, none in the JS the page loads first.
    expect(chunks.every((file) => file !== undefined)).toBe(true);
    expect(new Set(chunks).size).toBe(SUPPORTED_LOCALES.length);
    expect(web.firstLoad.map((f) => f.file)).toContain(web.catalogues.en);
    for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
      expect(web.lazy.map((f) => f.file)).toContain(web.catalogues[locale]);
    }
    expect(web.firstLoadGzip).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  });
});
