// The router: one Route per entry of routes.ts (lazy chunks), each behind its
// role's guard, inside the layout. `/app/` sends each role to its home. The
// whole tree is drawn again in a new language when the reader switches.
import type { ComponentType } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, lazy, Route, Router, useLocation } from 'preact-iso';
import { signInUrl } from '../auth/return-to.ts';
import { useSession } from '../auth/session.ts';
import { APP_BASE } from '../base.ts';
import { LanguageSwitch } from '../i18n/language-switch.tsx';
import { t } from '../i18n/locale.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { type AppRoute, appRoutes, HOME } from '../routes.ts';
import { Loading } from '../ui/states.tsx';
import { Layout } from './layout.tsx';

/** Navigates once, to where it was first told: the location changes under it while the next screen loads. */
const Redirect = ({ to }: { to: string }) => {
  const { route } = useLocation();
  const target = useRef(to);
  useEffect(() => route(target.current, true), [route]);
  return <Loading label={t('web.redirecting')} />;
};

const useTitle = (title: string) =>
  useEffect(() => {
    document.title = `${title} · aftersales`;
  }, [title]);

/** A route's screen, shown only to its role; anyone else is sent to sign in or told why not. */
// biome-ignore lint/suspicious/noExplicitAny: preact-iso passes each screen its own path params.
const guarded = (entry: AppRoute): ComponentType<any> => {
  const Screen = lazy(entry.load);
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  return function Guarded(props: any) {
    const session = useSession();
    const { url } = useLocation();
    useTitle(t(entry.title));
    if (entry.role !== 'public' && !session) return <Redirect to={signInUrl(url)} />;
    if (entry.role !== 'public' && session && session.role !== entry.role) {
      return (
        <article>
          <h1>{t('web.notAvailable.title')}</h1>
          <p>{t('web.notAvailable.detail', { page: entry.role, you: session.role })}</p>
          <a href={`${APP_BASE}/`}>{t('web.startPage')}</a>
        </article>
      );
    }
    return <Screen {...props} />;
  };
};

const screens = appRoutes.map((entry) => ({ path: `${APP_BASE}${entry.path}`, component: guarded(entry) }));

const Home = () => {
  const session = useSession();
  return <Redirect to={session ? `${APP_BASE}${HOME[session.role]}` : `${APP_BASE}/sign-in`} />;
};

const NotFound = () => {
  useTitle(t('web.pageNotFound.title'));
  return (
    <article>
      <h1>{t('web.pageNotFound.title')}</h1>
      <p>{t('web.pageNotFound.detail')}</p>
      <a href={`${APP_BASE}/`}>{t('web.startPage')}</a>
    </article>
  );
};

/** Moves focus to the page on navigation, so screen readers announce the new screen. */
const focusMain = () => document.getElementById('main')?.focus({ preventScroll: true });

export function App() {
  const session = useSession();
  const language = useLanguage(session?.role);
  return (
    <LocationProvider scope={APP_BASE} key={language.locale}>
      <Layout language={<LanguageSwitch language={language} />}>
        <ErrorBoundary>
          <Router onRouteChange={focusMain}>
            {[
              <Route key="home" path={APP_BASE} component={Home} />,
              <Route key="home-slash" path={`${APP_BASE}/`} component={Home} />,
              ...screens.map((s) => <Route key={s.path} path={s.path} component={s.component} />),
              <Route key="not-found" default component={NotFound} />,
            ]}
          </Router>
        </ErrorBoundary>
      </Layout>
    </LocationProvider>
  );
}
