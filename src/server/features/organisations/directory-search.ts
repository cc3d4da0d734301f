/**
 * Keeps the in-memory directory index (domain/search/directory-index.ts, decision 011) in step
 * with the organisations table.
 *
 * Built in the background after start; until it is ready every search takes the SQL path. It then
 * follows the table in three ways: writes through this process mark it stale, so the writer's next
 * search sees them; each indexed search reads the table's newest `updated_at` in the same round trip
 * as its page and re-syncs when another process wrote since; and a poll every POLL_MS re-reads
 * POLL_OVERLAP_MS back, for transactions that committed after rows with later timestamps.
 */
import type { Db } from '../../db/client';
import { DirectoryIndex, type DirectoryDoc, type DirectoryQuery } from '../../domain/search/directory-index';

const PAGE = 5000;
const POLL_MS = 1000;
/** A transaction's now() is its start, not its commit: re-read this far back on every poll. */
const POLL_OVERLAP_MS = 5000;

interface DirectoryRow {
  id: string;
  sort_key: string;
  kind: string;
  country: string;
  region: string | null;
  sector_index: string[];
  product_index: string[];
  is_synthetic: boolean;
  listed: boolean;
  terms: string[];
  updated_at: Date;
}

const ROW_COLUMNS = `id, sort_key, kind, country, region, sector_index, product_index, is_synthetic, listed,
  tsvector_to_array(search) as terms, updated_at`;

function toDoc(r: DirectoryRow): DirectoryDoc {
  return {
    id: r.id,
    sortKey: r.sort_key,
    kind: r.kind,
    country: r.country,
    region: r.region,
    sectors: r.sector_index,
    products: r.product_index,
    synthetic: r.is_synthetic,
    terms: r.terms,
  };
}

export type DirectoryState = 'idle' | 'loading' | 'ready' | 'failed';

export function createDirectorySearch(deps: { db: Db; log?: (line: string) => void }) {
  const { db } = deps;
  const index = new DirectoryIndex();
  /** updated_at (ms) of every organisation applied, listed or not: unchanged rows are skipped. */
  const seen = new Map<string, number>();
  let state: DirectoryState = 'idle';
  let watermark = 0;
  /** The database's clock when the last sync began: the next one reads from a little before it. */
  let lastSync = 0;
  let stale = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let syncing: Promise<void> | null = null;
  let building: Promise<void> | null = null;

  function apply(rows: DirectoryRow[]) {
    for (const r of rows) {
      const at = r.updated_at.getTime();
      seen.set(r.id, at);
      if (at > watermark) watermark = at;
      if (r.listed) index.upsert(toDoc(r));
      else index.remove(r.id);
    }
  }

  async function build(): Promise<void> {
    const started = performance.now();
    state = 'loading';
    const { rows: hw } = await db.query<{ m: Date | null; at: Date }>('select max(updated_at) as m, now() as at from organisations');
    lastSync = hw[0]!.at.getTime();
    const docs: DirectoryDoc[] = [];
    for (let after: string | null = null; !stopped; ) {
      const { rows }: { rows: DirectoryRow[] } = await db.query<DirectoryRow>(
        `select ${ROW_COLUMNS} from organisations where ($1::uuid is null or id > $1::uuid) order by id limit ${PAGE}`,
        [after],
      );
      if (!rows.length) break;
      for (const r of rows) {
        seen.set(r.id, r.updated_at.getTime());
        if (r.listed) docs.push(toDoc(r));
      }
      after = rows[rows.length - 1]!.id;
    }
    index.bulk(docs);
    watermark = hw[0]?.m?.getTime() ?? 0;
    // Rows written while the pages were read carry later timestamps: catch them up now.
    await syncNow();
    state = 'ready';
    deps.log?.(`directory index: ${index.size} organisations in ${Math.round(performance.now() - started)} ms`);
  }

  async function syncNow(): Promise<void> {
    stale = false;
    // From a little before the last sync's start — not from the newest row, which after a bulk load
    // would re-read the whole load on every sync until someone writes again — and from the newest
    // row applied, so that a row newer than anything seen is always read, however long its
    // transaction ran.
    const { rows: clock } = await db.query<{ at: Date }>('select now() as at');
    const from = new Date(Math.min(lastSync - POLL_OVERLAP_MS, watermark));
    lastSync = clock[0]!.at.getTime();
    const { rows: changed } = await db.query<{ id: string; updated_at: Date }>('select id, updated_at from organisations where updated_at > $1', [from]);
    const ids = changed.filter((c) => seen.get(c.id) !== c.updated_at.getTime()).map((c) => c.id);
    for (let i = 0; i < ids.length; i += PAGE) {
      const { rows } = await db.query<DirectoryRow>(`select ${ROW_COLUMNS} from organisations where id = any($1::uuid[])`, [ids.slice(i, i + PAGE)]);
      apply(rows);
    }
  }

  /** One sync at a time; callers arriving meanwhile wait for the one running, then run again if needed. */
  async function sync(): Promise<void> {
    while (syncing) await syncing;
    syncing = syncNow().finally(() => {
      syncing = null;
    });
    return syncing;
  }

  function schedulePoll() {
    if (stopped) return;
    timer = setTimeout(() => {
      sync()
        .catch((err: unknown) => deps.log?.(`directory poll failed: ${err instanceof Error ? err.message : String(err)}`))
        .finally(schedulePoll);
    }, POLL_MS);
    timer.unref();
  }

  return {
    /** Builds the index in the background and then follows the table. */
    start(): Promise<void> {
      if (!building) {
        stopped = false;
        building = build()
          .then(schedulePoll)
          .catch((err: unknown) => {
            state = 'failed';
            deps.log?.(`directory index failed, searches use SQL only: ${err instanceof Error ? err.message : String(err)}`);
          });
      }
      return building;
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    get state(): DirectoryState {
      return state;
    },
    /** The newest updated_at the index has applied (ms since epoch). */
    get watermark(): number {
      return watermark;
    },
    /** A write through this process: the next search syncs before it answers. */
    noteWrite() {
      stale = true;
    },
    sync,
    /** Matching ids in directory order, or null while the index cannot answer (then: SQL). */
    async search(q: DirectoryQuery): Promise<string[] | null> {
      if (state !== 'ready') return null;
      if (stale) await sync();
      return index.search(q);
    },
  };
}

export type DirectorySearch = ReturnType<typeof createDirectorySearch>;
