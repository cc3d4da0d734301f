import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/server/db/client';

/**
 * The baseline: the directory search a first implementation would write — ILIKE '%term%' over
 * names and descriptions and LIKE over sector and product codes, none of which an index can
 * serve. Registered only inside the benchmark process, beside the real route.
 */
export const NAIVE_PATH = '/bench/naive/organisations';

export function registerNaiveSearch(app: FastifyInstance, db: Db): void {
  app.get(NAIVE_PATH, async (request) => {
    const q = request.query as Record<string, string | undefined>;
    const where = ['listed'];
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const list = (v: string | undefined) => v?.split(',').map((s) => s.trim()).filter(Boolean);
    if (list(q.kind)) where.push(`kind = any(${p(list(q.kind))}::text[])`);
    if (list(q.country)) where.push(`country = any(${p(list(q.country))}::text[])`);
    if (q.region) where.push(`lower(region) = lower(${p(q.region)})`);
    if (q.sector) where.push(`exists (select 1 from unnest(sectors) s where s = ${p(q.sector)} or s like ${p(`${q.sector}.%`)})`);
    if (q.product) where.push(`exists (select 1 from unnest(products) x where x like ${p(`${q.product}%`)})`);
    for (const term of (q.q ?? '').split(/\s+/).filter(Boolean)) {
      where.push(`(legal_name || ' ' || names::text || ' ' || description::text) ilike ${p(`%${term}%`)}`);
    }
    if (q.synthetic === 'exclude' || q.synthetic === undefined) where.push('not is_synthetic');
    const { rows } = await db.query(
      `select id, slug, kind, legal_name, names, country, region, city, sectors, description, logo_url, is_demo, is_synthetic
       from organisations where ${where.join(' and ')} order by sort_key, id limit 21`,
      params,
    );
    return { items: rows.slice(0, 20), nextCursor: rows.length > 20 ? 'more' : null };
  });
}
