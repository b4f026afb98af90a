// Everything a handler takes from its environment. Locally the embedded stack
// sets the same variables (plus the SDK's own AWS_ENDPOINT_URL_* overrides); in
// AWS the CDK stack does. Nothing else differs between the two.

const read = (name: string, fallback: string): string => process.env[name] ?? fallback;

export const env = {
  tableName: read('TABLE_NAME', 'aftersales'),
  bucketName: read('BUCKET_NAME', 'aftersales-attachments'),
  /** `1` locally: s3rver only speaks path-style URLs. */
  s3ForcePathStyle: read('S3_FORCE_PATH_STYLE', '') === '1',
  /** Sender used until an admin sets `notifications.fromAddress`. */
  defaultFromAddress: read('FROM_ADDRESS', 'no-reply@aftersales.local'),
  /** Links in emails point here. */
  storefrontUrl: read('STOREFRONT_URL', 'http://127.0.0.1:3000/app'),
  serviceName: read('POWERTOOLS_SERVICE_NAME', 'aftersales'),
  /** The EventBridge bus integration events go to (locally a stand-in that keeps them). */
  eventBusName: read('EVENT_BUS_NAME', 'aftersales-events'),
  /** The SQS queue of webhook deliveries (one message per endpoint × event). */
  webhookQueueUrl: read('WEBHOOK_QUEUE_URL', ''),
  /** Secrets Manager secret whose value keys the encryption of webhook secrets (AWS). */
  webhookKeySecretArn: read('WEBHOOK_KEY_SECRET_ARN', ''),
  /** The same key given directly (local stack only). */
  webhookSecretKey: read('WEBHOOK_SECRET_KEY', ''),
  /** Secrets Manager secret whose value keys the hash of gift card codes (AWS). */
  giftCardKeySecretArn: read('GIFT_CARD_KEY_SECRET_ARN', ''),
  /** The same key given directly (local stack only). */
  giftCardSecretKey: read('GIFT_CARD_SECRET_KEY', ''),
  /** `1` only in the local stack: webhook URLs may be `http://127.0.0.1:<port>`. Never set in AWS. */
  webhooksAllowLocalHttp: read('WEBHOOKS_ALLOW_LOCAL_HTTP', '') === '1',
  /** Retry pauses in ms, comma-separated, to replace the real schedule (tests). */
  webhookRetryScheduleMs: read('WEBHOOK_RETRY_SCHEDULE_MS', ''),
  /** Concurrent deliveries per endpoint. */
  webhookConcurrency: Number(read('WEBHOOK_CONCURRENCY', '2')) || 2,
} as const;
