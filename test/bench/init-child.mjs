// Runs in a fresh `node` process per sample: imports one bundle (its init),
// then calls its handler once with the event the parent prepared (the first
// invocation), and prints both times as one JSON line.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [bundle, eventFile] = process.argv.slice(2);
const t0 = performance.now();
const module = await import(pathToFileURL(bundle).href);
const t1 = performance.now();
let statusCode;
let firstMs;
if (eventFile) {
  const event = JSON.parse(readFileSync(eventFile, 'utf8'));
  const context = {
    awsRequestId: 'bench-first-invocation',
    functionName: 'bench',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench',
    memoryLimitInMB: '1024',
    logGroupName: '/aws/lambda/bench',
    logStreamName: 'bench',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 10_000,
  };
  const t2 = performance.now();
  const result = await module.handler(event, context);
  firstMs = performance.now() - t2;
  statusCode = result?.statusCode ?? (Array.isArray(result?.batchItemFailures) && result.batchItemFailures.length === 0 ? 200 : 500);
}
process.stdout.write(`${JSON.stringify({ importMs: t1 - t0, firstMs, statusCode })}\n`);
// Keep-alive sockets of the SDK would hold the process open.
process.exit(0);
