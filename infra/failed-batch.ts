// A failed stream batch as Lambda's event source mapping writes it to an S3
// on-failure destination: one JSON object per batch, the invocation's metadata
// (requestContext, responseContext, DDBStreamBatchInfo) and the whole invocation
// event as `payload`, under aws/lambda/<mapping id>/<shard id>/YYYY/MM/DD/<time>-<uuid>.
// The local stream poller writes exactly this shape to the local S3, and
// `npm run replay` reads it back, locally and in AWS alike.
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

export interface FailedBatch {
  readonly version: '1.0';
  readonly timestamp: string;
  readonly requestContext: {
    readonly requestId: string;
    readonly functionArn: string;
    readonly condition: 'RetryAttemptsExhausted' | 'RecordAgeExceeded';
    readonly approximateInvokeCount: number;
  };
  readonly responseContext: { readonly statusCode: number; readonly executedVersion: string; readonly functionError: string };
  readonly DDBStreamBatchInfo: {
    readonly shardId: string;
    readonly startSequenceNumber: string;
    readonly endSequenceNumber: string;
    readonly approximateArrivalOfFirstRecord: string;
    readonly approximateArrivalOfLastRecord: string;
    readonly batchSize: number;
    readonly streamArn: string;
  };
  /** The invocation event, `{"Records": […]}`, as a JSON string. */
  readonly payload: string;
}

export interface FailedBatchInput {
  readonly records: readonly DynamoDBRecord[];
  readonly functionArn: string;
  readonly shardId: string;
  readonly streamArn: string;
  readonly attempts: number;
  readonly requestId: string;
  readonly at: Date;
}

const arrival = (record: DynamoDBRecord | undefined, at: Date): string =>
  new Date((record?.dynamodb?.ApproximateCreationDateTime ?? at.getTime() / 1000) * 1000).toISOString();

export const failedBatchOf = (input: FailedBatchInput): FailedBatch => ({
  version: '1.0',
  timestamp: input.at.toISOString(),
  requestContext: { requestId: input.requestId, functionArn: input.functionArn, condition: 'RetryAttemptsExhausted', approximateInvokeCount: input.attempts },
  responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
  DDBStreamBatchInfo: {
    shardId: input.shardId,
    startSequenceNumber: input.records[0]?.dynamodb?.SequenceNumber ?? '',
    endSequenceNumber: input.records.at(-1)?.dynamodb?.SequenceNumber ?? '',
    approximateArrivalOfFirstRecord: arrival(input.records[0], input.at),
    approximateArrivalOfLastRecord: arrival(input.records.at(-1), input.at),
    batchSize: input.records.length,
    streamArn: input.streamArn,
  },
  payload: JSON.stringify({ Records: input.records }),
});

/** aws/lambda/<mapping id>/<shard id>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<uuid>. */
export const failedBatchKey = (mappingId: string, shardId: string, at: Date, uuid: string): string => {
  const iso = at.toISOString();
  return `aws/lambda/${mappingId}/${shardId}/${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 19).replaceAll(':', '.')}-${uuid}`;
};

/** The stored batch's event and the function it was meant for; throws when the object is not a failed stream batch. */
export const readFailedBatch = (text: string): { event: DynamoDBStreamEvent; functionArn: string } => {
  const batch = JSON.parse(text) as Partial<FailedBatch>;
  const functionArn = batch.requestContext?.functionArn;
  // Lambda writes the payload as a JSON string; accept the event itself as well.
  const payload = typeof batch.payload === 'string' ? (JSON.parse(batch.payload) as unknown) : batch.payload;
  const records = (payload as Partial<DynamoDBStreamEvent> | undefined)?.Records;
  if (!functionArn || !Array.isArray(records)) throw new Error('not a failed stream batch (no requestContext.functionArn or payload.Records)');
  return { event: { Records: records }, functionArn };
};
