// The whole system on one machine: DynamoDB Local, S3 (s3rver), SES
// (aws-ses-v2-local), the resources the CDK stack would create, the API
// Gateway stand-in and the stream poller. Handlers are the shipped code; only
// endpoints and credentials differ, and they reach it through the environment.
import { type LoadHttpHandler, startApiServer } from '#infra/local/api-server';
import { bootstrapResources } from '#infra/local/bootstrap';
import { type ControlServer, startControlServer } from '#infra/local/control-server';
import { startDynamoDbLocal } from '#infra/local/dynamodb-local';
import { jwtAudience, jwtIssuer, jwtKeyFile } from '#infra/local/jwt';
import { localQueues, type MessagingLocal, startMessagingLocal } from '#infra/local/messaging-local';
import { type PortSetting, parsePortSetting, resolvePort } from '#infra/local/ports';
import { S3RVER_CREDENTIALS, startS3Local } from '#infra/local/s3-local';
import { startSesLocal } from '#infra/local/ses-local';
import { loadRealStreamHandler, type StreamHandler, type StreamPoller, startStreamPoller } from '#infra/local/stream-poller';
import { STREAM_CONSUMERS } from '#infra/streams';
import { APP_BASE } from '../../web/base.ts';

export type Service = 'api' | 'dynamodb' | 's3' | 'ses';

const DEFAULT_PORTS: Record<Service, number> = { api: 3000, dynamodb: 8000, s3: 4569, ses: 8005 };
const PORT_ENV: Record<Service, string> = { api: 'API_PORT', dynamodb: 'DYNAMODB_PORT', s3: 'S3_PORT', ses: 'SES_PORT' };
const REGION = 'us-east-1';

export interface LocalStackOptions {
  /** Per service: a port, or 0 / 'auto' for a free one. Defaults: env (API_PORT…), then 3000/8000/4569/8005. */
  ports?: Partial<Record<Service, PortSetting | 0>>;
  /** Silence per-request and child-process logs. */
  quiet?: boolean;
  log?: (line: string) => void;
  tableName?: string;
  bucketName?: string;
  /** Persist DynamoDB here (default: env DYNAMODB_DATA_DIR, else in memory). */
  dynamodbDataDir?: string;
  /** Persist S3 objects here (default: env S3_DATA_DIR, else a temp dir). */
  s3Dir?: string;
  /** Also start the test control server (stream idle / dead letters). */
  control?: boolean;
  /** Replace the shipped handlers (tests of the stack itself). */
  streamHandler?: StreamHandler;
  loadHttpHandler?: LoadHttpHandler;
}

export interface LocalStack {
  readonly urls: { api: string; app: string; openapi: string; sesInbox: string; ses: string; dynamodb: string; s3: string; events: string; control?: string };
  /** Everything a handler or test process needs to talk to this stack. */
  readonly env: Readonly<Record<string, string>>;
  /** All stream consumers' pollers as one: idle when every one is, their dead letters together. */
  readonly poller: StreamPoller;
  readonly messaging: MessagingLocal;
  stop(): Promise<void>;
}

/** The stream consumers' pollers, seen as one by the control server. */
const allOf = (pollers: readonly StreamPoller[]): StreamPoller => ({
  streamArn: pollers[0]?.streamArn ?? '',
  get deadLetters() {
    return pollers.flatMap((p) => p.deadLetters);
  },
  idle: async () => {
    await Promise.all(pollers.map((p) => p.idle()));
  },
  stop: async () => {
    for (const p of pollers) await p.stop();
  },
});

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const port = (service: Service) => {
    const chosen = options.ports?.[service];
    const setting = chosen === 0 ? 'auto' : (chosen ?? parsePortSetting(process.env[PORT_ENV[service]], DEFAULT_PORTS[service]));
    return resolvePort(
      setting,
      service === 'api' ? 'the API' : service === 'dynamodb' ? 'DynamoDB Local' : `${service.toUpperCase()} local`,
      PORT_ENV[service],
    );
  };
  const ports = { api: await port('api'), dynamodb: await port('dynamodb'), s3: await port('s3'), ses: await port('ses') };

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch((error: unknown) => log(`stop failed: ${String(error)}`));
  };
  try {
    const [dynamodb, s3, ses] = await Promise.all([
      startDynamoDbLocal({ port: ports.dynamodb, dataDir: options.dynamodbDataDir ?? process.env.DYNAMODB_DATA_DIR, quiet: true }).then((s) => {
        stops.push(s.stop);
        return s;
      }),
      startS3Local({ port: ports.s3, directory: options.s3Dir ?? process.env.S3_DATA_DIR, quiet: true }).then((s) => {
        stops.push(s.stop);
        return s;
      }),
      startSesLocal({ port: ports.ses }).then((s) => {
        stops.push(s.stop);
        return s;
      }),
    ]);
    // The event bus and the queues (messaging-local.ts), each running its shipped handler.
    const messaging = await startMessagingLocal({ queues: localQueues(), log: (line) => console.error(line) });
    stops.push(messaging.stop);
    const apiUrl = `http://127.0.0.1:${ports.api}`;
    const tableName = options.tableName ?? process.env.TABLE_NAME ?? 'aftersales';
    const bucketName = options.bucketName ?? process.env.BUCKET_NAME ?? 'aftersales-attachments';
    const env: Record<string, string> = {
      TABLE_NAME: tableName,
      BUCKET_NAME: bucketName,
      // Where the stream pollers keep failed batches (the S3 on-failure destination's stand-in).
      STREAM_FAILURES_BUCKET: 'aftersales-stream-failures',
      AWS_REGION: REGION,
      AWS_DEFAULT_REGION: REGION,
      // s3rver only accepts its own key pair; the other emulators accept anything.
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamodb.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SES: ses.endpoint,
      AWS_ENDPOINT_URL_SESV2: ses.endpoint,
      // s3rver cannot read the SDK's default CRC32 aws-chunked uploads.
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
      S3_FORCE_PATH_STYLE: '1',
      FROM_ADDRESS: process.env.FROM_ADDRESS ?? 'no-reply@aftersales.local',
      // Email links open the web app this server serves (infra/local/web-app.ts).
      STOREFRONT_URL: process.env.STOREFRONT_URL ?? `${apiUrl}${APP_BASE}`,
      LOCAL_JWT_ISSUER: jwtIssuer(),
      LOCAL_JWT_AUDIENCE: jwtAudience(),
      LOCAL_JWT_KEY_FILE: jwtKeyFile(),
      API_URL: apiUrl,
      SES_URL: ses.endpoint,
      AWS_ENDPOINT_URL_SQS: messaging.url,
      AWS_ENDPOINT_URL_EVENTBRIDGE: messaging.url,
      WEBHOOK_QUEUE_URL: messaging.queueUrls['aftersales-webhook-delivery'] ?? '',
      // Metrics are CloudWatch's (embedded metric format); locally they would only fill the console.
      POWERTOOLS_METRICS_DISABLED: 'true',
      EVENT_BUS_NAME: 'aftersales-events',
      // A fixed development key (the same across --persist restarts); AWS uses a Secrets Manager secret.
      WEBHOOK_SECRET_KEY: process.env.WEBHOOK_SECRET_KEY ?? 'local-only key for sealing webhook secrets; never used in AWS',
      GIFT_CARD_SECRET_KEY: process.env.GIFT_CARD_SECRET_KEY ?? 'local-only key for hashing gift card codes; never used in AWS',
      // Local only: webhook URLs may be http://127.0.0.1:<port>, so a developer receives events on their machine.
      WEBHOOKS_ALLOW_LOCAL_HTTP: process.env.WEBHOOKS_ALLOW_LOCAL_HTTP ?? '1',
      ...(process.env.WEBHOOK_RETRY_SCHEDULE_MS ? { WEBHOOK_RETRY_SCHEDULE_MS: process.env.WEBHOOK_RETRY_SCHEDULE_MS } : {}),
    };
    // Before any handler module is imported: SDK clients read these when created.
    Object.assign(process.env, env);
    delete process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_PROFILE;

    const credentials = { ...S3RVER_CREDENTIALS };
    const failuresBucketName = env.STREAM_FAILURES_BUCKET as string;
    await bootstrapResources({
      region: REGION,
      credentials,
      dynamodbEndpoint: dynamodb.endpoint,
      s3Endpoint: s3.endpoint,
      tableName,
      bucketName,
      failuresBucketName,
    });
    // One poller per stream consumer, like one event source mapping each.
    const pollers: StreamPoller[] = [];
    for (const consumer of STREAM_CONSUMERS) {
      const consumerPoller = await startStreamPoller({
        endpoint: dynamodb.endpoint,
        region: REGION,
        credentials,
        tableName,
        handler: (consumer.name === 'notify' ? options.streamHandler : undefined) ?? loadRealStreamHandler(consumer.name),
        filterPatterns: consumer.filterPatterns,
        batchSize: consumer.batch.batchSize,
        retryAttempts: consumer.batch.retryAttempts,
        functionName: `aftersales-${consumer.name}`,
        failures: { s3Endpoint: s3.endpoint, bucket: failuresBucketName },
        log: (line) => console.error(line),
      });
      stops.push(consumerPoller.stop);
      pollers.push(consumerPoller);
    }
    const poller = allOf(pollers);
    const api = await startApiServer({
      port: ports.api,
      ...(options.loadHttpHandler ? { loadHandler: options.loadHttpHandler } : {}),
      log: options.quiet ? (line) => (line.includes(' failed ') ? console.error(line) : undefined) : log,
    });
    stops.push(api.stop);
    let control: ControlServer | undefined;
    if (options.control) {
      control = await startControlServer(poller);
      stops.push(control.stop);
      env.LOCAL_CONTROL_URL = control.url;
      process.env.LOCAL_CONTROL_URL = control.url;
    }
    return {
      urls: {
        api: api.url,
        app: `${api.url}${APP_BASE}/`,
        openapi: `${api.url}/openapi.json`,
        sesInbox: `${ses.endpoint}/`,
        ses: ses.endpoint,
        dynamodb: dynamodb.endpoint,
        s3: s3.endpoint,
        events: `${messaging.url}/events`,
        ...(control ? { control: control.url } : {}),
      },
      env,
      poller,
      messaging,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
