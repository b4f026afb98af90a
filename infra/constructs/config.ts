// Deployment settings, read from CDK context (`cdk.json` or `-c key=value`).
// Everything has an offline default so `cdk synth` works with no account.
import type { Node } from 'constructs';

export interface ExternalIssuer {
  readonly issuer: string;
  readonly audience: readonly string[];
}

export interface AppConfig {
  /** Origins allowed by API and bucket CORS. */
  readonly storefrontOrigins: readonly string[];
  /** Links in emails point here; unset: the web app this stack hosts (`https://<distribution>/app`). */
  readonly storefrontUrl: string | undefined;
  readonly fromAddress: string;
  /** When set, SES verifies the whole domain rather than one address. */
  readonly sesDomain: string | undefined;
  /** When set, tokens come from this OIDC issuer and no Cognito pool is built. */
  readonly externalIssuer: ExternalIssuer | undefined;
  /** Cognito hosted-domain prefix (must be unique in the region). */
  readonly cognitoDomainPrefix: string | undefined;
  /** OAuth redirect targets of the web app client; empty: the hosted app's `/auth/callback`. */
  readonly authCallbackUrls: readonly string[];
  /** The web app's OIDC client id at an external issuer (with jwtIssuer); Cognito's own client otherwise. */
  readonly webClientId: string | undefined;
  /** When set, alarms notify this address through an SNS topic. */
  readonly alarmEmail: string | undefined;
}

const list = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

export const readConfig = (node: Node): AppConfig => {
  const ctx = (key: string): unknown => node.tryGetContext(key);

  // `*` keeps a fresh deployment usable from any storefront; set
  // `storefrontOrigins` to the shop's real origins for production.
  const origins = list(ctx('storefrontOrigins'));
  const storefrontOrigins = origins.length > 0 ? origins : ['*'];
  const storefrontUrl = text(ctx('storefrontUrl'))?.replace(/\/+$/, '');

  const sesDomain = text(ctx('sesDomain'));
  const fromAddress = text(ctx('fromAddress')) ?? (sesDomain ? `no-reply@${sesDomain}` : 'no-reply@example.com');
  if (sesDomain && !fromAddress.toLowerCase().endsWith(`@${sesDomain.toLowerCase()}`)) {
    throw new Error(`fromAddress ${fromAddress} is not an address of sesDomain ${sesDomain}; SES would refuse to send.`);
  }

  const issuer = text(ctx('jwtIssuer'));
  const audience = list(ctx('jwtAudience'));
  if ((issuer === undefined) !== (audience.length === 0)) {
    throw new Error('Set both jwtIssuer and jwtAudience to use an external OIDC issuer, or neither to use Cognito.');
  }

  const callbacks = list(ctx('authCallbackUrls'));
  return {
    storefrontOrigins,
    storefrontUrl,
    fromAddress,
    sesDomain,
    externalIssuer: issuer ? { issuer, audience } : undefined,
    cognitoDomainPrefix: text(ctx('cognitoDomainPrefix')),
    authCallbackUrls: callbacks,
    webClientId: text(ctx('webClientId')),
    alarmEmail: text(ctx('alarmEmail')),
  };
};
