import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { DB_KINDS, openTestDb, reference } from '../test-support/test-context';
import { loadDemoData, readDemoFile } from './load-demo';

const REQUIRED_SLUGS = [
  'linping-e-fashion-town', 'sijiqing-garment-market-cluster', 'changshu-garment-city', 'livolsi-partners',
  'pitti-immagine', 'accademia-del-lusso', 'zhejiang-university-of-technology',
  'jiangxi-institute-of-fashion-technology', 'china-garment-innovation-institute', 'china-academy-of-art',
  'zhejiang-sci-tech-university', 'kilometro-rosso', 'nanjing-science-city', 'fondazione-italia-cina',
  'ecsi-consulting', 'aliexpress', 'feiliu-technology', 'yunrongtong', 'shicaitong',
];

describe('demo data file', () => {
  it('names every organisation from the seed articles in Italian, Chinese and English, with sources', async () => {
    const demo = await readDemoFile();
    expect(demo.organisations.map((o) => o.slug).sort()).toEqual(expect.arrayContaining(REQUIRED_SLUGS));
    for (const o of demo.organisations) {
      expect([o.slug, o.names.it && o.names.zh && o.names.en]).toEqual([o.slug, expect.any(String)]);
      expect([o.slug, o.description.it && o.description.zh && o.description.en]).toEqual([o.slug, expect.any(String)]);
      expect(o.sources.length).toBeGreaterThan(0);
    }
  });

  it('writes every example opportunity in all three languages', async () => {
    const demo = await readDemoFile();
    expect(demo.opportunities.length).toBeGreaterThanOrEqual(10);
    for (const p of demo.opportunities) {
      expect([p.key, Boolean(p.title.it && p.title.zh && p.title.en && p.description.it && p.description.zh && p.description.en)]).toEqual([p.key, true]);
    }
  });
});

describe.each(DB_KINDS)('demo loading on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(kind);
  });
  afterAll(async () => db.close());

  const counts = async () =>
    (
      await db.query<{ orgs: number; opps: number; facts: number; members: number }>(
        `select (select count(*)::int from organisations) as orgs, (select count(*)::int from opportunities) as opps,
                (select count(*)::int from key_facts) as facts, (select count(*)::int from district_members) as members`,
      )
    ).rows[0]!;

  it('loads once, then does nothing on a normal start and changes nothing when forced again', async () => {
    const first = await loadDemoData(db, reference);
    expect(first.loaded).toBe(true);
    const after = await counts();
    expect(after.orgs).toBe(first.organisations);
    expect(after.opps).toBe(first.opportunities);
    expect((await loadDemoData(db, reference)).loaded).toBe(false);
    await loadDemoData(db, reference, { force: true });
    expect(await counts()).toEqual(after);
  });

  it('marks every demo opportunity as an example and every organisation as demo', async () => {
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from opportunities where not is_example or external_ref not like 'demo:%'`,
    );
    expect(rows[0]!.n).toBe(0);
    const orgs = await db.query<{ n: number }>('select count(*)::int as n from organisations where not is_demo');
    expect(orgs.rows[0]!.n).toBe(0);
  });

  it("keeps Changshu's 2023 textile output as a key fact with its source", async () => {
    const { rows } = await db.query<{ value: number; year: number; source_title: string }>(
      `select k.value, k.year, k.source_title from key_facts k join organisations o on o.id = k.organisation_id
       where o.slug = 'changshu-garment-city' and k.value = 50.76`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.year).toBe(2023);
    expect(rows[0]!.source_title.length).toBeGreaterThan(5);
  });
});
