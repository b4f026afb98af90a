// Starts the local stack once per `vitest run`, on free ports so several runs
// can share a machine. The stream poller lives here and calls the real notify
// handler in this process; test files see its effects in SES local's /store,
// or wait for it through the control URL (infra/local/control-server.ts).
// NO_LOCAL_STACK=1 skips it, for quick runs of pure unit tests.
import type { TestProject } from 'vitest/node';
import { checkJava, ensureDynamoDbLocal } from '#infra/local/setup';
import { startLocalStack } from '#infra/local/stack';
import { buildWeb } from '#infra/web-build';
import { resolveChromium } from './browser/support/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The stack's environment (endpoints, table, bucket, API_URL, SES_URL…); empty when skipped. */
    localStackEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.NO_LOCAL_STACK === '1') {
    project.provide('localStackEnv', {});
    return undefined;
  }
  // The notify handler runs in this process: its per-email INFO lines would bury the test report.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const java = await checkJava();
  if (!java.ok) throw new Error(java.message);
  await ensureDynamoDbLocal((line) => console.log(line));
  // The browser tests load the app the local API serves: the build that ships.
  buildWeb();
  const browser = await resolveChromium();
  const stack = await startLocalStack({
    ports: { api: 'auto', dynamodb: 'auto', s3: 'auto', ses: 'auto' },
    quiet: true,
    control: true,
  });
  project.provide('localStackEnv', { ...stack.env, CHROMIUM_PATH: browser.executablePath, CHROMIUM_FLAVOR: browser.flavor });
  return () => stack.stop();
}
