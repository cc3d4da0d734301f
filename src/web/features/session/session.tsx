import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me, SessionResponse } from '../../../contracts/auth';
import type { Locale } from '../../../contracts/common';
import { api, rememberCsrfToken } from '../../lib/api';
import { changeLocale } from '../../i18n/i18n';

interface SessionState {
  user: Me | null;
  loading: boolean;
  /** Stores the response of sign-in, sign-up, setup or PATCH /me. */
  acceptSession: (session: SessionResponse) => void;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
  /** Switches the screen language and remembers it (for a signed-in user, on their account too). */
  switchLocale: (locale: Locale) => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const acceptSession = useCallback((session: SessionResponse) => {
    rememberCsrfToken(session.csrfToken);
    setUser(session.user);
  }, []);

  const refresh = useCallback(async () => {
    try {
      acceptSession(await api.get<SessionResponse>('/auth/session'));
    } catch {
      setUser(null);
    } finally {
      setLoading(false);
    }
  }, [acceptSession]);

  useEffect(() => {
    api.get<SessionResponse>('/auth/session').then(acceptSession, () => setUser(null)).finally(() => setLoading(false));
  }, [acceptSession]);

  const signOut = useCallback(async () => {
    await api.post('/auth/sign-out');
    setUser(null);
  }, []);

  const switchLocale = useCallback(
    async (locale: Locale) => {
      await changeLocale(locale);
      if (user && user.locale !== locale) {
        try {
          acceptSession(await api.patch<SessionResponse>('/me', { locale }));
        } catch {
          // The screen already switched; the account keeps its old language until next time.
        }
      }
    },
    [user, acceptSession],
  );

  const value = useMemo(
    () => ({ user, loading, acceptSession, refresh, signOut, switchLocale }),
    [user, loading, acceptSession, refresh, signOut, switchLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
