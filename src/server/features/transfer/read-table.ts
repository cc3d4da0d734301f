import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A spreadsheet as text cells. Row numbers are the ones a spreadsheet shows: the header is row 1. */
export interface Table {
  fileName: string;
  headers: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

export class UnsupportedFileError extends Error {}

export async function readTableFile(file: string): Promise<Table> {
  const ext = path.extname(file).toLowerCase();
  const fileName = path.basename(file);
  if (ext === '.csv' || ext === '.txt') return parseCsv(await fs.readFile(file), fileName);
  if (ext === '.xlsx') return parseXlsx(await fs.readFile(file), fileName);
  throw new UnsupportedFileError(`${fileName}: unsupported file type "${ext}"; use .csv or .xlsx`);
}

/**
 * Italian Excel writes CSV with `;` (the comma is the decimal separator), most other tools
 * with `,`: whichever occurs more often outside quotes in the header line wins.
 */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export function parseCsv(data: Buffer | string, fileName: string): Table {
  const text = (typeof data === 'string' ? data : data.toString('utf8')).replace(/^\uFEFF/, '');
  const records = parse(text, {
    delimiter: detectDelimiter(text),
    relax_column_count: true,
    skip_empty_lines: false,
    trim: false,
  }) as string[][];
  return toTable(records, fileName);
}

export async function parseXlsx(data: Buffer, fileName: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { fileName, headers: [], rows: [] };
  const records: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    records[rowNumber - 1] = cells;
  });
  for (let i = 0; i < records.length; i++) records[i] ??= [];
  return toTable(records, fileName);
}

function toTable(records: string[][], fileName: string): Table {
  const [headers = [], ...rest] = records;
  const rows = rest
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { fileName, headers, rows };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  // Excel dates are calendar days; exceljs returns them as midnight UTC.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}
