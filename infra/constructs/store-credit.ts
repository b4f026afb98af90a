// Store credit's own AWS parts: the Secrets Manager secret that keys the hash
// of gift card codes (granted to the functions that issue or redeem cards),
// and the daily expiry job (functions/schedules/expire-store-credit.ts) on an
// EventBridge Scheduler schedule with a dead-letter queue (alarmed, with the
// function's errors, by the Observability construct). The job
// is idempotent (a second run changes nothing), so the scheduler's retries are safe.
import { type CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
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

    // The scheduler's own role, so its grant (the function and its versions, `<arn>:*`) is acknowledged here.
    const invoker = new iam.Role(this, 'SchedulerRole', { assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com') });
    Validations.of(invoker).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.expiry.fn.node.defaultChild as CfnElement)}.Arn>:*]`,
      reason: "CDK grants lambda:InvokeFunction on the expiry function and its versions (`<arn>:*`); it is this one function's, nothing else's.",
    });
    new scheduler.Schedule(this, 'Daily', {
      description: 'Expires store credit lots past due and sends expiry reminders',
      schedule: scheduler.ScheduleExpression.cron({ minute: '15', hour: '3' }),
      target: new targets.LambdaInvoke(this.expiry.fn, { role: invoker, deadLetterQueue: this.deadLetters, retryAttempts: 3, maxEventAge: Duration.hours(6) }),
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
