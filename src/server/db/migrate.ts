import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './client';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const files = (await fs.readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (f) => ({
      version: Number(f.slice(0, 4)),
      name: f.replace(/\.sql$/, ''),
      sql: await fs.readFile(path.join(dir, f), 'utf8'),
    })),
  );
}

/**
 * Applies pending migrations, each in its own transaction, and returns the current version.
 * An advisory lock keeps two starting servers on one PostgreSQL from migrating at once.
 */
export async function migrate(db: Db): Promise<number> {
  await db.exec(`create table if not exists schema_migrations (
    version int primary key, name text not null, applied_at timestamptz not null default now())`);
  const migrations = await readMigrations();
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(724242)');
    const { rows } = await tx.query<{ version: number }>('select version from schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      // Statements are split on lines ending with ';' because parameterless multi-statement
      // queries are not allowed inside PGlite's transaction API.
      for (const stmt of splitStatements(m.sql)) await tx.query(stmt);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
    }
    const last = await tx.query<{ v: number | null }>('select max(version) as v from schema_migrations');
    return last.rows[0]?.v ?? 0;
  });
}

export function splitStatements(sql: string): string[] {
  const withoutComments = sql
    .split('\n')
    .filter((l) => !l.trim().startsWith('--'))
    .join('\n');
  return withoutComments
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function migrationVersion(db: Db): Promise<number> {
  const { rows } = await db.query<{ v: number | null }>('select max(version) as v from schema_migrations');
  return rows[0]?.v ?? 0;
}
