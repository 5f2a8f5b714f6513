import { DataSource } from 'typeorm';

/**
 * Undoes the newest migrations until `name` (a migration class name) is undone too: the schema as it was just before
 * that migration, whatever later migrations the service has gained since (undoing only the last one would stop at those).
 */
export async function undoMigrationsThrough(ds: DataSource, name: string): Promise<void> {
  const applied = async () => ((await ds.query(`SELECT 1 FROM ${ds.options.migrationsTableName ?? 'migrations'} WHERE name = $1`, [name])) as unknown[]).length > 0;
  if (!(await applied())) throw new Error(`migration ${name} has not run on this database`);
  while (await applied()) await ds.undoLastMigration();
}
