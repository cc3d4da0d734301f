import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { DB_KINDS, openTestDb, reference } from '../../test-support/test-context';
import { exportRecords } from './export-table';
import { importOpportunities } from './import-opportunities';
import { importOrganisations } from './import-organisations';
import { buildOpportunityRow, buildOrganisationRow, csvTable } from './transfer-test-support';

describe.each(DB_KINDS)('concept corrections in import and export on %s', (kind) => {
  let db: Db;
  let org: string;
  beforeEach(async () => {
    db = await openTestDb(kind);
    const row = buildOrganisationRow();
    await importOrganisations(db, reference, csvTable([row]));
    org = row.slug!;
  });
  afterEach(async () => db.close());

  it('imports concepts_added and concepts_removed and exports them again', async () => {
    const report = await importOpportunities(db, reference, csvTable([
      buildOpportunityRow(org, { concepts_added: 'material.cashmere|process.flat-knitting', concepts_removed: 'product.apparel' }),
    ]));
    expect(report).toMatchObject({ ok: true, created: 1 });
    const records = [];
    for await (const r of exportRecords(db, 'opportunities')) records.push(r);
    expect(records[0]).toMatchObject({ concepts_added: ['material.cashmere', 'process.flat-knitting'], concepts_removed: ['product.apparel'] });
  });

  it('refuses a concept id that is not in the taxonomy, naming row and column', async () => {
    const report = await importOpportunities(db, reference, csvTable([
      buildOpportunityRow(org),
      buildOpportunityRow(org, { concepts_removed: 'material.cashmere|material.unobtainium' }),
    ]), { locale: 'it' });
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([{ row: 3, column: 'concepts_removed', message: 'Questo concetto non è nella tassonomia di Ponte.' }]);
  });
});
