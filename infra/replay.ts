// `npm run replay -- [--local] s3://<bucket>/<key>`: replays one failed stream
// batch kept by an on-failure destination (infra/failed-batch.ts) through the
// handler it was meant for. In AWS it invokes that function (the ARN Lambda
// recorded) with the stored event, synchronously; with --local it runs the
// shipped handler (functions/streams/<consumer>.ts) in this process against the
// endpoints in the environment (the local stack's). Handlers are idempotent per
// change (once-only keys), so a record whose work was done is skipped. Exits 1
// when a record still fails.
import { pathToFileURL } from 'node:url';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { readFailedBatch } from '#infra/failed-batch';
import { lambdaContext } from '#infra/local/lambda-context';
import { loadRealStreamHandler } from '#infra/local/stream-poller';
import { STREAM_CONSUMERS } from '#infra/streams';

export interface ReplayArgs {
  readonly bucket: string;
  readonly key: string;
  readonly local: boolean;
}

export const parseReplayArgs = (argv: readonly string[]): ReplayArgs => {
  const local = argv.includes('--local');
  const uris = argv.filter((a) => a !== '--local');
  const match = uris.length === 1 ? /^s3:\/\/([^/]+)\/(.+)$/.exec(uris[0] ?? '') : null;
  if (!match) throw new Error('usage: npm run replay -- [--local] s3://<bucket>/<key>');
  return { bucket: match[1] as string, key: match[2] as string, local };
};

export interface ReplayResult {
  readonly functionArn: string;
  readonly records: number;
  /** Sequence numbers of the records that failed again. */
  readonly failed: readonly string[];
}

/** The local consumer a recorded function ARN names (`…:function:aftersales-<consumer>`). */
const localConsumerOf = (functionArn: string) => {
  const name = functionArn.split(':').at(-1) ?? '';
  const consumer = STREAM_CONSUMERS.find((c) => `aftersales-${c.name}` === name);
  if (!consumer) throw new Error(`no local stream consumer is named ${name}`);
  return consumer;
};

const invokeInAws = async (functionArn: string, event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse | undefined> => {
  const lambda = new LambdaClient({});
  try {
    const out = await lambda.send(new InvokeCommand({ FunctionName: functionArn, Payload: Buffer.from(JSON.stringify(event)) }));
    const text = out.Payload ? Buffer.from(out.Payload).toString('utf8') : '';
    if (out.FunctionError) throw new Error(`${functionArn} failed: ${text}`);
    return text ? ((JSON.parse(text) as DynamoDBBatchResponse | null) ?? undefined) : undefined;
  } finally {
    lambda.destroy();
  }
};

export const replay = async (args: ReplayArgs): Promise<ReplayResult> => {
  const s3 = new S3Client({ forcePathStyle: process.env.S3_FORCE_PATH_STYLE === '1' });
  const object = await s3.send(new GetObjectCommand({ Bucket: args.bucket, Key: args.key }));
  const text = (await object.Body?.transformToString('utf8')) ?? '';
  s3.destroy();
  const { event, functionArn } = readFailedBatch(text);
  const response = args.local
    ? ((await loadRealStreamHandler(localConsumerOf(functionArn).name)(event, lambdaContext(`replay-${functionArn.split(':').at(-1)}`, 60_000))) as
        | DynamoDBBatchResponse
        | undefined)
    : await invokeInAws(functionArn, event);
  return { functionArn, records: event.Records.length, failed: (response?.batchItemFailures ?? []).map((f) => f.itemIdentifier) };
};

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  replay(parseReplayArgs(process.argv.slice(2))).then(
    (result) => {
      console.log(JSON.stringify(result));
      process.exitCode = result.failed.length > 0 ? 1 : 0;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
