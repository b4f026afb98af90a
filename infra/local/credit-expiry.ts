// The store-credit expiry job locally: `npm start` runs the shipped handler
// (functions/schedules/expire-store-credit.ts) on a timer, as EventBridge
// Scheduler does daily in AWS; `npm run credit:expire -- --now <ISO>` runs it
// once against the running stack with a chosen "now", to move time by hand.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { lambdaContext } from './lambda-context.ts';

/** Every hour by default (`CREDIT_EXPIRY_INTERVAL_MS`): often enough to see a lot expire the hour it is due. */
const INTERVAL_MS = Number(process.env.CREDIT_EXPIRY_INTERVAL_MS ?? 60 * 60 * 1000);

const runOnce = async (now?: string) => {
  const { handler } = await import('#functions/schedules/expire-store-credit');
  return handler(now ? { now } : {}, lambdaContext('aftersales-credit-expiry', 300_000));
};

/** Starts the timer (first run at once); it never keeps the process alive. */
export const startCreditExpiry = (log: (line: string) => void): void => {
  const tick = () =>
    runOnce().then(
      (run) => (run.expired + run.reminded > 0 ? log(`store credit expiry: ${run.expired} expired, ${run.reminded} reminded`) : undefined),
      (error: unknown) => log(`store credit expiry failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  void tick();
  setInterval(tick, INTERVAL_MS).unref();
};

const main = async () => {
  const { values } = parseArgs({ options: { now: { type: 'string' } }, strict: true });
  if (values.now !== undefined && Number.isNaN(Date.parse(values.now))) throw new Error(`--now must be an ISO 8601 time, not "${values.now}"`);
  // The running `npm start` stack's defaults; the same variables override them.
  const defaults: Record<string, string> = {
    TABLE_NAME: 'aftersales',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? '8000'}`,
  };
  for (const [name, value] of Object.entries(defaults)) process.env[name] ??= value;
  const run = await runOnce(values.now);
  console.log(JSON.stringify({ now: values.now ?? new Date().toISOString(), ...run }));
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
