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

export interface Session {
  /** Undefined while the first answer is awaited, null when nobody is logged in. */
  user: SessionUser | null | undefined;
  /** Asks the API again (after a login made elsewhere, or a page that changed the account). */
  refresh(): Promise<void>;
  /** Takes the user a login answered with, without another request. */
  loggedIn(user: SessionUser): void;
  /** Ends the session (at the unified identity provider too, when it came from there). */
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Holds who is logged in for every page; asks `GET /api/auth/session` once at start. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      const session = await apiGet<{ user: SessionUser | null }>('/api/auth/session');
      setUser(session.user);
    } catch {
      setUser(null);
    }
  }, []);
  const logout = useCallback(async () => {
    try {
      const ended = await endSession();
      if (ended.endSessionUrl) window.location.assign(ended.endSessionUrl);
    } finally {
      resetCsrfToken();
      setUser(null);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(
    () => ({ user, refresh, logout, loggedIn: (next: SessionUser) => setUser(next) }),
    [user, refresh, logout],
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
