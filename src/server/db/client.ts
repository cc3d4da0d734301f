import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** One interface over PGlite and node-postgres: the repositories never know which one runs. */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; any throw rolls everything back. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const NUMERIC_OID = 1700;
const INT8_OID = 20;

// Dates stay 'YYYY-MM-DD' strings (a JS Date would shift them by the server's zone); numeric and
// bigint become numbers — amounts and quantities here fit a double.
pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(NUMERIC_OID, (v: string) => Number(v));
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));

export async function openPglite(dataDir: string | null): Promise<Db> {
  if (dataDir) await fs.mkdir(dataDir, { recursive: true });
  const db = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    parsers: {
      [pgliteTypes.DATE]: (v: string) => v,
      [pgliteTypes.NUMERIC]: (v: string) => Number(v),
      [pgliteTypes.INT8]: (v: string) => Number(v),
    },
  });
  await db.waitReady;
  // PGlite is one connection: a transaction must not interleave with other queries, so every
  // statement waits for the current transaction to end.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  };
  return {
    kind: 'pglite',
    query: <R>(sql: string, params?: unknown[]) =>
      serial(() => db.query<R>(sql, params as unknown[])).then((r) => ({ rows: r.rows })),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      serial(() =>
        db.transaction(async (tx) =>
          fn({
            query: async <R>(sql: string, params?: unknown[]) => ({
              rows: (await tx.query<R>(sql, params as unknown[])).rows,
            }),
          }),
        ),
      ),
    exec: async (sql: string) => {
      await serial(() => db.exec(sql));
    },
    close: () => db.close(),
  };
}

export async function openPostgres(url: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max });
  // Fail fast at start-up rather than on the first request.
  await pool.query('select 1');
  return {
    kind: 'postgres',
    query: async <R>(sql: string, params?: unknown[]) => {
      const r = await pool.query(sql, params);
      return { rows: r.rows as R[] };
    },
    transaction: async <T>(fn: (tx: Queryable) => Promise<T>) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({
          query: async <R>(sql: string, params?: unknown[]) => ({
            rows: (await client.query(sql, params)).rows as R[],
          }),
        });
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    exec: async (sql: string) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

export async function openDb(opts: { databaseUrl?: string; dataDir: string | null }): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir ? path.join(opts.dataDir, 'pglite') : null);
}
