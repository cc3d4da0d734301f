/**
 * Directory search under load: GET /api/v1/organisations with realistic filters, first page of
 * 20, over 100,000 synthetic organisations, on PGlite and on PostgreSQL, against a naive ILIKE
 * baseline measured by the same harness. Prints ONE JSON document on stdout; progress on stderr.
 * See bench/README.md.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app';
import { type Db, openPglite, openPostgres } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { createAuthService } from '../src/server/features/auth/auth.service';
import { createPasswordHasher } from '../src/server/features/auth/password';
import { createOpportunityService } from '../src/server/features/opportunities/opportunity.service';
import { createDirectorySearch, type DirectorySearch } from '../src/server/features/organisations/directory-search';
import { createOrganisationService } from '../src/server/features/organisations/organisation.service';
import { createContactsService } from '../src/server/features/contacts/contacts.service';
import { loadMatchingResources } from '../src/server/features/matching/matching-resources';
import { createMatchingService } from '../src/server/features/matching/matching.service';
import { loadReferenceData } from '../src/server/features/reference/reference-data';
import { loadSyntheticData } from '../src/server/features/transfer/load-synthetic';
import { createMailer } from '../src/server/mail/mailer';
import { NAIVE_PATH, registerNaiveSearch } from './support/naive-search';
import { benchPostgres } from './support/postgres-cluster';

const env = process.env;
const ORGS = Number(env.BENCH_ORGS ?? 100_000);
const SEED = Number(env.BENCH_SEED ?? 2026);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 50);
const MIXED_SECONDS = Number(env.BENCH_DURATION ?? 10);
const QUERY_SECONDS = Number(env.BENCH_QUERY_DURATION ?? 3);
const TARGET_P95_MS = 50;
const KINDS = (env.BENCH_DB ?? 'pglite,postgres').split(',') as Array<'pglite' | 'postgres'>;

/** What people type into the directory. Synthetic rows are hidden by default, so ask for them. */
const QUERIES = ([
  { country: 'CN', sector: '14' },
  { kind: 'company', country: 'IT', q: 'maglieria' },
  { q: '羊绒' },
  { sector: '13', region: 'Zhejiang' },
  { product: '6110' },
  { kind: 'designer', q: 'collezioni' },
] as Array<Record<string, string>>).map((q) => new URLSearchParams({ ...q, synthetic: 'include', limit: '20' }).toString());

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

interface Stats {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<number, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (n: number) => Math.round(n * 10) / 10;

/** One autocannon run (in a worker thread) cycling through `paths`; percentiles from every response. */
async function measure(db: Db, port: number, paths: string[], seconds: number): Promise<Stats> {
  const worker = new Worker(new URL('./support/load-worker.mjs', import.meta.url), {
    workerData: { url: `http://127.0.0.1:${port}`, paths, connections: CONNECTIONS, seconds },
  });
  const r = await new Promise<{ total: number; duration: number; errors: number; timeouts: number; non2xx: number; latencies: number[]; statuses: Record<number, number> }>(
    (resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    },
  );
  await worker.terminate();
  // Requests still in flight when the run ends keep the database busy; the pool and PGlite queue
  // in order, so this query returns once that backlog is done and cannot slow the next run.
  await db.query('select 1');
  const latencies = r.latencies.sort((a, b) => a - b);
  return {
    requests: r.total,
    requestsPerSecond: round(r.total / (r.duration || seconds)),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: r.statuses,
  };
}

async function startApp(db: Db): Promise<{ app: FastifyInstance; directory: DirectorySearch; directoryIndex: { seconds: number; heapMb: number } }> {
  const clock = () => new Date();
  const reference = loadReferenceData();
  const mailer = createMailer({ smtpUrl: undefined, from: 'Ponte <bench@ponte.local>', outboxDir: path.join(os.tmpdir(), 'ponte-bench', 'outbox'), log: () => undefined });
  // As in production: the directory index is built before measuring (searches take SQL alone meanwhile).
  const heapBefore = process.memoryUsage().heapUsed;
  const indexStarted = performance.now();
  const directory = createDirectorySearch({ db });
  await directory.start();
  const directoryIndex = { seconds: round((performance.now() - indexStarted) / 1000), heapMb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20) };
  log(`${db.kind}: directory index built in ${directoryIndex.seconds} s (${directoryIndex.heapMb} MB heap)`);
  const organisations = createOrganisationService({ db, reference, clock, directory });
  const opportunities = createOpportunityService({ db, reference, clock });
  // The directory bench measures the directory alone: the matching index is never started.
  const matching = createMatchingService({ db, clock, loadResources: () => loadMatchingResources(), organisations, opportunities });
  const contacts = createContactsService({ db, mailer, clock, publicUrl: 'http://127.0.0.1', reminderDays: 3 });
  const app = await buildApp({
    db,
    contacts,
    auth: createAuthService({ db, hasher: createPasswordHasher(), mailer, clock, publicUrl: 'http://127.0.0.1' }),
    organisations,
    opportunities,
    matching,
    reference,
    webDistDir: null,
    config: { bodyLimitBytes: 1024 * 1024, trustProxy: false, secureCookies: false, authRateLimitPerMinute: 1000, logLevel: 'silent' },
  });
  registerNaiveSearch(app, db);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, directory, directoryIndex };
}

async function seed(db: Db) {
  const started = performance.now();
  const loaded = await loadSyntheticData(db, {
    seed: SEED,
    organisations: ORGS,
    opportunitiesPerOrg: 3,
    onProgress: (p) => {
      const done = p.organisations + p.skipped;
      if (done % 10_000 < 1000 || done === p.total) log(`seed ${db.kind}: ${done}/${p.total} organisations, ${p.opportunities} opportunities, ${(p.elapsedMs / 1000).toFixed(1)} s`);
    },
  });
  // Fresh statistics: the planner chooses between the GIN and sort-order indexes on them.
  await db.exec('analyze organisations; analyze opportunities');
  const counts = await db.query<{ organisations: number; opportunities: number }>(
    `select (select count(*)::int from organisations where is_synthetic) as organisations,
            (select count(*)::int from opportunities where is_synthetic) as opportunities`,
  );
  return {
    reusedExisting: loaded.organisations === 0,
    insertedOrganisations: loaded.organisations,
    insertedOpportunities: loaded.opportunities,
    seconds: round((performance.now() - started) / 1000),
    ...counts.rows[0]!,
  };
}

async function benchDatabase(kind: 'pglite' | 'postgres') {
  const cluster = kind === 'postgres' ? await benchPostgres(env, log) : null;
  const db = cluster
    ? await openPostgres(cluster.url, 10)
    : await openPglite(env.BENCH_PGLITE_DIR ?? path.join(os.tmpdir(), 'ponte-bench', `pglite-${SEED}`));
  try {
    await migrate(db);
    log(`${kind}: seeding ${ORGS} organisations (seed ${SEED})`);
    const seeding = await seed(db);
    log(`${kind}: seeded in ${seeding.seconds} s (${seeding.reusedExisting ? 'reused existing rows' : 'fresh load'})`);
    const { app, directory, directoryIndex } = await startApp(db);
    const port = (app.server.address() as { port: number }).port;
    try {
      const firstPage: Record<string, { ponte: number; naive: number }> = {};
      for (const q of QUERIES) {
        const ponte = await app.inject({ url: `/api/v1/organisations?${q}` });
        const naive = await app.inject({ url: `${NAIVE_PATH}?${q}` });
        if (ponte.statusCode !== 200 || naive.statusCode !== 200) throw new Error(`${q}: HTTP ${ponte.statusCode}/${naive.statusCode} ${ponte.body.slice(0, 200)}`);
        firstPage[q] = { ponte: ponte.json().items.length, naive: naive.json().items.length };
      }
      const run = async (label: string, prefix: string) => {
        log(`${kind}: ${label} warm-up`);
        await measure(db, port, QUERIES.map((q) => `${prefix}?${q}`), 2);
        log(`${kind}: ${label} mixed, ${MIXED_SECONDS} s, ${CONNECTIONS} connections`);
        const mixed = await measure(db, port, QUERIES.map((q) => `${prefix}?${q}`), MIXED_SECONDS);
        const perQuery: Record<string, Stats> = {};
        for (const q of QUERIES) {
          log(`${kind}: ${label} ${q}, ${QUERY_SECONDS} s`);
          perQuery[q] = await measure(db, port, [`${prefix}?${q}`], QUERY_SECONDS);
        }
        // Without concurrency: the query's own latency, median of 3 sequential requests.
        const singleRequestMs: Record<string, number> = {};
        for (const q of QUERIES) {
          const times: number[] = [];
          for (let i = 0; i < 3; i++) {
            const t = performance.now();
            await app.inject({ url: `${prefix}?${q}` });
            times.push(performance.now() - t);
          }
          singleRequestMs[q] = round(times.sort((a, b) => a - b)[1]!);
        }
        return { singleRequestMs, mixed, perQuery };
      };
      const ponte = await run('ponte', '/api/v1/organisations');
      const naive = await run('naive', NAIVE_PATH);
      return {
        seeding,
        directoryIndex,
        firstPageItems: firstPage,
        ponte,
        naive,
        speedup: { p95: round(naive.mixed.p95Ms / ponte.mixed.p95Ms), requestsPerSecond: round(ponte.mixed.requestsPerSecond / naive.mixed.requestsPerSecond) },
      };
    } finally {
      directory.stop();
      await app.close();
    }
  } finally {
    await db.close();
    cluster?.stop();
  }
}

async function main() {
  const started = performance.now();
  const results: Record<string, Awaited<ReturnType<typeof benchDatabase>>> = {};
  for (const kind of KINDS) results[kind] = await benchDatabase(kind);
  const pgP95 = results.postgres?.ponte.mixed.p95Ms;
  const report = {
    benchmark: 'api-directory',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    settings: { organisations: ORGS, seed: SEED, connections: CONNECTIONS, mixedSeconds: MIXED_SECONDS, perQuerySeconds: QUERY_SECONDS, pageSize: 20, queries: QUERIES },
    results,
    target: { database: 'postgres', p95Ms: TARGET_P95_MS, measuredP95Ms: pgP95 ?? null, met: pgP95 !== undefined && pgP95 <= TARGET_P95_MS },
    totalSeconds: round((performance.now() - started) / 1000),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
