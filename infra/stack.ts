// The whole backend in one env-agnostic stack (no account/region lookups, so
// `cdk synth` runs offline). DESIGN.md "In AWS" is the checklist.
import { type CfnElement, CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { bundlingOf } from '#infra/bundling';
import { HTTP_FUNCTIONS, type HttpFunction } from '#infra/routes';
import { Api } from './constructs/api.ts';
import { AppFunction, type CodeMode } from './constructs/app-function.ts';
import { Auth } from './constructs/auth.ts';
import { readConfig } from './constructs/config.ts';
import { ATTACHMENTS_PREFIX, Data } from './constructs/data.ts';
import { Events } from './constructs/events.ts';
import { Mail } from './constructs/mail.ts';
import { Notify } from './constructs/notify.ts';
import { Observability } from './constructs/observability.ts';
import { Payments } from './constructs/payments.ts';
import { StoreCredit } from './constructs/store-credit.ts';
import { TABLE_READ, TABLE_WRITE } from './constructs/table-access.ts';
import { WebApp } from './constructs/web-app.ts';

/** What each HTTP function may touch besides its log group. */
export interface FunctionAccess {
  readonly table: 'none' | 'read' | 'readWrite';
  /** S3 actions on the attachments bucket, under ATTACHMENTS_PREFIX only. */
  readonly objects: readonly string[];
}

export const FUNCTION_ACCESS: Readonly<Record<HttpFunction, FunctionAccess>> = {
  // /health and /openapi.json are answered from code alone.
  meta: { table: 'none', objects: [] },
  orders: { table: 'readWrite', objects: [] },
  // Invoices and receipts are rendered from what is stored; nothing is written.
  documents: { table: 'read', objects: [] },
  notes: { table: 'readWrite', objects: [] },
  cancellations: { table: 'readWrite', objects: [] },
  settings: { table: 'readWrite', objects: [] },
  refunds: { table: 'readWrite', objects: [] },
  // POST /returns binds uploads (shared/use-cases/steps/bind-attachments.ts):
  // HeadObject and the copy's read (GetObject), the tagged copy (PutObject,
  // PutObjectTagging), and removing the upload or an unused copy (DeleteObject).
  returns: { table: 'readWrite', objects: ['s3:GetObject', 's3:PutObject', 's3:PutObjectTagging', 's3:DeleteObject'] },
  // Presigned POST that sets the state=pending tag (PutObject needs
  // PutObjectTagging when tags are sent) and presigned GET downloads.
  attachments: { table: 'readWrite', objects: ['s3:PutObject', 's3:PutObjectTagging', 's3:GetObject'] },
  // Endpoints and deliveries; the queue and the secrets' key are granted by the Events construct.
  webhooks: { table: 'readWrite', objects: [] },
  // The provider's webhook settles refund transactions (and reads the Stripe keys: see Payments).
  payments: { table: 'readWrite', objects: [] },
  // Variants and exchanges: the exchange, its return request and the stock it takes, in one transaction.
  exchanges: { table: 'readWrite', objects: [] },
  // Accounts, ledger rows and gift cards; the gift card key is granted by the StoreCredit construct.
  credit: { table: 'readWrite', objects: [] },
};

export const SERVICE_NAME = 'aftersales';

export interface AftersalesStackProps extends StackProps {
  /** Absolute path of the repository (entries and the lock file are resolved from it). */
  readonly projectRoot: string;
  /** `bundle` (default) runs esbuild; `stub` uses inline placeholder code for template-only tests. */
  readonly code?: CodeMode;
}

export class AftersalesStack extends Stack {
  readonly data: Data;
  readonly auth: Auth;
  readonly api: Api;
  readonly notify: Notify;
  readonly events: Events;
  readonly web: WebApp;
  readonly payments: Payments;
  readonly mail: Mail;
  readonly observability: Observability;
  readonly storeCredit: StoreCredit;
  readonly functions: Readonly<Record<HttpFunction, AppFunction>>;

  constructor(scope: Construct, id: string, props: AftersalesStackProps) {
    super(scope, id, props);
    const config = readConfig(this.node);
    const code = props.code ?? 'bundle';

    // The web app first: its URL is where emails link and sign-in returns, and its origin calls the API and S3.
    this.web = new WebApp(this, 'Web', { code });
    const appUrl = config.storefrontUrl ?? this.web.url;
    // The storefront's configured origins and the web app's own CloudFront origin; never `*` (config.ts).
    const origins = [...config.storefrontOrigins, this.web.origin];

    this.data = new Data(this, 'Data', { storefrontOrigins: origins });
    const { table, bucket, streamFailures } = this.data;
    this.mail = new Mail(this, 'Mail', { fromAddress: config.fromAddress, sesDomain: config.sesDomain });

    const environment = {
      TABLE_NAME: table.tableName,
      BUCKET_NAME: bucket.bucketName,
      FROM_ADDRESS: config.fromAddress,
      STOREFRONT_URL: appUrl,
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      // API Gateway answers CORS itself; the handlers' CORS middleware gets the same origins.
      CORS_ORIGINS: origins.join(','),
    };

    this.events = new Events(this, 'Events', {
      projectRoot: props.projectRoot,
      code,
      table,
      environment: { TABLE_NAME: table.tableName, POWERTOOLS_SERVICE_NAME: SERVICE_NAME },
      failures: streamFailures,
    });
    acknowledgeIndexWildcard(this.events.consumer, table);
    acknowledgeIndexWildcard(this.events.delivery, table);

    this.payments = new Payments(this, 'Payments', {
      projectRoot: props.projectRoot,
      code,
      table,
      environment,
      bus: this.events.bus,
    });
    acknowledgeIndexWildcard(this.payments.consumer, table);

    const functions = {} as Record<HttpFunction, AppFunction>;
    for (const name of HTTP_FUNCTIONS) {
      const fn = new AppFunction(this, `${name}-fn`, {
        projectRoot: props.projectRoot,
        entry: `functions/http/${name}.ts`,
        code,
        environment: name === 'payments' ? { ...environment, ...this.payments.secretEnvironment() } : environment,
        bundling: bundlingOf(props.projectRoot, name),
        ...(name === 'payments' ? { paramsAndSecrets: this.payments.layer } : {}),
      });
      if (name === 'payments') this.payments.grantKeys(fn);
      const access = FUNCTION_ACCESS[name];
      if (access.table !== 'none') {
        table.grant(fn.fn, ...(access.table === 'read' ? TABLE_READ : TABLE_WRITE));
        acknowledgeIndexWildcard(fn, table);
      }
      if (access.objects.length > 0) {
        fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: [...access.objects], resources: [bucket.arnForObjects(`${ATTACHMENTS_PREFIX}*`)] }));
        Validations.of(fn.role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(bucket.node.defaultChild as CfnElement)}.Arn>/${ATTACHMENTS_PREFIX}*]`,
          reason:
            'Object keys are attachments/<customerId>/<attachmentId>, generated per upload, so the narrowest fixed scope is the attachments/ prefix; only the listed object actions are allowed there.',
        });
      }
      functions[name] = fn;
    }
    this.functions = functions;

    this.auth = new Auth(this, 'Auth', {
      externalIssuer: config.externalIssuer,
      cognitoDomainPrefix: config.cognitoDomainPrefix,
      authCallbackUrls: config.authCallbackUrls.length > 0 ? config.authCallbackUrls : [`${appUrl}/auth/callback`],
      logoutUrls: [`${appUrl}/`],
      projectRoot: props.projectRoot,
      code,
      environment: { POWERTOOLS_SERVICE_NAME: SERVICE_NAME },
      mail: config.sesDomain && config.sesVerified ? { construct: this.mail, fromAddress: config.fromAddress, sesDomain: config.sesDomain } : undefined,
    });

    this.api = new Api(this, 'Api', {
      functions: Object.fromEntries(HTTP_FUNCTIONS.map((name) => [name, functions[name].fn])) as Record<HttpFunction, AppFunction['fn']>,
      issuer: this.auth.issuer,
      audience: this.auth.audience,
      corsOrigins: origins,
    });

    this.notify = new Notify(this, 'Notify', {
      projectRoot: props.projectRoot,
      code,
      table,
      environment: {
        TABLE_NAME: table.tableName,
        FROM_ADDRESS: config.fromAddress,
        STOREFRONT_URL: appUrl,
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      },
      mail: this.mail,
      failures: streamFailures,
    });
    acknowledgeIndexWildcard(this.notify.fn, table);
    this.events.grantAdmin(functions.webhooks);

    this.storeCredit = new StoreCredit(this, 'StoreCredit', { projectRoot: props.projectRoot, code, table, environment });
    this.storeCredit.grantCodes(functions.credit, this.events.signingKey);
    acknowledgeIndexWildcard(this.storeCredit.expiry, table);

    this.observability = new Observability(this, 'Observability', {
      alarmEmail: config.alarmEmail,
      serviceName: SERVICE_NAME,
      functions: {
        ...functions,
        notify: this.notify.fn,
        events: this.events.consumer,
        'webhook-delivery': this.events.delivery,
        'payments-queue': this.payments.consumer,
        'credit-expiry': this.storeCredit.expiry,
        ...(this.auth.adminMfaCheck ? { 'admin-mfa': this.auth.adminMfaCheck } : {}),
      },
      streamConsumers: { notify: this.notify.fn, events: this.events.consumer },
      api: this.api.httpApi,
      queues: [
        // A delivery waits out its retry pauses on the queue (up to 10 h): only a day-old one means trouble.
        { name: 'webhook-deliveries', queue: this.events.queue, deadLetters: [this.events.deadLetters], maxAge: Duration.hours(24) },
        { name: 'card-refunds', queue: this.payments.queue, deadLetters: [this.payments.deadLetters, this.payments.undelivered], maxAge: Duration.hours(1) },
        // The daily expiry's runs the scheduler gave up on: the queue is its own dead letters.
        { name: 'credit-expiry', queue: this.storeCredit.deadLetters, deadLetters: [this.storeCredit.deadLetters], maxAge: Duration.hours(1) },
      ],
      providerLogs: [functions.payments, this.payments.consumer],
    });

    const hostedUi = this.auth.hostedUi;
    this.web.publish({
      apiUrl: this.api.httpApi.apiEndpoint,
      auth: {
        kind: 'oidc',
        authority: this.auth.issuer,
        clientId: hostedUi ? hostedUi.webClient.userPoolClientId : (config.webClientId ?? ''),
        redirectUri: `${appUrl}/auth/callback`,
        scope: 'openid email profile',
        // Cognito publishes no end_session_endpoint; its hosted UI signs out at /logout.
        ...(hostedUi ? { logoutUrl: `${hostedUi.domain.baseUrl()}/logout?client_id=${hostedUi.webClient.userPoolClientId}&logout_uri=${appUrl}/` } : {}),
      },
    });

    new CfnOutput(this, 'WebAppUrl', { value: `${appUrl}/` });
    new CfnOutput(this, 'ApiUrl', { value: this.api.httpApi.apiEndpoint });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'BucketName', { value: bucket.bucketName });
    new CfnOutput(this, 'EventBusName', { value: this.events.bus.eventBusName });
    new CfnOutput(this, 'StripeKeysSecret', { value: this.payments.keys.secretArn });
    new CfnOutput(this, 'StreamFailuresBucket', { value: streamFailures.bucketName });
    new CfnOutput(this, 'AlarmTopic', { value: this.observability.topic.topicArn });
    new CfnOutput(this, 'DashboardName', { value: this.observability.dashboard.dashboardName });
    new CfnOutput(this, 'JwtIssuer', { value: this.auth.issuer });
    if (this.auth.userPool) new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
  }
}

/** `table.grant` also covers the table's indexes, as `<table ARN>/index/*`. */
const acknowledgeIndexWildcard = (fn: AppFunction, table: Data['table']): void => {
  const logicalId = Stack.of(table).getLogicalId(table.node.defaultChild as CfnElement);
  Validations.of(fn.role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/index/*]`,
    reason:
      "Lists query the table's GSIs (byOwner, byStatus, byType, byLookup); the grant scopes them as <table ARN>/index/*, which matches this table's indexes only, with data-plane actions only.",
  });
};
