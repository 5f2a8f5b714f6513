export interface AddressedRequest {
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string };
}

function clean(address: string): string {
  const a = address.trim();
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

/**
 * The client's address for rate limiting. With no trusted proxy the TCP peer is the client; behind
 * N trusted reverse proxies it is the N-th X-Forwarded-For entry from the right (entries further
 * left are written by the client and cannot be trusted).
 */
export function clientAddress(req: AddressedRequest, trustedProxyHops: number): string {
  const peer = clean(req.socket?.remoteAddress ?? 'unknown');
  if (trustedProxyHops <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map(clean).filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedProxyHops)];
}
