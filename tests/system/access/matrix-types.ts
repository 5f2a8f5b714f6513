/** Who calls: real users of organisation A (one per role) and the admin of another organisation B. */
export type Caller = 'admin' | 'coordinator' | 'youth-manager' | 'host' | 'otherOrgAdmin';
export const CALLERS: Caller[] = ['admin', 'coordinator', 'youth-manager', 'host', 'otherOrgAdmin'];

export interface MatrixContext {
  gatewayUrl: string;
  orgA: string;
  orgB: string;
  tokens: Record<Caller, string>;
  /** Ids made by the sections' setup (e.g. `delegationId`, `participantId`), shared by all sections. */
  fixtures: Record<string, string>;
  /** Invites and signs in one more member of organisation A (for endpoints that use a member up). */
  addMember: (email: string, role: string) => Promise<{ token: string; userId: string }>;
}

export interface Endpoint {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The route exactly as the service maps it (Nest's "Mapped {route, METHOD}" log line). */
  route: string;
  /** The path; `caller` is given for the per-role calls (not for the unauthenticated one), so each role may get its own object. */
  path: (c: MatrixContext, caller?: Caller) => string;
  /** A body; called once per request, so it can make unique values. */
  body?: (c: MatrixContext, caller: Caller) => object;
  expect: Record<Caller, number>;
}

/** One feature's endpoints: each feature adds its own file `tests/system/access/<feature>.matrix.ts`. */
export interface MatrixSection {
  name: string;
  /** Creates what the section's paths need (as organisation A's admin), storing ids in ctx.fixtures. */
  setup?: (c: MatrixContext) => Promise<void>;
  endpoints: Endpoint[];
  /** Routes anyone may call. */
  publicRoutes?: string[];
}
