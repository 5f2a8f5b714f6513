/** What every demo seeding part shares: the API call it is given by seed-demo.ts, and waiting for the event-driven read models. */
export type Call = <T>(gateway: string, method: string, path: string, token: string | null, body?: unknown) => Promise<{ status: number; body: T }>;

/** Polls `probe` until it answers something (the other services learn new data from events a moment later). */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
