// Signing out: forget the token, and in AWS end the hosted UI's session too.
import { appConfig } from './config.ts';
import { signOut } from './session.ts';

export const endSession = async (): Promise<void> => {
  const config = appConfig();
  if (config.auth.kind === 'oidc') {
    const oidc = await import('./oidc.ts');
    await oidc.endSession(config.auth);
    return;
  }
  signOut();
};
