// Sign-in. In AWS: a button to the hosted UI (authorization code + PKCE).
// Locally: the dev-only form, which asks the local API server for the same
// tokens `npm run token` prints (POST /local/sign-in exists only there).

import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { errorFromResponse } from '../api/problem.ts';
import { APP_BASE } from '../base.ts';
import { t } from '../i18n/locale.ts';
import { HOME } from '../routes.ts';
import { ErrorSummary, Field, inputValue, useSubmission } from '../ui/form.tsx';
import { appConfig } from './config.ts';
import { safeReturnTo } from './return-to.ts';
import { type AppRole, signIn } from './session.ts';

export function SignIn() {
  const config = appConfig();
  const { query } = useLocation();
  const returnTo = safeReturnTo(query.returnTo);
  return (
    <>
      <h1>{t('web.route.signIn')}</h1>
      {config.auth.kind === 'oidc' ? <HostedSignIn returnTo={returnTo} /> : <LocalSignIn returnTo={returnTo} />}
    </>
  );
}

function HostedSignIn({ returnTo }: { returnTo: string | undefined }) {
  const config = appConfig();
  const [busy, setBusy] = useState(false);
  const start = async () => {
    if (config.auth.kind !== 'oidc') return;
    setBusy(true);
    const oidc = await import('./oidc.ts');
    await oidc.startSignIn(config.auth, returnTo ?? '');
  };
  return (
    <>
      <p>{t('web.signIn.hosted')}</p>
      <button type="button" onClick={() => void start()} aria-busy={busy}>
        {t('web.signIn.continue')}
      </button>
    </>
  );
}

function LocalSignIn({ returnTo }: { returnTo: string | undefined }) {
  const { route } = useLocation();
  const [role, setRole] = useState<AppRole>('customer');
  const [sub, setSub] = useState('cus-ada');
  const [email, setEmail] = useState('ada@example.com');
  const submission = useSubmission(
    async () => {
      const response = await fetch('/local/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role, sub: role === 'customer' ? sub : undefined, email }),
      });
      if (!response.ok) throw await errorFromResponse(response);
      return ((await response.json()) as { token: string }).token;
    },
    (token) => {
      const session = signIn(token);
      route(returnTo ?? `${APP_BASE}${HOME[session.role]}`);
    },
  );
  return (
    <form onSubmit={submission.onSubmit} noValidate>
      <p class="notice">
        {t('web.signIn.localOnly.before')} <code>npm run token</code>
        {t('web.signIn.localOnly.after')}
      </p>
      <ErrorSummary error={submission.error} labels={{ sub: t('web.signIn.customerId'), email: t('web.signIn.email') }} />
      <fieldset>
        <legend>{t('web.signIn.role')}</legend>
        {(['customer', 'admin'] as const).map((r) => (
          <label key={r}>
            <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
            {t('web.signIn.roleName', { role: r })}
          </label>
        ))}
      </fieldset>
      {role === 'customer' ? (
        <Field path="sub" label={t('web.signIn.customerId')} hint={t('web.signIn.customerIdHint')} error={submission.errorFor('sub')}>
          {(control) => <input {...control} name="sub" value={sub} onInput={(e) => setSub(inputValue(e))} autoComplete="off" />}
        </Field>
      ) : null}
      <Field path="email" label={t('web.signIn.email')} error={submission.errorFor('email')}>
        {(control) => <input {...control} type="email" name="email" value={email} onInput={(e) => setEmail(inputValue(e))} autoComplete="email" />}
      </Field>
      <button type="submit" aria-busy={submission.submitting}>
        {t('web.route.signIn')}
      </button>
    </form>
  );
}
