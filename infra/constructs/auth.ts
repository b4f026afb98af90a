// Who issues the tokens the API's JWT authorizer accepts: a Cognito user pool
// (customers, the `admin` group, and the storefront's machine client), or an
// external OIDC issuer when `jwtIssuer` + `jwtAudience` are configured. Admins
// need TOTP: a pre-token-generation trigger (functions/auth/admin-mfa.ts)
// leaves the admin group out of the token of an admin without it.
import { Aws, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ADMIN_GROUP } from '#shared/domain/admin-mfa';
import { STOREFRONT_SCOPE } from '#shared/http/principal';
import { AppFunction, type CodeMode } from './app-function.ts';
import type { ExternalIssuer } from './config.ts';
import type { Mail } from './mail.ts';

/** The storefront machine client's scope, `orders/write`: `<resource server>/<scope>`, as handlers check it. */
const [ORDERS_RESOURCE_SERVER = 'orders', WRITE_SCOPE = 'write'] = STOREFRONT_SCOPE.split('/');

export interface AuthProps {
  readonly externalIssuer: ExternalIssuer | undefined;
  readonly cognitoDomainPrefix: string | undefined;
  readonly authCallbackUrls: readonly string[];
  /** Where the hosted UI may send the browser after sign-out (the web app). */
  readonly logoutUrls: readonly string[];
  readonly projectRoot: string;
  readonly code: CodeMode;
  readonly environment: Readonly<Record<string, string>>;
  /** Cognito's own emails (temporary passwords, codes) go through this SES identity once it is verified. */
  readonly mail: { readonly construct: Mail; readonly fromAddress: string; readonly sesDomain: string } | undefined;
}

/** Refresh tokens of the web app's users (admins included): a working day, then sign in again with TOTP. */
export const WEB_REFRESH_TOKEN_VALIDITY = Duration.hours(12);

export class Auth extends Construct {
  readonly issuer: string;
  readonly audience: readonly string[];
  /** Undefined when an external issuer is used. */
  readonly userPool: cognito.UserPool | undefined;
  /** The hosted UI domain and the web app's public client (authorization code + PKCE); Cognito only. */
  readonly hostedUi: { readonly domain: cognito.UserPoolDomain; readonly webClient: cognito.UserPoolClient } | undefined;
  /** The pre-token-generation trigger that enforces admin MFA (Cognito only). */
  readonly adminMfaCheck: AppFunction | undefined;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);

    if (props.externalIssuer) {
      this.issuer = props.externalIssuer.issuer;
      this.audience = props.externalIssuer.audience;
      this.userPool = undefined;
      this.hostedUi = undefined;
      this.adminMfaCheck = undefined;
      return;
    }

    this.adminMfaCheck = new AppFunction(this, 'AdminMfaCheck', {
      projectRoot: props.projectRoot,
      entry: 'functions/auth/admin-mfa.ts',
      code: props.code,
      environment: props.environment,
      // Cognito waits 5 s for a trigger.
      timeoutSeconds: 5,
    });
    // The pool's ARN would make a cycle (the pool names this function as its trigger):
    // the pools of this account and region, of which the trigger only ever reads its own (event.userPoolId).
    const pools = Stack.of(this).formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: '*' });
    this.adminMfaCheck.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['cognito-idp:AdminGetUser'], resources: [pools] }));
    Validations.of(this.adminMfaCheck.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cognito-idp:<AWS::Region>:<AWS::AccountId>:userpool/*]',
      reason:
        "The pool names this function as its trigger, so the function's policy cannot name the pool (a dependency cycle); it reads AdminGetUser (one read action) of the pool that invoked it only.",
    });

    const pool = new cognito.UserPool(this, 'UserPool', {
      // Accounts are created by the shop (admin API or storefront sync), never by strangers.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      lambdaTriggers: { preTokenGeneration: this.adminMfaCheck.fn },
      ...(props.mail
        ? {
            email: cognito.UserPoolEmail.withSES({
              fromEmail: props.mail.fromAddress,
              sesVerifiedDomain: props.mail.sesDomain,
              // The stack is region-agnostic (synth runs offline): the identity is in the region it is deployed to.
              sesRegion: Aws.REGION,
              configurationSetName: props.mail.construct.configurationSet.configurationSetName,
            }),
          }
        : {}),
      deletionProtection: true,
      // Customer identities: their `sub` is the customerId every order is keyed by.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional for shoppers (who sign in to track orders and request returns); admins are held to TOTP by the pre-token-generation trigger (functions/auth/admin-mfa.ts), which leaves the admin group out of the token of an admin without TOTP enrolled.',
    });
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan (threat protection) is billed per monthly active user across every shopper account; enabling it is a cost decision for the shop owner. Self sign-up is off and the password policy is strong.',
    });

    pool.addGroup('AdminGroup', { groupName: ADMIN_GROUP, description: 'Shop staff: the /admin API.' });

    const writeScope = new cognito.ResourceServerScope({
      scopeName: WRITE_SCOPE,
      scopeDescription: 'Create orders and push fulfillment/payment updates',
    });
    const orders = pool.addResourceServer('OrdersResourceServer', {
      identifier: ORDERS_RESOURCE_SERVER,
      scopes: [writeScope],
    });

    // The client-credentials grant is served by the pool's token endpoint, which
    // needs a domain. Prefixes are unique per region, so the default takes the
    // first block of the stack's UUID (…:stack/<name>/<uuid>) to stay unique per stack.
    const stackUuid = Fn.select(2, Fn.split('/', Aws.STACK_ID));
    const domain = pool.addDomain('Domain', {
      cognitoDomain: {
        domainPrefix: props.cognitoDomainPrefix ?? Fn.join('-', ['aftersales', Fn.select(0, Fn.split('-', stackUuid))]),
      },
    });

    const storefront = pool.addClient('StorefrontClient', {
      userPoolClientName: 'storefront',
      generateSecret: true,
      authFlows: {},
      oAuth: {
        flows: { clientCredentials: true },
        scopes: [cognito.OAuthScope.resourceServer(orders, writeScope)],
      },
      accessTokenValidity: Duration.hours(1),
    });
    // Left unset, Cognito would also enable SRP and custom user sign-in on this
    // machine client; refresh is the one flow Cognito insists on listing.
    (storefront.node.defaultChild as cognito.CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];

    const web = pool.addClient('WebClient', {
      userPoolClientName: 'web',
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        // aws.cognito.signin.user.admin: a signed-in admin enrols TOTP with their own access token (README "Going live").
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE, cognito.OAuthScope.COGNITO_ADMIN],
        callbackUrls: [...props.authCallbackUrls],
        logoutUrls: [...props.logoutUrls],
      },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      // Per client, not per group: the back office and the portal share this client.
      refreshTokenValidity: WEB_REFRESH_TOKEN_VALIDITY,
    });

    this.userPool = pool;
    this.hostedUi = { domain, webClient: web };
    this.issuer = pool.userPoolProviderUrl;
    // Cognito access tokens carry `client_id` (no `aud`); API Gateway's JWT
    // authorizer matches either against this list.
    this.audience = [storefront.userPoolClientId, web.userPoolClientId];
  }
}
