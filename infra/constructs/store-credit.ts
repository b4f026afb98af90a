// Store credit's own AWS parts: the Secrets Manager secret that keys the hash
// of gift card codes (granted to the functions that issue or redeem cards),
// and the daily expiry job (functions/schedules/expire-store-credit.ts) on an
// EventBridge Scheduler schedule with a dead-letter queue (alarmed, with the
// function's errors, by the Observability construct). The job
// is idempotent (a second run changes nothing), so the scheduler's retries are safe.
import { Duration, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction, type CodeMode } from './app-function.ts';
import { deadLetterQueue } from './events.ts';
import { TABLE_WRITE } from './table-access.ts';

export interface StoreCreditProps {
  readonly projectRoot: string;
  readonly code: CodeMode;
  readonly table: dynamodb.ITable;
  readonly environment: Readonly<Record<string, string>>;
}

export class StoreCredit extends Construct {
  readonly codeKey: secretsmanager.Secret;
  readonly expiry: AppFunction;
  readonly deadLetters: sqs.Queue;

  constructor(scope: Construct, id: string, props: StoreCreditProps) {
    super(scope, id);

    // Random material, never in the template: the HMAC key of gift card codes.
    this.codeKey = new secretsmanager.Secret(this, 'GiftCardCodeKey', {
      description: 'Keys the hash under which gift card codes are stored and found',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.codeKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Rotating this key would make every unredeemed gift card unfindable by its code; cards are re-issued instead.',
    });

    this.expiry = new AppFunction(this, 'Expiry', {
      projectRoot: props.projectRoot,
      entry: 'functions/schedules/expire-store-credit.ts',
      code: props.code,
      environment: props.environment,
      // Pages through every account with a lot due; one run a day.
      timeoutSeconds: 300,
    });
    props.table.grant(this.expiry.fn, ...TABLE_WRITE);

    this.deadLetters = deadLetterQueue(this, 'ExpiryDeadLetters');

    // The scheduler's own role may invoke this one function, unqualified, and nothing else. The L2
    // LambdaInvoke target would also grant every version (`<arn>:*`), which no schedule here needs.
    const invoker = new iam.Role(this, 'SchedulerRole', { assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com') });
    invoker.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.expiry.fn.functionArn] }));
    this.deadLetters.grantSendMessages(invoker);
    new scheduler.CfnSchedule(this, 'Daily', {
      description: 'Expires store credit lots past due and sends expiry reminders',
      scheduleExpression: 'cron(15 3 * * ? *)',
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: this.expiry.fn.functionArn,
        roleArn: invoker.roleArn,
        deadLetterConfig: { arn: this.deadLetters.queueArn },
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: Duration.hours(6).toSeconds() },
      },
    });
  }

  /** A function that issues or redeems gift cards: the code key (and the sealing key, for a creation's remembered answer). */
  grantCodes(fn: AppFunction, sealingKey: secretsmanager.ISecret): void {
    fn.fn.addEnvironment('GIFT_CARD_KEY_SECRET_ARN', this.codeKey.secretArn);
    fn.fn.addEnvironment('WEBHOOK_KEY_SECRET_ARN', sealingKey.secretArn);
    this.codeKey.grantRead(fn.fn);
    sealingKey.grantRead(fn.fn);
  }
}
