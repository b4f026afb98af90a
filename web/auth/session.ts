// Who is signed in: the bearer token the API gets, and what the app reads from
// its claims (role, customer id, email). The API verifies the token; the app
// only decodes it to choose screens. Kept in sessionStorage: a closed tab forgets it.
import { useEffect, useState } from 'preact/hooks';

export type AppRole = 'customer' | 'admin';

export interface Session {
  readonly token: string;
  readonly role: AppRole;
  readonly sub: string;
  readonly email: string | undefined;
  /** Seconds since the epoch (the token's `exp`). */
  readonly expiresAt: number;
}

const KEY = 'aftersales.session';
const listeners = new Set<() => void>();

const decodeClaims = (token: string): Record<string, unknown> => {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
};

/** The session a token stands for; the `admin` group (API.md, Roles) makes an admin. */
export const sessionOf = (token: string): Session => {
  const claims = decodeClaims(token);
  const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : [];
  return {
    token,
    role: groups.includes('admin') ? 'admin' : 'customer',
    sub: String(claims.sub ?? ''),
    email: typeof claims.email === 'string' ? claims.email : undefined,
    expiresAt: typeof claims.exp === 'number' ? claims.exp : 0,
  };
};

const read = (): Session | null => {
  try {
    const token = sessionStorage.getItem(KEY);
    return token ? sessionOf(token) : null;
  } catch {
    return null;
  }
};

let current: Session | null = read();

const notify = () => {
  for (const listener of listeners) listener();
};

export const currentSession = (): Session | null => {
  if (current && current.expiresAt * 1000 <= Date.now()) signOut();
  return current;
};

export const currentToken = (): string | undefined => currentSession()?.token;

export const signIn = (token: string): Session => {
  current = sessionOf(token);
  sessionStorage.setItem(KEY, token);
  notify();
  return current;
};

export const signOut = (): void => {
  if (!current) return;
  current = null;
  sessionStorage.removeItem(KEY);
  notify();
};

/** The session, re-rendering when someone signs in or out. */
export const useSession = (): Session | null => {
  const [session, setSession] = useState(currentSession);
  useEffect(() => {
    const listener = () => setSession(currentSession());
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return session;
};
