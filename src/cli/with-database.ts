import { type Config, loadConfig } from '../server/config';
import { type Db, openDb } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { type ReferenceData, loadReferenceData } from '../server/features/reference/reference-data';

export interface CliContext {
  db: Db;
  reference: ReferenceData;
  config: Config;
  migration: number;
}

/** Opens the configured database (DATABASE_URL, else PGlite in PONTE_DATA_DIR), migrated, and closes it after. */
export async function withDatabase<T>(fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const migration = await migrate(db);
    return await fn({ db, reference: loadReferenceData(), config, migration });
  } finally {
    await db.close();
  }
}

export const describeDatabase = (config: Config): string =>
  config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
