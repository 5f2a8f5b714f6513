import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { createApi, type Api } from './api/client';

export interface Session {
  accessToken: string;
  organisationId: string;
  roles: string[];
  email: string;
}

const KEY = 'twinning.session';

function load(): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

interface SessionContextValue {
  session: Session | null;
  signIn(s: Session): void;
  signOut(): void;
  api: Api;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children, fetchImpl, initial }: { children: ReactNode; fetchImpl?: typeof fetch; initial?: Session | null }) {
  const [session, setSession] = useState<Session | null>(() => (initial !== undefined ? initial : load()));
  const signIn = useCallback((s: Session) => {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(s));
    setSession(s);
  }, []);
  const signOut = useCallback(() => {
    globalThis.localStorage?.removeItem(KEY);
    setSession(null);
  }, []);
  const tokenRef = useMemo(() => ({ current: session?.accessToken ?? null }), [session]);
  const api = useMemo(() => createApi({ token: () => tokenRef.current, onUnauthorized: signOut, fetch: fetchImpl }), [tokenRef, signOut, fetchImpl]);
  const value = useMemo(() => ({ session, signIn, signOut, api }), [session, signIn, signOut, api]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

export function useApi(): Api {
  return useSession().api;
}

/** Hosts only (no coordinator, admin or youth-manager role): they land on their offers. */
export function isHostOnly(s: Session | null): boolean {
  return !!s && s.roles.includes('host') && !s.roles.some((r) => r === 'coordinator' || r === 'admin' || r === 'youth-manager');
}
