/** A person as the alerts greet them. */
export interface Addressee { userId: string; name: string | null; email: string | null }

/** Each person once (first occurrence wins), in a stable order. */
export function distinctPeople<T extends { userId: string }>(...lists: T[][]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const list of lists) for (const p of list) if (!seen.has(p.userId)) { seen.add(p.userId); out.push(p); }
  return out;
}

/** The name to greet someone by: their name, else the part of their address before `@`, else a neutral word. */
export function greetingName(p: Addressee): string {
  return p.name?.trim() || p.email?.split('@')[0] || '—';
}

/** Roles that hear about a delegation's lifecycle and safety. */
export const COORDINATION = ['coordinator'] as const;
export const COORDINATION_AND_ADMIN = ['coordinator', 'admin'] as const;
export const SAFEGUARDING = ['youth-manager', 'admin'] as const;
