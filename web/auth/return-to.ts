// Where to go after signing in: only a path inside the app (no open redirect).
import { APP_BASE } from '../base.ts';

export const safeReturnTo = (value: string | undefined): string | undefined => (value?.startsWith(`${APP_BASE}/`) && !value.includes('\\') ? value : undefined);

export const signInUrl = (returnTo: string): string => `${APP_BASE}/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
