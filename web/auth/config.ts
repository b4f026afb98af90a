// The deployment's settings, read at start from /app/config.json: written by
// the CDK stack in AWS, answered by the local API server locally.
import { APP_BASE } from '../base.ts';

export type AuthConfig =
  | { readonly kind: 'local' }
  | {
      readonly kind: 'oidc';
      /** The issuer (Cognito user pool URL or another OIDC provider). */
      readonly authority: string;
      readonly clientId: string;
      readonly redirectUri: string;
      readonly scope: string;
      /** Where sign-out sends the browser (Cognito's /logout), if the provider has one. */
      readonly logoutUrl?: string;
    };

export interface AppConfig {
  /** The API's base URL; '' is the app's own origin. */
  readonly apiUrl: string;
  readonly auth: AuthConfig;
}

let loaded: AppConfig | undefined;

export const loadConfig = async (): Promise<AppConfig> => {
  if (loaded) return loaded;
  const response = await fetch(`${APP_BASE}/config.json`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${APP_BASE}/config.json answered ${response.status}`);
  loaded = (await response.json()) as AppConfig;
  return loaded;
};

/** Only after loadConfig resolved (main.tsx waits for it before rendering). */
export const appConfig = (): AppConfig => {
  if (!loaded) throw new Error('config not loaded yet');
  return loaded;
};
