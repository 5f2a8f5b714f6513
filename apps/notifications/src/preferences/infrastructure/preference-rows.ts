import { EntityManager } from 'typeorm';

/** The categories a person opted out of (none when they never set preferences). */
export async function loadOptOuts(tx: EntityManager, userId: string): Promise<string[]> {
  const rows = (await tx.query(`SELECT opt_outs FROM notification_preference WHERE user_id = $1`, [userId])) as { opt_outs: string[] }[];
  return rows[0]?.opt_outs ?? [];
}

export async function saveOptOuts(tx: EntityManager, userId: string, optOuts: string[]): Promise<void> {
  await tx.query(
    `INSERT INTO notification_preference (user_id, opt_outs, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (user_id) DO UPDATE SET opt_outs = EXCLUDED.opt_outs, updated_at = EXCLUDED.updated_at`,
    [userId, optOuts],
  );
}
