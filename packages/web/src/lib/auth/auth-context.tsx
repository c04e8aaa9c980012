import type { Me, Permission } from '@fengqiao/shared';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ApiError, setAuthListeners } from '../api-client';
import { fetchMe, logout as logoutRequest } from './session-api';

export type AuthStatus = 'loading' | 'ready' | 'error';

export interface AuthValue {
  me: Me | null;
  status: AuthStatus;
  error: unknown;
  /** True after the user logged out here (not when the session expired). */
  signedOut: boolean;
  setMe: (me: Me | null) => void;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);
/** Starts the session probe: only a screen that asks who is signed in pays for the request. */
const ProbeContext = createContext<() => void>(() => {});

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [error, setError] = useState<unknown>(undefined);
  const [signedOut, setSignedOut] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setMe(await fetchMe());
      setError(undefined);
      setStatus('ready');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setMe(null);
        setStatus('ready');
        return;
      }
      setError(err);
      setStatus('error');
    }
  }, []);

  useEffect(() => {
    setAuthListeners({
      unauthorized: () => setMe(null),
      enrollmentRequired: () => setMe((m) => (m ? { ...m, totpEnrollmentRequired: true } : m)),
    });
  }, []);

  const probed = useRef(false);
  const probe = useCallback(() => {
    if (probed.current) return;
    probed.current = true;
    void refresh();
  }, [refresh]);

  const logout = useCallback(async () => {
    try {
      await logoutRequest();
    } finally {
      setSignedOut(true);
      setMe(null);
    }
  }, []);

  const value = useMemo<AuthValue>(
    () => ({
      me,
      status,
      error,
      signedOut,
      setMe: (next) => {
        if (next) setSignedOut(false);
        setMe(next);
      },
      refresh,
      logout,
      can: (permission) => !!me && !me.totpEnrollmentRequired && me.permissions.includes(permission),
    }),
    [me, status, error, signedOut, refresh, logout],
  );

  return (
    <ProbeContext.Provider value={probe}>
      <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
    </ProbeContext.Provider>
  );
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  const probe = useContext(ProbeContext);
  useEffect(probe, [probe]);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
