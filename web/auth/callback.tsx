// Where the hosted UI sends the browser back with an authorization code.

import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { APP_BASE } from '../base.ts';
import { t } from '../i18n/locale.ts';
import { HOME } from '../routes.ts';
import { Loading } from '../ui/states.tsx';
import { appConfig } from './config.ts';
import { safeReturnTo } from './return-to.ts';
import { currentSession } from './session.ts';

export function AuthCallback() {
  const { route } = useLocation();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const config = appConfig();
    if (config.auth.kind !== 'oidc') {
      route(`${APP_BASE}/sign-in`, true);
      return;
    }
    const auth = config.auth;
    import('./oidc.ts')
      .then((oidc) => oidc.finishSignIn(auth))
      .then((returnTo) => {
        const session = currentSession();
        route(safeReturnTo(returnTo) ?? `${APP_BASE}${session ? HOME[session.role] : '/sign-in'}`, true);
      })
      .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, [route]);
  if (!failure) return <Loading label={t('web.signIn.signingIn')} />;
  return (
    <div class="error-state" role="alert">
      <h2>{t('web.signIn.failed')}</h2>
      <p>{failure}</p>
      <a href={`${APP_BASE}/sign-in`}>{t('web.tryAgain')}</a>
    </div>
  );
}
