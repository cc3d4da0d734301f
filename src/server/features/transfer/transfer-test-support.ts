import ExcelJS from 'exceljs';
import type { Db } from '../../db/client';
import { type Table, parseCsv } from './read-table';

/** Small builders for import tests: a row is a record of column → cell text. */
export type Row = Record<string, string>;

let n = 0;

export function buildOrganisationRow(overrides: Row = {}): Row {
  const i = ++n;
  return {
    slug: `maglificio-prova-${i}`,
    kind: 'company',
    legal_name: `Maglificio Prova ${i} S.r.l.`,
    name_it: `Maglificio Prova ${i}`,
    name_en: `Test Knitwear ${i}`,
    country: 'IT',
    region: 'Emilia-Romagna',
    city: 'Carpi',
    sectors: '14.39|13.91',
    products: '6110',
    languages: 'it|en',
    description_it: 'Maglieria in cachemire.',
    ...overrides,
  };
}

export function buildOpportunityRow(organisation: string, overrides: Row = {}): Row {
  const i = ++n;
  return {
    ref: `opp-${i}`,
    organisation,
    direction: 'request',
    type: 'sourcing_manufacturing',
    title_it: `Cerchiamo filati ${i}`,
    title_zh: `寻找纱线 ${i}`,
    description_it: 'Filati di cachemire per maglieria.',
    sectors: '13.10',
    products: '5108',
    target_countries: 'CN',
    status: 'open',
    ...overrides,
  };
}

/** CSV text with the union of the rows' columns, quoting cells that need it. */
export function toCsv(rows: Row[], delimiter: ',' | ';' = ','): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: string) => (/["\n\r,;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))].map((cells) => cells.map(cell).join(delimiter)).join('\r\n');
}

export const csvTable = (rows: Row[], fileName = 'test.csv', delimiter: ',' | ';' = ','): Table =>
  parseCsv(toCsv(rows, delimiter), fileName);

export async function toXlsx(rows: Row[]): Promise<Buffer> {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Organisations');
  sheet.addRow(columns);
  for (const r of rows) sheet.addRow(columns.map((c) => r[c] ?? ''));
  workbook.addWorksheet('Notes').addRow(['not imported']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Row counts of the tables an import writes, to prove that a failed import changed nothing. */
export async function snapshotCounts(db: Db) {
  const { rows } = await db.query<{ organisations: number; opportunities: number; members: number; runs: number }>(
    `select (select count(*)::int from organisations) as organisations,
            (select count(*)::int from opportunities) as opportunities,
            (select count(*)::int from district_members) as members,
            (select count(*)::int from import_runs) as runs`,
  );
  return rows[0]!;
}
