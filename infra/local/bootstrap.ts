// Creates what the CDK stack would: the table (from infra/table.ts) and the
// attachments bucket. Idempotent, so a persisted data dir can be reused.
//
// SES sender identity: deliberately not created. aws-ses-v2-local has no
// identity API (the v1 VerifyEmailIdentity action is never answered, the v2
// /v2/email/identities route is a 404) and it sends from any address anyway.
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import { TABLE } from '#infra/table';

export interface LocalCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface BootstrapOptions {
  region: string;
  credentials: LocalCredentials;
  dynamodbEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  bucketName: string;
  /** The stream pollers' on-failure destination (failed batches kept whole). */
  failuresBucketName?: string;
}

/** The table as CreateTable input: string keys, each GSI projecting what keys.ts says, stream with both images. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  const keyNames = [TABLE.partitionKey, TABLE.sortKey, ...TABLE.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...new Set(keyNames)].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: TABLE.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: {
        ProjectionType: index.projection.type,
        ...(index.projection.attributes.length > 0 ? { NonKeyAttributes: [...index.projection.attributes] } : {}),
      },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}

const isNotFound = (error: unknown) =>
  error instanceof Error && (error.name === 'ResourceNotFoundException' || error.name === 'NotFound' || error.name === 'NoSuchBucket');

/** Creates the table (with TTL) unless it exists; returns its stream ARN. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await client.send(new CreateTableCommand(tableDefinition(tableName)));
    } catch (createError) {
      // A concurrent bootstrap created it first.
      if (!(createError instanceof Error && createError.name === 'ResourceInUseException')) throw createError;
    }
    await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1 }, { TableName: tableName });
  }
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      }),
    );
  }
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  return Table?.LatestStreamArn;
}

/** Creates the bucket unless it exists, and (re)applies the permissive local CORS rules. */
export async function ensureBucket(client: S3Client, bucketName: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucketName }));
  } catch (error) {
    if (!isNotFound(error) && (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) {
      throw error;
    }
    await client.send(new CreateBucketCommand({ Bucket: bucketName }));
  }
  // Browsers upload attachments straight to S3 with a presigned POST from any dev origin.
  await client.send(
    new PutBucketCorsCommand({
      Bucket: bucketName,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: ['*'],
            AllowedMethods: ['GET', 'PUT', 'POST', 'HEAD'],
            AllowedHeaders: ['*'],
            ExposeHeaders: ['ETag'],
            MaxAgeSeconds: 3000,
          },
        ],
      },
    }),
  );
}

export async function bootstrapResources(options: BootstrapOptions): Promise<{ streamArn: string | undefined }> {
  const { region, credentials } = options;
  const dynamodb = new DynamoDBClient({ region, credentials, endpoint: options.dynamodbEndpoint });
  const s3 = new S3Client({
    region,
    credentials,
    endpoint: options.s3Endpoint,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  try {
    const streamArn = await ensureTable(dynamodb, options.tableName);
    await ensureBucket(s3, options.bucketName);
    if (options.failuresBucketName) await ensureBucket(s3, options.failuresBucketName);
    return { streamArn };
  } finally {
    dynamodb.destroy();
    s3.destroy();
  }
}
