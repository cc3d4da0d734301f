import type { z } from 'zod';
import { HsCode, type Locale, NaceCode } from '../../../contracts/common';
import type { Db, Queryable } from '../../db/client';
import { fieldErrors } from '../../http/validation';
import { checkCodes } from '../organisations/organisation.service';
import type { ReferenceData } from '../reference/reference-data';
import { fieldMessage, importMessage } from './import-messages';
import type { Table } from './read-table';
import { type ColumnDef, columnForPath, matchHeader } from './transfer-columns';

export interface ImportIssue {
  /** Spreadsheet row: the header is row 1. */
  row: number;
  column: string | null;
  message: string;
}

export interface ImportReport {
  entity: 'organisations' | 'opportunities';
  file: string;
  dryRun: boolean;
  ok: boolean;
  rows: number;
  created: number;
  updated: number;
  errors: ImportIssue[];
}

export interface ImportOptions {
  dryRun?: boolean;
  /** Language of row error messages. */
  locale?: Locale;
}

export const formatIssue = (i: ImportIssue): string =>
  `row ${i.row}${i.column ? `, column ${i.column}` : ''}: ${i.message}`;

/** Matches the header; unknown and repeated columns are listed once, as errors of row 1. */
export function checkHeader(columns: ColumnDef[], table: Table, locale: Locale): { matched: ColumnDef[]; errors: ImportIssue[] } {
  if (table.headers.every((h) => h.trim() === '')) {
    return { matched: [], errors: [{ row: 1, column: null, message: importMessage(locale, 'no_header') }] };
  }
  const { matched, unknown, repeated } = matchHeader(columns, table.headers);
  const errors = [
    ...unknown.map((c) => ({ row: 1, column: c, message: importMessage(locale, 'unknown_column') })),
    ...repeated.map((c) => ({ row: 1, column: c, message: importMessage(locale, 'repeated_column') })),
  ];
  return { matched, errors };
}

export function extraCellIssues(table: Table, locale: Locale): ImportIssue[] {
  return table.rows
    .filter((r) => r.cells.slice(table.headers.length).some((c) => c.trim() !== ''))
    .map((r) => ({ row: r.row, column: null, message: importMessage(locale, 'extra_cells') }));
}

/**
 * Codes that exist in the nomenclatures, checked even when other fields of the row are invalid
 * so that one pass reports everything. Malformed codes are left to zod's message.
 */
export function unknownCodeIssues(reference: ReferenceData, candidate: Record<string, unknown>, row: number, locale: Locale): ImportIssue[] {
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return checkCodes(reference, {
    sectors: strings(candidate.sectors).filter((c) => NaceCode.safeParse(c).success),
    products: strings(candidate.products).filter((c) => HsCode.safeParse(c).success),
  }).map((e) => ({ row, column: e.path.split('.')[0]!, message: fieldMessage(locale, e.key) }));
}

/**
 * Validates a candidate with its zod contract. Returns the parsed input, or the issues with
 * contract paths mapped back to column names (`names.it` → name_it).
 */
export function validateRow<S extends z.ZodType>(
  schema: S,
  candidate: unknown,
  allColumns: ColumnDef[],
  row: number,
  locale: Locale,
  aliases: Record<string, string> = {},
): { data: z.output<S> | null; errors: ImportIssue[] } {
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return { data: parsed.data, errors: [] };
  const errors = fieldErrors(schema, candidate, locale).map((e) => ({
    row,
    column: aliases[e.path] ?? columnForPath(allColumns, e.path),
    message: e.message,
  }));
  return { data: null, errors };
}

/** Thrown inside the import transaction so the failing row can be reported after the rollback. */
export class RowWriteError extends Error {
  constructor(
    readonly row: number,
    readonly reason: unknown,
  ) {
    super(`row ${row}: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = 'RowWriteError';
  }
}

class DryRunRollback extends Error {}

/**
 * Runs every write of one import in ONE transaction: a failure on any row rolls back all rows.
 * A dry run performs the same writes, so database constraints are checked too, then rolls back.
 */
export async function writeInOneTransaction(
  db: Db,
  dryRun: boolean,
  write: (tx: Queryable) => Promise<void>,
): Promise<{ failedRow: number; detail: string } | null> {
  try {
    await db.transaction(async (tx) => {
      await write(tx);
      if (dryRun) throw new DryRunRollback();
    });
    return null;
  } catch (err) {
    if (err instanceof DryRunRollback) return null;
    if (err instanceof RowWriteError) {
      const detail = err.reason instanceof Error ? err.reason.message : String(err.reason);
      return { failedRow: err.row, detail };
    }
    throw err;
  }
}

/** Runs `fn` for a row and tags any failure with the row number. */
export async function forRow<T>(row: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new RowWriteError(row, err);
  }
}
