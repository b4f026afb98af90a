// Tests run against the embedded local stack, started once for the whole run in
// test/global-setup.ts; test/setup-env.ts points every test process at it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-env.ts'],
    // Real emulators: the first call to each one warms a JVM or an SDK client.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Separate processes: each test file gets a clean module graph and process.env.
    pool: 'forks',
  },
});
