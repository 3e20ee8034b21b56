import {
  type ReactNode,
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { ApiError, apiGet, apiPost, resetCsrfToken } from '../api/api-client';

export type AccountKind = 'individual' | 'enterprise' | 'officer' | 'admin';

/** The logged-in account as `GET /api/auth/session` shows it. */
export interface SessionUser {
  id: string;
  username: string;
  kind: AccountKind;
  displayName: string;
  phone: string | null;
  email: string | null;
  profile: Record<string, unknown>;
  roles: string[];
  matters: string[] | null;
}

/** How the session logged in; a matter that needs a certificate needs `certificate`. */
export type AuthLevel = 'password' | 'certificate' | 'sso';

/** What every login answers (and the session route, when someone is logged in). */
export interface LoginAnswer {
  user: SessionUser;
  authLevel: AuthLevel;
}

export interface Session {
  /** Undefined while the first answer is awaited, null when nobody is logged in. */
  user: SessionUser | null | undefined;
  /** How the session logged in; null when nobody is logged in or the answer is awaited. */
  authLevel: AuthLevel | null;
  /** Asks the API again (after a login made elsewhere, or a page that changed the account). */
  refresh(): Promise<void>;
  /** Takes the user and level a login answered with, without another request. */
  loggedIn(answer: LoginAnswer): void;
  /** Ends the session (at the unified identity provider too, when it came from there). */
  logout(): Promise<void>;
}

type HeldSession = Pick<Session, 'user' | 'authLevel'>;

const nobody: HeldSession = { user: null, authLevel: null };
const SessionContext = createContext<Session | null>(null);

/** Holds who is logged in for every page; asks `GET /api/auth/session` once at start. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [held, setHeld] = useState<HeldSession>({ user: undefined, authLevel: null });
  const refresh = useCallback(async () => {
    try {
      setHeld(await apiGet<HeldSession>('/api/auth/session'));
    } catch {
      setHeld(nobody);
    }
  }, []);
  const logout = useCallback(async () => {
    try {
      const ended = await endSession();
      if (ended.endSessionUrl) window.location.assign(ended.endSessionUrl);
    } finally {
      resetCsrfToken();
      setHeld(nobody);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(
    () => ({ ...held, refresh, logout, loggedIn: (answer: LoginAnswer) => setHeld(answer) }),
    [held, refresh, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/**
 * Logs out here, and names the unified identity provider's logout page when the session came
 * from there (so the person is logged out at the city's portal too); the plain logout route
 * serves a portal without unified identity.
 */
async function endSession(): Promise<{ endSessionUrl: string | null }> {
  try {
    return await apiPost<{ endSessionUrl: string | null }>('/api/auth/sso/logout');
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    await apiPost('/api/auth/logout');
    return { endSessionUrl: null };
  }
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider above it');
  return session;
}
