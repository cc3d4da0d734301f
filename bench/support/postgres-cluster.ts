import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/start-test-postgres.sh');

export interface Cluster {
  url: string;
  /** Stops a cluster this process started; a no-op for one given by URL. */
  stop(): void;
}

/**
 * BENCH_DATABASE_URL or TEST_DATABASE_URL when set; otherwise a throw-away cluster started with
 * scripts/start-test-postgres.sh in a temp dir kept between runs, so seeded rows are reused.
 */
export async function benchPostgres(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<Cluster> {
  const given = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL;
  let adminUrl = given;
  let stop = () => undefined as void;
  if (!adminUrl) {
    const dir = path.join(os.tmpdir(), 'ponte-bench', 'pg');
    const port = env.BENCH_PG_PORT ?? '55433';
    log(`starting PostgreSQL in ${dir} on port ${port}`);
    adminUrl = execFileSync(SCRIPT, [port, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!;
    stop = () => {
      execFileSync(SCRIPT, ['stop', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    };
  }
  // A database of its own, so the bench never touches the rows of the database it was given.
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows } = await admin.query("select 1 from pg_database where datname = 'ponte_bench'");
  if (rows.length === 0) await admin.query('create database ponte_bench');
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = '/ponte_bench';
  return { url: url.toString(), stop };
}
