// `npm start`: the whole system locally, no AWS account. `--persist` keeps
// tables and objects under .cache/ between runs. Ctrl-C (or SIGTERM) stops every
// child; the Java process also dies with us if we are killed outright.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCreditExpiry } from '#infra/local/credit-expiry';
import { watchAncestors } from '#infra/local/parent-watch';
import { cacheDir, checkJava, ensureDynamoDbLocal } from '#infra/local/setup';
import { type LocalStack, startLocalStack } from '#infra/local/stack';
import { buildWeb } from '#infra/web-build';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { persist: { type: 'boolean' }, quiet: { type: 'boolean' } }, strict: true });
  const java = await checkJava();
  if (!java.ok) {
    console.error(java.message);
    process.exit(1);
  }
  await ensureDynamoDbLocal((line) => console.log(line));
  buildWeb();

  let stack: LocalStack | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local stack…`);
    await stack?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
  watchAncestors(() => void shutdown('parent process exited'));

  stack = await startLocalStack({
    quiet: values.quiet ?? false,
    ...(values.persist ? { dynamodbDataDir: path.join(cacheDir, 'dynamodb-data'), s3Dir: path.join(cacheDir, 's3') } : {}),
  });
  if (stopping) return;
  // The daily job of AWS (EventBridge Scheduler) on a timer here: the same handler.
  startCreditExpiry((line) => console.log(line));
  const { urls } = stack;
  console.log(
    [
      '',
      'aftersales local stack is up',
      `  Web app       ${urls.app}   (sign in locally as a customer or an admin)`,
      `  API           ${urls.api}`,
      `  OpenAPI       ${urls.openapi}`,
      `  Sent emails   ${urls.sesInbox}   (JSON: ${urls.ses}/store)`,
      `  DynamoDB      ${urls.dynamodb}   (table ${stack.env.TABLE_NAME})`,
      `  S3            ${urls.s3}   (bucket ${stack.env.BUCKET_NAME})`,
      `  Event bus     ${urls.events}   (every integration event; webhooks may use http://127.0.0.1:<port>)`,
      '',
      '  A token:      npm run -s token -- --role admin   (or customer, storefront)',
      `  Try:          curl ${urls.api}/health`,
      values.persist ? '  Data persists in .cache/dynamodb-data and .cache/s3.' : '  Data is in memory: gone when this stops (--persist keeps it).',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
