// The daily store-credit job: EventBridge Scheduler invokes it in AWS (a DLQ
// and an alarm behind it: infra/constructs/store-credit.ts); `npm start` runs
// it on a timer and `npm run credit:expire -- --now <ISO>` once.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '#shared/adapters/logger';
import { type ExpiryRun, expireStoreCredit } from '#shared/use-cases/expire-store-credit';

/** The scheduler's event may carry `now` (a chosen time, for tests and people); otherwise the clock's. */
export const handler = middy<{ readonly now?: string } | undefined, ExpiryRun>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const now = event?.now ? new Date(event.now).toISOString() : new Date().toISOString();
    const run = await expireStoreCredit(now);
    logger.info('store credit expiry run', { now, ...run });
    return run;
  });
