// Stream → email: the table's stream feeds functions/streams/notify.ts through
// the filters in infra/streams.ts; records that still fail after the retries
// are kept whole in the stream-failures bucket (replayable). SES sends from the
// identity and configuration set of infra/constructs/mail.ts.
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { consumerNamed } from '#infra/streams';
import { AppFunction, type CodeMode } from './app-function.ts';
import type { Mail } from './mail.ts';
import { addStreamSource } from './stream-source.ts';
import { TABLE_WRITE } from './table-access.ts';

export interface NotifyProps {
  readonly projectRoot: string;
  readonly code: CodeMode;
  readonly table: dynamodb.ITable;
  readonly environment: Readonly<Record<string, string>>;
  readonly mail: Mail;
  readonly failures: s3.IBucket;
}

export class Notify extends Construct {
  readonly fn: AppFunction;
  readonly source: DynamoEventSource;

  constructor(scope: Construct, id: string, props: NotifyProps) {
    super(scope, id);
    this.fn = new AppFunction(this, 'Notify', {
      projectRoot: props.projectRoot,
      entry: 'functions/streams/notify.ts',
      code: props.code,
      environment: props.environment,
      // A batch of 25 records may back off on SES throttling (adaptive retries up
      // to ~20 s per send); emails already sent are skipped when it resumes.
      timeoutSeconds: 60,
    });
    // Idempotency markers (in-progress → sent) and the records the emails describe.
    props.table.grant(this.fn.fn, ...TABLE_WRITE);
    this.fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ses:SendEmail'], resources: props.mail.sendResources() }));
    this.source = addStreamSource(this.fn, props.table, consumerNamed('notify'), props.failures);
  }
}
