import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createApi, logout, refreshTokens, type Api, type Schemas } from './api/client';

export interface Session {
  accessToken: string;
  /** single use: renews the session when the access token (15 minutes) has expired; absent in sessions made before it was kept */
  refreshToken?: string;
  organisationId: string;
  roles: string[];
  email: string;
}

/** The session a sign-in answers (POST /api/identity/login), for the email address signed in with. */
export function sessionFromLogin(a: Schemas['LoginAnswer'], email: string): Session {
  return { accessToken: a.accessToken, refreshToken: a.refreshToken, organisationId: a.organisationId, roles: a.roles, email };
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

function store(s: Session | null): void {
  try {
    if (s) globalThis.localStorage?.setItem(KEY, JSON.stringify(s));
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // private mode or full storage: the session lives in memory only
  }
}

/** Runs `fn` while holding a lock shared by every tab of the app (Web Locks API), so two tabs do not refresh at once. */
function exclusive<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? locks.request(name, fn).then((r) => r) : fn();
}

interface SessionContextValue {
  session: Session | null;
  /** true after the session ended by itself (it could not be renewed): the sign-in page says so */
  expired: boolean;
  signIn(s: Session): void;
  /** ends the session here and at the gateway (POST /api/identity/logout with the refresh token) */
  signOut(): void;
  api: Api;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children, fetchImpl, initial }: { children: ReactNode; fetchImpl?: typeof fetch; initial?: Session | null }) {
  const [session, setSession] = useState<Session | null>(() => (initial !== undefined ? initial : load()));
  const [expired, setExpired] = useState(false);
  // the session as of now (requests and a refresh in flight read it between renders)
  const current = useRef(session);
  const adopt = useCallback((s: Session | null, persist = true) => {
    current.current = s;
    if (persist) store(s);
    setSession(s);
  }, []);
  const signIn = useCallback(
    (s: Session) => {
      setExpired(false);
      adopt(s);
    },
    [adopt],
  );
  const signOut = useCallback(() => {
    const refreshToken = current.current?.refreshToken;
    adopt(null);
    if (refreshToken) void logout(refreshToken, { fetch: fetchImpl });
  }, [adopt, fetchImpl]);
  const end = useCallback(() => {
    if (!current.current) return;
    setExpired(true);
    adopt(null);
  }, [adopt]);

  const refresh = useCallback(
    (stale: string) =>
      exclusive('twinning.session.refresh', async () => {
        const mine = current.current;
        if (!mine) return null;
        // another tab of this browser may have renewed the session already: its refresh token replaced ours
        const stored = load();
        if (stored && stored.email === mine.email && stored.refreshToken && stored.refreshToken !== mine.refreshToken && stored.accessToken !== stale) {
          adopt(stored, false);
          return stored.accessToken;
        }
        if (!mine.refreshToken) return null;
        const renewed = await refreshTokens(mine.refreshToken, { fetch: fetchImpl });
        if (!renewed) return null;
        if (current.current !== mine) return current.current?.accessToken ?? null; // signed out (or in again) meanwhile
        adopt({ ...mine, accessToken: renewed.accessToken, refreshToken: renewed.refreshToken, organisationId: renewed.organisationId, roles: renewed.roles });
        return renewed.accessToken;
      }),
    [adopt, fetchImpl],
  );

  // a sign-in, renewal or sign-out in another tab reaches this one
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === KEY) adopt(load(), false);
    };
    globalThis.addEventListener?.('storage', onStorage);
    return () => globalThis.removeEventListener?.('storage', onStorage);
  }, [adopt]);

  const api = useMemo(() => createApi({ token: () => current.current?.accessToken ?? null, refresh, onUnauthorized: end, fetch: fetchImpl }), [refresh, end, fetchImpl]);
  const value = useMemo(() => ({ session, expired, signIn, signOut, api }), [session, expired, signIn, signOut, api]);
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

/** Coordinators and admins plan delegations (create, edit, members, itinerary); youth managers read them. */
export function canEditDelegations(roles: string[] | undefined): boolean {
  return !!roles?.some((r) => r === 'coordinator' || r === 'admin');
}
