// Sign-in in AWS: the authorization-code flow with PKCE through the Cognito
// hosted UI (or the configured OIDC issuer), by oidc-client-ts. Loaded only
// when config.json says `oidc`, so the local build's first load never pays for it.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { AuthConfig } from './config.ts';
import { signIn, signOut } from './session.ts';

type OidcConfig = Extract<AuthConfig, { kind: 'oidc' }>;

let manager: UserManager | undefined;

const userManager = (config: OidcConfig): UserManager => {
  manager ??= new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    response_type: 'code',
    scope: config.scope,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // The API authorizer checks the ID token's audience (this client) and reads its groups and email.
    loadUserInfo: false,
  });
  return manager;
};

/** Off to the hosted UI; `returnTo` is where the callback lands afterwards. */
export const startSignIn = (config: OidcConfig, returnTo: string): Promise<void> => userManager(config).signinRedirect({ state: { returnTo } });

/** On /app/auth/callback: trade the code for tokens (PKCE verifier from sessionStorage). */
export const finishSignIn = async (config: OidcConfig): Promise<string> => {
  const user = await userManager(config).signinRedirectCallback();
  if (!user.id_token) throw new Error('The identity provider returned no ID token.');
  signIn(user.id_token);
  const state = user.state as { returnTo?: unknown } | undefined;
  return typeof state?.returnTo === 'string' ? state.returnTo : '';
};

export const endSession = async (config: OidcConfig): Promise<void> => {
  await userManager(config).removeUser();
  signOut();
  if (config.logoutUrl) window.location.assign(config.logoutUrl);
};
