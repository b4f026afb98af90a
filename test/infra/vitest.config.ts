// Runs only the infra suite, without the root config's global setup (local
// emulators): `npx vitest run --config test/infra/vitest.config.ts`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/infra/**/*.test.ts'],
    // Synthesis and (in bundle.test.ts) esbuild take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
