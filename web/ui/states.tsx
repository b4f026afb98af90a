// Loading, empty and error states, the same on every screen, and the hook that
// loads a screen's data and tracks which of them applies.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, networkError } from '../api/problem.ts';
import { t } from '../i18n/locale.ts';

export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ApiError }
  | { readonly status: 'ok'; readonly data: T };

/** Runs `load` now and whenever `deps` change; `reload()` runs it again (after a change the screen made). */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): [LoadState<T>, () => void] {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => controller.signal.aborted || setState({ status: 'ok', data }),
      (error: unknown) => controller.signal.aborted || setState({ status: 'error', error: error instanceof ApiError ? error : networkError(error) }),
    );
    return () => controller.abort();
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return [state, reload];
}

export const Loading = ({ label }: { label?: string }) => (
  <p aria-busy="true" role="status">
    {label ?? t('web.loading')}
  </p>
);

export const Empty = ({ children }: { children: ComponentChildren }) => <p class="empty">{children}</p>;

export const ErrorState = ({ error, onRetry }: { error: ApiError; onRetry?: () => void }) => (
  <div class="error-state" role="alert">
    <h2>{error.status === 404 ? t('web.notFound.title') : error.problem.title}</h2>
    <p>{error.status === 404 ? t('web.notFound.detail') : error.problem.detail}</p>
    {onRetry && error.status !== 404 ? (
      <button type="button" class="secondary" onClick={onRetry}>
        {t('web.tryAgain')}
      </button>
    ) : null}
  </div>
);

/** Draws the loading or error state, or `children` with the data. */
export function Loaded<T>({ state, onRetry, children }: { state: LoadState<T>; onRetry?: () => void; children: (data: T) => ComponentChildren }) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} {...(onRetry ? { onRetry } : {})} />;
  return <>{children(state.data)}</>;
}
