import { DataSource, DataSourceOptions } from 'typeorm';

/** Runs pending migrations (`up`) or reverts the last one (`down`) for the given options; used by each app's migrate.ts. */
export async function runMigrationsCli(options: DataSourceOptions, argv = process.argv.slice(2)): Promise<void> {
  const ds = new DataSource(options);
  await ds.initialize();
  try {
    if (argv[0] === 'down') {
      await ds.undoLastMigration({ transaction: 'each' });
      process.stdout.write('reverted the last migration\n');
    } else {
      const ran = await ds.runMigrations({ transaction: 'each' });
      process.stdout.write(`migrations applied: ${ran.map((m) => m.name).join(', ') || 'none pending'}\n`);
    }
  } finally {
    await ds.destroy();
  }
}
