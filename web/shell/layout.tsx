// The frame of every screen: a skip link, the app's name, the nav of the
// signed-in role (from the route map), who is signed in, sign-out, the
// language control, and what the last action did.
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useSession } from '../auth/session.ts';
import { endSession } from '../auth/sign-out.ts';
import { APP_BASE } from '../base.ts';
import { t } from '../i18n/locale.ts';
import { appRoutes } from '../routes.ts';
import { StatusMessage } from '../ui/status-message.tsx';

/** `language` is the language control, drawn in the header. */
export function Layout({ children, language }: { children: ComponentChildren; language: ComponentChildren }) {
  const session = useSession();
  const { path } = useLocation();
  const links = session ? appRoutes.filter((r) => r.role === session.role && r.nav) : [];
  // The nav entry the page lives under is the longest matching one: /admin/orders/… is under
  // Orders, not under the back office's first screen at /admin.
  const under = (href: string) => path === href || path.startsWith(`${href}/`);
  const currentPath = links
    .map((r) => `${APP_BASE}${r.path}`)
    .filter(under)
    .sort((a, b) => b.length - a.length)[0];
  return (
    <>
      <a class="skip-link" href="#main">
        {t('web.skipToContent')}
      </a>
      <header class="container app-header">
        <nav aria-label={t('web.nav.main')}>
          <a class="brand" href={`${APP_BASE}/`}>
            aftersales
          </a>
          {links.length > 0 ? (
            <ul>
              {links.map((r) => {
                const href = `${APP_BASE}${r.path}`;
                const current = href === currentPath;
                return (
                  <li key={r.path}>
                    <a href={href} {...(current ? { 'aria-current': 'page' as const } : {})}>
                      {t(r.nav ?? r.title)}
                    </a>
                  </li>
                );
              })}
            </ul>
          ) : null}
          {session ? (
            <div class="who">
              <span>
                {t('web.signedInAs')} <strong>{session.email ?? session.sub}</strong>
                {session.role === 'admin' ? ` ${t('web.adminSuffix')}` : ''}
              </span>
              <button type="button" class="secondary outline" onClick={() => void endSession()}>
                {t('web.signOut')}
              </button>
            </div>
          ) : null}
          {language}
        </nav>
      </header>
      <main id="main" class="container" tabIndex={-1}>
        <StatusMessage />
        {children}
      </main>
    </>
  );
}
