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
} as const;
