// Deployment settings, read from CDK context (`cdk.json` or `-c key=value`).
// Everything has an offline default so `cdk synth` of a development stage works
// with no account; the `prod` stage refuses to synthesize without the settings
// a shop cannot go live without, naming each one missing.
import type { Node } from 'constructs';

export interface ExternalIssuer {
  readonly issuer: string;
  readonly audience: readonly string[];
}

export interface AppConfig {
  /** `-c stage=<name>`: the stack is `Aftersales-<stage>`. */
  readonly stage: string;
  /** The storefront's own origins, allowed by API and bucket CORS beside the web app's (never `*`). */
  readonly storefrontOrigins: readonly string[];
  /** Links in emails point here; unset: the web app this stack hosts (`https://<distribution>/app`). */
  readonly storefrontUrl: string | undefined;
  readonly fromAddress: string;
  /** When set, SES verifies the whole domain rather than one address. */
  readonly sesDomain: string | undefined;
  /**
   * `-c sesVerified=true` once SES shows sesDomain verified (after the DKIM records are
   * published): Cognito then sends its emails through it. Cognito refuses an unverified identity.
   */
  readonly sesVerified: boolean;
  /** When set, tokens come from this OIDC issuer and no Cognito pool is built. */
  readonly externalIssuer: ExternalIssuer | undefined;
  /** Cognito hosted-domain prefix (must be unique in the region). */
  readonly cognitoDomainPrefix: string | undefined;
  /** OAuth redirect targets of the web app client; empty: the hosted app's `/auth/callback`. */
  readonly authCallbackUrls: readonly string[];
  /** The web app's OIDC client id at an external issuer (with jwtIssuer); Cognito's own client otherwise. */
  readonly webClientId: string | undefined;
  /** Subscribed to the alarm topic (which exists either way). */
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

const DEFAULT_STAGE = 'dev';
/** The stage that is the shop's live system. */
export const PROD_STAGE = 'prod';

/** What a `prod` synth needs, with why: the error names each one missing. */
const REQUIRED_IN_PROD = {
  alarmEmail: 'where alarms go',
  storefrontOrigins: "the storefront's origins allowed by CORS",
  sesDomain: 'the domain emails are sent from, with DKIM and MAIL FROM',
} as const;

const STAGE_NAME = /^[a-z][a-z0-9-]{0,19}$/;

/** `-c stage=…` (default dev), checked: it names the stack and its resources. */
export const stageOf = (value: unknown): string => {
  const stage = text(value) ?? DEFAULT_STAGE;
  if (!STAGE_NAME.test(stage)) throw new Error(`stage must be lowercase letters, digits and dashes (at most 20), got ${JSON.stringify(stage)}`);
  return stage;
};

export const readConfig = (node: Node): AppConfig => {
  const ctx = (key: string): unknown => node.tryGetContext(key);

  const stage = stageOf(ctx('stage'));
  if (stage === PROD_STAGE) {
    const missing = Object.entries(REQUIRED_IN_PROD).filter(([key]) => list(ctx(key)).length === 0);
    if (missing.length > 0)
      throw new Error(`The prod stage needs: ${missing.map(([key, why]) => `-c ${key}=… (${why})`).join(', ')}. Nothing was synthesized.`);
  }

  // In AWS, CORS allows exactly these origins plus the web app's own (never `*`:
  // any site could then call the API with a visitor's token in hand).
  const storefrontOrigins = list(ctx('storefrontOrigins'));
  if (storefrontOrigins.includes('*')) throw new Error('storefrontOrigins may not be "*": list the storefront\'s origins (https://shop.example).');
  const storefrontUrl = text(ctx('storefrontUrl'))?.replace(/\/+$/, '');

  const sesDomain = text(ctx('sesDomain'));
  const fromAddress = text(ctx('fromAddress')) ?? (sesDomain ? `no-reply@${sesDomain}` : 'no-reply@example.com');
  if (sesDomain && !fromAddress.toLowerCase().endsWith(`@${sesDomain.toLowerCase()}`)) {
    throw new Error(`fromAddress ${fromAddress} is not an address of sesDomain ${sesDomain}; SES would refuse to send.`);
  }
  if (stage === PROD_STAGE && /@example\.(com|org|net)$/i.test(fromAddress))
    throw new Error(`fromAddress ${fromAddress} is a placeholder; prod sends from sesDomain.`);

  const issuer = text(ctx('jwtIssuer'));
  const audience = list(ctx('jwtAudience'));
  if ((issuer === undefined) !== (audience.length === 0)) {
    throw new Error('Set both jwtIssuer and jwtAudience to use an external OIDC issuer, or neither to use Cognito.');
  }

  const callbacks = list(ctx('authCallbackUrls'));
  return {
    stage,
    storefrontOrigins,
    storefrontUrl,
    fromAddress,
    sesDomain,
    sesVerified: sesDomain !== undefined && String(ctx('sesVerified')) === 'true',
    externalIssuer: issuer ? { issuer, audience } : undefined,
    cognitoDomainPrefix: text(ctx('cognitoDomainPrefix')),
    authCallbackUrls: callbacks,
    webClientId: text(ctx('webClientId')),
    alarmEmail: text(ctx('alarmEmail')),
  };
};
