import { EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The delegations in which `userId` hosts a confirmed placement (lg_placement.host_user_ids, from host matching's
 * placement.confirmed events; `@>` so the GIN index serves it). Whether the caller's organisation may see each one is loadDelegation's rule.
 */
export async function hostedDelegationIds(tx: EntityManager, userId: string): Promise<string[]> {
  if (!UUID.test(userId)) return [];
  const rows = (await tx.query(`SELECT DISTINCT delegation_id AS id FROM lg_placement WHERE status = 'confirmed' AND host_user_ids @> ARRAY[$1::uuid] ORDER BY 1`, [userId])) as
    { id: string }[];
  return rows.map((r) => r.id);
}
