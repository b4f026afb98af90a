// The web app's first load stays within issue 14's budget (≤ 100 KB gzipped
// for index.html and the CSS and JS it loads first), measured on the build
// that ships; `npm run bench` reports the same figures.
import { describe, expect, it } from 'vitest';
import { FIRST_LOAD_BUDGET, measureWebFirstLoad } from '../bench/web-first-load.ts';

describe('web app first load', () => {
  it('is at most 100 KB gzipped, with the screens and the OIDC client left to lazy chunks', () => {
    const web = measureWebFirstLoad();
    expect(web.firstLoad.map((f) => f.file)).toEqual(expect.arrayContaining(['index.html', expect.stringMatching(/\.css$/), expect.stringMatching(/\.js$/)]));
    expect(web.firstLoadGzip).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    // Screens are not in the first load: the largest lazy chunk (oidc-client-ts) is not either.
    expect(web.lazy.length).toBeGreaterThan(5);
  });
});
