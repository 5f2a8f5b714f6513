/**
 * Retries an assertion until it passes or the timeout elapses (then throws its last error).
 * Use it for asynchronous effects (events consumed, rows written) instead of fixed sleeps.
 */
export async function eventually<T>(assertion: () => T | Promise<T>, { timeoutMs = 20000, intervalMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await assertion();
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      if (lastError instanceof Error) lastError.message = `eventually: still failing after ${timeoutMs} ms: ${lastError.message}`;
      throw lastError;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
