import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationListQuery } from '../../../contracts/organisation';
import { DB_KINDS, createTestContext, type TestContext } from '../../test-support/test-context';
import { reference } from '../../test-support/test-context';
import { loadSyntheticData } from '../transfer/load-synthetic';
import { createDirectorySearch } from './directory-search';
import { createOrganisationService } from './organisation.service';

/** The directory answered by the index (re-checked by SQL) and by SQL alone must never differ. */
describe.each(DB_KINDS)('directory index on %s', (kind) => {
  let ctx: TestContext;
  let sqlOnly: ReturnType<typeof createOrganisationService>;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    await loadSyntheticData(ctx.db, { seed: 11, organisations: 250, opportunitiesPerOrg: 0 });
    sqlOnly = createOrganisationService({ db: ctx.db, reference, clock: () => ctx.now.value });
  }, 60_000);
  afterAll(async () => ctx.close());

  const query = (over: Partial<OrganisationListQuery>): OrganisationListQuery => ({ limit: 20, synthetic: 'include', ...over }) as OrganisationListQuery;

  it('gives the same pages as SQL for words, prefixes, Chinese and facets, across cursors', async () => {
    const indexed = ctx.services.organisations;
    let nonEmpty = 0;
    // Rows loaded behind the service's back (another process, say) are picked up on the next search.
    for (const over of [
      {},
      { q: 'maglieria' },
      { q: '羊绒' },
      { q: 'tess' },
      { q: 'collezioni', kind: ['designer'] },
      { country: ['CN'], sector: ['14'] },
      { sector: ['13'], region: 'Zhejiang' },
      { product: ['6110'] },
      { q: 'moda', synthetic: 'exclude' },
      { q: 'zzzz-nothing' },
    ] as Array<Partial<OrganisationListQuery>>) {
      let cursor: string | undefined;
      for (let page = 0; page < 3; page++) {
        const q = query({ ...over, limit: 7, cursor });
        const [a, b] = await Promise.all([indexed.list(q), sqlOnly.list(q)]);
        expect(a.items.map((o) => o.id), JSON.stringify(over)).toEqual(b.items.map((o) => o.id));
        expect(a.nextCursor).toEqual(b.nextCursor);
        if (page === 0 && a.items.length) nonEmpty++;
        if (!a.nextCursor) break;
        cursor = a.nextCursor;
      }
    }
    // The comparison means something only if most of these queries find organisations.
    expect(nonEmpty).toBeGreaterThanOrEqual(7);
  });

  it('sees a write from another process on the next search, and an unlisting at once', async () => {
    const [victim] = (await sqlOnly.list(query({ q: 'maglieria', limit: 1 }))).items;
    expect(victim).toBeDefined();
    // Written with plain SQL, as another server process or the CLI would.
    await ctx.db.query(
      `update organisations set search = array_to_tsvector(array['quokka']), updated_at = now() + interval '1 second' where id = $1`,
      [victim!.id],
    );
    expect((await ctx.services.organisations.list(query({ q: 'quokka' }))).items.map((o) => o.id)).toEqual([victim!.id]);
    await ctx.db.query(`update organisations set listed = false, updated_at = now() + interval '2 seconds' where id = $1`, [victim!.id]);
    expect((await ctx.services.organisations.list(query({ q: 'quokka' }))).items).toEqual([]);
  });

  it('builds from the table and reports its state', async () => {
    const directory = createDirectorySearch({ db: ctx.db });
    expect(directory.state).toBe('idle');
    expect(await directory.search({ terms: [], synthetic: 'include', limit: 5 })).toBeNull();
    await directory.start();
    expect(directory.state).toBe('ready');
    expect(await directory.search({ terms: [], synthetic: 'only', limit: 500 })).toHaveLength(249);
    directory.stop();
  });
});
