// The table (from the shared description in infra/table.ts), the attachments
// bucket, the bucket that keeps failed stream batches whole (the stream event
// source mappings' on-failure destination, read by `npm run replay`), and the
// access-log bucket of both.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE } from '#infra/table';
// The tag a presigned upload carries (a bound file is a copy tagged `state=bound`).
import { PENDING_TAG } from '#shared/domain/attachment';

/** Every attachment key: `attachments/<customerId>/<attachmentId>` (IAM grants are scoped to it). */
export const ATTACHMENTS_PREFIX = 'attachments/';

export interface DataProps {
  readonly storefrontOrigins: readonly string[];
}

export class Data extends Construct {
  readonly table: dynamodb.Table;
  readonly bucket: s3.Bucket;
  /** Failed stream batches as Lambda writes them (one JSON object per batch). */
  readonly streamFailures: s3.Bucket;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);

    const string = dynamodb.AttributeType.STRING;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: string },
      sortKey: { name: TABLE.sortKey, type: string },
      timeToLiveAttribute: TABLE.ttlAttribute,
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      // Orders and refunds are business records: a stack deletion or a bad
      // deploy must never take them along.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of TABLE.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: string },
        sortKey: { name: index.sortKey, type: string },
        projectionType: dynamodb.ProjectionType[index.projection.type],
        ...(index.projection.attributes.length > 0 ? { nonKeyAttributes: [...index.projection.attributes] } : {}),
      });
    }

    const logs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Server access log delivery only supports SSE-S3 on the target bucket.
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new s3.Bucket(this, 'Attachments', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'attachments/',
      // Evidence survives an overwrite or a delete for a day (noncurrent versions below).
      versioned: true,
      // Browsers upload with a presigned POST and download with a presigned GET.
      cors: [
        {
          allowedOrigins: [...props.storefrontOrigins],
          allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        {
          id: 'abandoned-multipart-and-noncurrent',
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(1),
          // A removed upload leaves a delete marker; once its version has expired the marker goes too.
          expiredObjectDeleteMarker: true,
        },
        // An upload never bound to a return request: gone a day after upload.
        {
          id: 'unbound-uploads',
          prefix: ATTACHMENTS_PREFIX,
          tagFilters: { [PENDING_TAG.key]: PENDING_TAG.value },
          expiration: Duration.days(1),
        },
      ],
      // Customer evidence for refunds outlives any one deployment.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.streamFailures = new s3.Bucket(this, 'StreamFailures', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'stream-failures/',
      // Time to find the cause, fix it and replay; the records' changes stay in the table itself.
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
