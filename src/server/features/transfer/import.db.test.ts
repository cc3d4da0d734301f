import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../../db/client';
import { DB_KINDS, openTestDb, reference } from '../../test-support/test-context';
import { importOpportunities } from './import-opportunities';
import { importOrganisations } from './import-organisations';
import { formatIssue } from './import-report';
import { parseCsv, parseXlsx } from './read-table';
import { buildOpportunityRow, buildOrganisationRow, csvTable, snapshotCounts, toCsv, toXlsx } from './transfer-test-support';

describe.each(DB_KINDS)('import on %s', (kind) => {
  let db: Db;
  beforeEach(async () => {
    db = await openTestDb(kind);
  });
  afterEach(async () => db.close());

  it('imports a comma CSV with a district, its member and their opportunities, and records the runs', async () => {
    const district = buildOrganisationRow({ slug: 'distretto-carpi', kind: 'district', legal_name: 'Distretto di Carpi' });
    const member = buildOrganisationRow({ member_of: 'distretto-carpi', name_zh: '卡尔皮针织', founded_year: '1962', listed: 'sì' });
    const orgs = await importOrganisations(db, reference, csvTable([member, district], 'orgs.csv'));
    expect(orgs).toMatchObject({ ok: true, rows: 2, created: 2, updated: 0, errors: [] });

    const opps = await importOpportunities(db, reference, csvTable([buildOpportunityRow(member.slug!, { budget_min: '1500,50', budget_max: '9000', budget_currency: 'EUR' })]));
    expect(opps).toMatchObject({ ok: true, created: 1 });

    const { rows } = await db.query<{ names: Record<string, string>; founded_year: number; is_demo: boolean; is_synthetic: boolean; district: string }>(
      `select o.names, o.founded_year, o.is_demo, o.is_synthetic, d.slug as district from organisations o
       join district_members dm on dm.member_id = o.id join organisations d on d.id = dm.district_id where o.slug = $1`,
      [member.slug],
    );
    expect(rows[0]).toEqual({ names: { it: member.name_it, en: member.name_en, zh: '卡尔皮针织' }, founded_year: 1962, is_demo: false, is_synthetic: false, district: 'distretto-carpi' });
    const opp = await db.query<{ external_ref: string; budget_min: number }>('select external_ref, budget_min from opportunities');
    expect(opp.rows).toEqual([{ external_ref: expect.stringMatching(/^import:opp-\d+$/), budget_min: 1500.5 }]);
    const runs = await db.query<{ entity: string; file_name: string; rows_imported: number }>('select entity, file_name, rows_imported from import_runs order by created_at');
    expect(runs.rows).toEqual([
      { entity: 'organisations', file_name: 'orgs.csv', rows_imported: 2 },
      { entity: 'opportunities', file_name: 'test.csv', rows_imported: 1 },
    ]);
  });

  it('reads a semicolon CSV with a BOM, as Italian Excel saves it, with case-insensitive headers', async () => {
    const row = buildOrganisationRow({ description_it: 'Maglieria; filati, tessuti.' });
    const text = `\uFEFF${toCsv([row], ';').replace(/^slug;kind/, 'SLUG;Kind')}`;
    const report = await importOrganisations(db, reference, parseCsv(text, 'excel.csv'));
    expect(report).toMatchObject({ ok: true, created: 1 });
    const { rows } = await db.query<{ description: Record<string, string> }>('select description from organisations where slug = $1', [row.slug]);
    expect(rows[0]!.description.it).toBe('Maglieria; filati, tessuti.');
  });

  it('imports the first sheet of an xlsx workbook', async () => {
    const rows = [buildOrganisationRow({ name_zh: '测试针织' }), buildOrganisationRow({ country: 'CN', region: 'Zhejiang', city: 'Tongxiang' })];
    const table = await parseXlsx(await toXlsx(rows), 'orgs.xlsx');
    const report = await importOrganisations(db, reference, table);
    expect(report).toMatchObject({ ok: true, rows: 2, created: 2 });
    expect((await snapshotCounts(db)).organisations).toBe(2);
  });

  it('imports nothing when one row is invalid and reports that row and column', async () => {
    const rows = Array.from({ length: 8 }, () => buildOrganisationRow());
    rows[5] = buildOrganisationRow({ sectors: '14.39|99.99' });
    const report = await importOrganisations(db, reference, csvTable(rows));
    expect(report.ok).toBe(false);
    // Header is row 1, so the sixth data row is spreadsheet row 7.
    expect(report.errors.map(formatIssue)).toEqual(['row 7, column sectors: Unknown NACE sector code.']);
    expect(await snapshotCounts(db)).toEqual({ organisations: 0, opportunities: 0, members: 0, runs: 0 });
  });

  it('maps contract paths back to column names and speaks the requested language', async () => {
    const rows = [buildOrganisationRow({ name_it: '', name_en: 'x'.repeat(201), country: 'Italia', founded_year: 'mille' })];
    const report = await importOrganisations(db, reference, csvTable(rows), { locale: 'it' });
    const byColumn = Object.fromEntries(report.errors.map((e) => [e.column, e.message]));
    expect(Object.keys(byColumn).sort()).toEqual(['country', 'founded_year', 'name_en']);
    expect(byColumn.country).toBe('Usa un codice paese ISO di due lettere, ad esempio IT o CN.');
  });

  it('lists unknown columns once, however many rows there are', async () => {
    const rows = [buildOrganisationRow({ colour: 'red' }), buildOrganisationRow({ colour: 'blue' })];
    const report = await importOrganisations(db, reference, csvTable(rows));
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[1, 'colour']]);
  });

  it('refuses members of an organisation that is not a district and unknown organisation slugs', async () => {
    const company = buildOrganisationRow();
    const member = buildOrganisationRow({ member_of: company.slug! });
    const orgs = await importOrganisations(db, reference, csvTable([company, member]));
    expect(orgs.errors.map((e) => [e.row, e.column])).toEqual([[3, 'member_of']]);
    const opps = await importOpportunities(db, reference, csvTable([buildOpportunityRow('nessuna-azienda')]));
    expect(opps.errors.map(formatIssue)).toEqual(['row 2, column organisation: No organisation has the slug "nessuna-azienda".']);
  });

  it('dry run reports what would be created and updated and writes nothing', async () => {
    const existing = buildOrganisationRow();
    await importOrganisations(db, reference, csvTable([existing]));
    const before = await snapshotCounts(db);
    const report = await importOrganisations(db, reference, csvTable([{ ...existing, city: 'Modena' }, buildOrganisationRow()]), { dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, created: 1, updated: 1 });
    expect(await snapshotCounts(db)).toEqual(before);
    const { rows } = await db.query<{ city: string }>('select city from organisations where slug = $1', [existing.slug]);
    expect(rows[0]!.city).toBe('Carpi');
  });

  it('updates instead of duplicating when the same file is imported again', async () => {
    const org = buildOrganisationRow();
    const opp = buildOpportunityRow(org.slug!);
    await importOrganisations(db, reference, csvTable([org]));
    await importOpportunities(db, reference, csvTable([opp]));
    const again = await importOrganisations(db, reference, csvTable([{ ...org, city: 'Modena' }]));
    const oppAgain = await importOpportunities(db, reference, csvTable([{ ...opp, title_it: 'Titolo nuovo' }]));
    expect([again.updated, oppAgain.updated]).toEqual([1, 1]);
    const counts = await snapshotCounts(db);
    expect([counts.organisations, counts.opportunities]).toEqual([1, 1]);
  });

  it('gives rows without a slug a free one from their name', async () => {
    await importOrganisations(db, reference, csvTable([buildOrganisationRow({ slug: 'alpha-knit' })]));
    const rows = [buildOrganisationRow({ slug: '', name_en: 'Alpha Knit' }), buildOrganisationRow({ slug: '', name_en: 'Alpha Knit' })];
    expect((await importOrganisations(db, reference, csvTable(rows))).ok).toBe(true);
    const { rows: slugs } = await db.query<{ slug: string }>("select slug from organisations where slug like 'alpha-knit%' order by slug");
    expect(slugs.map((r) => r.slug)).toEqual(['alpha-knit', 'alpha-knit-2', 'alpha-knit-3']);
  });

  it('leaves the database unchanged when a row fails on insert half-way through the file', async () => {
    // A rule only the database knows: the import cannot see it coming and must roll back rows 2–4.
    await db.exec(`alter table organisations add constraint test_no_boom check (legal_name <> 'Boom S.r.l.')`);
    await importOrganisations(db, reference, csvTable([buildOrganisationRow()]));
    const before = await snapshotCounts(db);
    const rows = [buildOrganisationRow(), buildOrganisationRow(), buildOrganisationRow(), buildOrganisationRow({ legal_name: 'Boom S.r.l.' }), buildOrganisationRow()];
    const report = await importOrganisations(db, reference, csvTable(rows));
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([{ row: 5, column: null, message: expect.stringContaining('test_no_boom') }]);
    expect(await snapshotCounts(db)).toEqual(before);
  });

  it('leaves the database unchanged when the connection breaks after some opportunities were written', async () => {
    const org = buildOrganisationRow();
    await importOrganisations(db, reference, csvTable([org]));
    const before = await snapshotCounts(db);
    let inserts = 0;
    const failing: Db = {
      ...db,
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            query: (sql: string, params?: unknown[]) => {
              if (/^\s*insert into opportunities/i.test(sql) && ++inserts > 3) throw new Error('connection lost');
              return tx.query(sql, params);
            },
          } as Queryable),
        ),
    };
    const rows = Array.from({ length: 6 }, () => buildOpportunityRow(org.slug!));
    const report = await importOpportunities(failing, reference, csvTable(rows));
    expect(report.errors).toEqual([{ row: 5, column: null, message: 'The database refused this row: connection lost' }]);
    expect(inserts).toBe(4);
    expect(await snapshotCounts(db)).toEqual(before);
  });
});
