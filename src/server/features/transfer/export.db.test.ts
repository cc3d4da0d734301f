import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createOpportunityRepository } from '../opportunities/opportunity.repository';
import { toOpportunityWrite } from '../opportunities/opportunity.service';
import { buildOpportunityInput } from '../../test-support/factories';
import { DB_KINDS, openTestDb, reference } from '../../test-support/test-context';
import { type ExportEntity, type ExportFormat, type ExportRecord, exportColumns, exportRecords, writeExport } from './export-table';
import { importOpportunities } from './import-opportunities';
import { importOrganisations } from './import-organisations';
import { loadSyntheticData } from './load-synthetic';
import { parseCsv, parseXlsx } from './read-table';
import { buildOpportunityRow, buildOrganisationRow, csvTable } from './transfer-test-support';

async function exportTo(db: Db, entity: ExportEntity, format: ExportFormat, opts: { includeSynthetic?: boolean; pageSize?: number } = {}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  await writeExport(exportRecords(db, entity, opts), exportColumns(entity), format, out, entity);
  return Buffer.concat(chunks);
}

const all = async (db: Db, entity: ExportEntity, opts = {}) => {
  const records: ExportRecord[] = [];
  for await (const r of exportRecords(db, entity, opts)) records.push(r);
  return records;
};

describe.each(DB_KINDS)('export on %s', (kind) => {
  let source: Db;
  let target: Db;
  beforeEach(async () => {
    [source, target] = await Promise.all([openTestDb(kind), openTestDb(kind)]);
    const district = buildOrganisationRow({ slug: 'distretto-prato', kind: 'district', legal_name: 'Distretto tessile di Prato' });
    const rows = [
      district,
      buildOrganisationRow({ member_of: 'distretto-prato', name_zh: '普拉托羊毛', hidden_fields: 'website|city', website: 'https://lanificio.example', description_zh: '精纺毛料，“高品质”', founded_year: '1911', sectors: '13.10' }),
      buildOrganisationRow({ country: 'CN', region: 'Zhejiang', city: 'Tongxiang', name_it: '', description_it: '', description_en: 'Cashmere, "fine"; knitwear\nsecond line', listed: 'false', contact_email: 'sales@tx.example' }),
    ];
    expect((await importOrganisations(source, reference, csvTable(rows))).errors).toEqual([]);
    const opps = [
      buildOpportunityRow(rows[1]!.slug!, { budget_min: '100000', budget_max: '250000.5', budget_currency: 'EUR', starts_on: '2026-04-01', ends_on: '2026-09-30', expires_on: '2026-12-31', min_order_quantity: '500', min_order_unit: 'pieces' }),
      buildOpportunityRow(rows[2]!.slug!, { status: 'draft', target_regions: 'Lombardy|Veneto' }),
    ];
    expect((await importOpportunities(source, reference, csvTable(opps))).errors).toEqual([]);
    // One opportunity created through the app, without an import ref: it is exported under its id.
    const orgId = (await source.query<{ id: string }>('select id from organisations where slug = $1', [rows[1]!.slug])).rows[0]!.id;
    await createOpportunityRepository(source).insert(toOpportunityWrite(buildOpportunityInput(orgId)));
  });
  afterEach(async () => Promise.all([source.close(), target.close()]));

  it.each(['csv', 'xlsx'] as const)('exports %s that re-imports into an empty database unchanged', async (format) => {
    for (const entity of ['organisations', 'opportunities'] as const) {
      const file = await exportTo(source, entity, format);
      const table = format === 'csv' ? parseCsv(file, `${entity}.csv`) : await parseXlsx(file, `${entity}.xlsx`);
      const run = entity === 'organisations' ? importOrganisations : importOpportunities;
      const report = await run(target, reference, table);
      expect(report.errors).toEqual([]);
      expect(report.created).toBe(3);
    }
    expect(await all(target, 'organisations')).toEqual(await all(source, 'organisations'));
    expect(await all(target, 'opportunities').then(sortByRef)).toEqual(await all(source, 'opportunities').then(sortByRef));
  });

  it('writes JSON with typed values and the import column names', async () => {
    const records = JSON.parse((await exportTo(source, 'organisations', 'json')).toString('utf8')) as ExportRecord[];
    const lanificio = records.find((r) => r.name_zh === '普拉托羊毛')!;
    expect(lanificio).toMatchObject({ founded_year: 1911, sectors: ['13.10'], listed: true, member_of: ['distretto-prato'], hidden_fields: ['website', 'city'] });
    expect(Object.keys(lanificio)).toEqual(exportColumns('organisations').map((c) => c.name));
  });

  it('leaves synthetic organisations and opportunities out unless asked', async () => {
    await loadSyntheticData(source, { seed: 5, organisations: 4, opportunitiesPerOrg: 3 });
    expect(await all(source, 'organisations')).toHaveLength(3);
    expect(await all(source, 'organisations', { includeSynthetic: true })).toHaveLength(7);
    const opportunities = await all(source, 'opportunities', { includeSynthetic: true });
    expect(opportunities.filter((o) => String(o.ref).startsWith('synth:')).length).toBeGreaterThan(4);
  });

  it('reads every row when the table spans many pages', async () => {
    await loadSyntheticData(source, { seed: 6, organisations: 9, opportunitiesPerOrg: 1 });
    const paged = await all(source, 'organisations', { includeSynthetic: true, pageSize: 2 });
    expect(paged.map((r) => r.slug)).toEqual((await all(source, 'organisations', { includeSynthetic: true })).map((r) => r.slug));
    expect(new Set(paged.map((r) => r.slug)).size).toBe(12);
  });
});

const sortByRef = (records: ExportRecord[]) => [...records].sort((a, b) => String(a.ref).localeCompare(String(b.ref)));
