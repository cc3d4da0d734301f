import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client';
import { rowToFields } from '../opportunities/opportunity.service';
import { rowToInput } from '../organisations/organisation.service';
import { IMPORT_REF_PREFIX } from './import-opportunities';
import { type CellValue, type ColumnDef, OPPORTUNITY_COLUMNS, ORGANISATION_COLUMNS, formatCell, getPath } from './transfer-columns';
import { type ExportOpportunityRow, type ExportOrganisationRow, createTransferRepository } from './transfer.repository';

export type ExportEntity = 'organisations' | 'opportunities';
export type ExportFormat = 'csv' | 'xlsx' | 'json';
export type ExportRecord = Record<string, CellValue>;

export const exportColumns = (entity: ExportEntity): ColumnDef[] =>
  entity === 'organisations' ? ORGANISATION_COLUMNS : OPPORTUNITY_COLUMNS;

function toRecord(columns: ColumnDef[], input: unknown, keys: Record<string, CellValue>): ExportRecord {
  const record: ExportRecord = {};
  for (const c of columns) {
    const v = c.path ? getPath(input, c.path) : keys[c.name];
    record[c.name] = v === undefined ? null : (v as CellValue);
  }
  return record;
}

function organisationRecord(r: ExportOrganisationRow): ExportRecord {
  return toRecord(ORGANISATION_COLUMNS, rowToInput(r), { slug: r.slug, member_of: r.member_of });
}

function opportunityRecord(r: ExportOpportunityRow): ExportRecord {
  const input = rowToFields(r);
  // Imported rows keep their ref; others get their id, so a re-import elsewhere stays keyed.
  const ref = r.external_ref?.startsWith(IMPORT_REF_PREFIX) ? r.external_ref.slice(IMPORT_REF_PREFIX.length) : (r.external_ref ?? r.id);
  return toRecord(OPPORTUNITY_COLUMNS, input, { ref, organisation: r.organisation });
}

/**
 * Every organisation or opportunity as import-format records, read page by page (keyset on slug
 * or id) so that exporting 100,000 rows holds one page in memory, not the table.
 */
export async function* exportRecords(
  db: Db,
  entity: ExportEntity,
  opts: { includeSynthetic?: boolean; pageSize?: number } = {},
): AsyncGenerator<ExportRecord> {
  const repo = createTransferRepository(db);
  const pageSize = opts.pageSize ?? 1000;
  const includeSynthetic = opts.includeSynthetic ?? false;
  if (entity === 'organisations') {
    for (let after = ''; ; ) {
      const page = await repo.organisationPage(after, pageSize, includeSynthetic);
      for (const r of page) yield organisationRecord(r);
      if (page.length < pageSize) return;
      after = page[page.length - 1]!.slug;
    }
  }
  for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
    const page = await repo.opportunityPage(after, pageSize, includeSynthetic);
    for (const r of page) yield opportunityRecord(r);
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.id;
  }
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Writes records as CSV (UTF-8 with BOM, for Excel), XLSX or a JSON array. Returns the row count. */
export async function writeExport(
  records: AsyncIterable<ExportRecord>,
  columns: ColumnDef[],
  format: ExportFormat,
  out: Writable,
  sheetName = 'Ponte',
): Promise<number> {
  const names = columns.map((c) => c.name);
  let count = 0;
  if (format === 'csv') {
    await write(out, `\uFEFF${stringify([names])}`);
    let batch: Array<Array<string | number>> = [];
    for await (const r of records) {
      batch.push(names.map((n) => formatCell(r[n] ?? null)));
      count++;
      if (batch.length === 500) {
        await write(out, stringify(batch));
        batch = [];
      }
    }
    if (batch.length) await write(out, stringify(batch));
    return count;
  }
  if (format === 'json') {
    await write(out, '[');
    for await (const r of records) {
      await write(out, `${count === 0 ? '\n' : ',\n'}${JSON.stringify(r)}`);
      count++;
    }
    await write(out, count ? '\n]\n' : ']\n');
    return count;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(names).commit();
  for await (const r of records) {
    // Codes such as NACE 14.10 stay text: as numbers Excel would turn them into 14.1.
    sheet.addRow(names.map((n) => formatCell(r[n] ?? null))).commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
