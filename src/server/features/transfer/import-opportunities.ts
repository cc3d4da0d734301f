import { OpportunityInput } from '../../../contracts/opportunity';
import type { Db } from '../../db/client';
import { createOpportunityRepository } from '../opportunities/opportunity.repository';
import { checkConcepts, toOpportunityWrite } from '../opportunities/opportunity.service';
import type { ReferenceData } from '../reference/reference-data';
import { fieldMessage, importMessage } from './import-messages';
import {
  type ImportIssue,
  type ImportOptions,
  type ImportReport,
  checkHeader,
  extraCellIssues,
  forRow,
  unknownCodeIssues,
  validateRow,
  writeInOneTransaction,
} from './import-report';
import type { Table } from './read-table';
import { OPPORTUNITY_COLUMNS, columnForPath, rowToCandidate } from './transfer-columns';
import { createTransferRepository } from './transfer.repository';

/** Stored external_ref of an imported opportunity: `import:<ref>`. */
export const IMPORT_REF_PREFIX = 'import:';

// Stands in for an unresolved organisation so zod still checks every other field of the row.
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Imports opportunities from a table: all rows or none. `organisation` is the slug of an
 * organisation already in the database; `ref`, when given, makes a re-import update the row.
 */
export async function importOpportunities(db: Db, reference: ReferenceData, table: Table, opts: ImportOptions = {}): Promise<ImportReport> {
  const locale = opts.locale ?? 'en';
  const dryRun = opts.dryRun ?? false;
  const transfer = createTransferRepository(db);
  const report: ImportReport = { entity: 'opportunities', file: table.fileName, dryRun, ok: false, rows: table.rows.length, created: 0, updated: 0, errors: [] };

  const header = checkHeader(OPPORTUNITY_COLUMNS, table, locale);
  if (header.errors.length) return { ...report, errors: header.errors };
  const errors: ImportIssue[] = extraCellIssues(table, locale);
  const issue = (row: number, column: string | null, message: string) => errors.push({ row, column, message });

  const parsedRows = table.rows.map(({ row, cells }) => ({ row, ...rowToCandidate(header.matched, cells) }));
  const orgSlugs = [...new Set(parsedRows.map((r) => r.refs.organisation).filter((s): s is string => typeof s === 'string'))];
  const organisations = await transfer.organisationsBySlug(orgSlugs);

  const valid: Array<{ row: number; ref: string | null; input: OpportunityInput }> = [];
  const rowOfRef = new Map<string, number>();
  for (const { row, candidate, refs } of parsedRows) {
    const ref = typeof refs.ref === 'string' ? refs.ref : null;
    if (ref !== null && ref.length > 200) issue(row, 'ref', importMessage(locale, 'invalid_ref'));
    else if (ref !== null && rowOfRef.has(ref)) issue(row, 'ref', importMessage(locale, 'duplicate_key', { key: ref, row: rowOfRef.get(ref)! }));
    else if (ref !== null) rowOfRef.set(ref, row);

    const slug = typeof refs.organisation === 'string' ? refs.organisation : null;
    const organisationId = slug ? organisations.get(slug)?.id : undefined;
    if (!slug) issue(row, 'organisation', importMessage(locale, 'organisation_required'));
    else if (!organisationId) issue(row, 'organisation', importMessage(locale, 'unknown_organisation', { slug }));

    // Empty title and description objects make zod say "write this in at least one language".
    const withOrg = { title: {}, description: {}, ...candidate, organisationId: organisationId ?? PLACEHOLDER_ID };
    const { data, errors: rowErrors } = validateRow(OpportunityInput, withOrg, OPPORTUNITY_COLUMNS, row, locale, { organisationId: 'organisation' });
    errors.push(...rowErrors, ...unknownCodeIssues(reference, candidate, row, locale));
    if (!data) continue;
    for (const e of checkConcepts(reference, data)) issue(row, columnForPath(OPPORTUNITY_COLUMNS, e.path), fieldMessage(locale, e.key));
    valid.push({ row, ref, input: data });
  }
  if (errors.length) return { ...report, errors: errors.sort((a, b) => a.row - b.row) };

  const existingRefs = await transfer.existingRefs([...rowOfRef.keys()].map((r) => IMPORT_REF_PREFIX + r));
  const updated = valid.filter((r) => r.ref !== null && existingRefs.has(IMPORT_REF_PREFIX + r.ref)).length;
  const failure = await writeInOneTransaction(db, dryRun, async (tx) => {
    const opportunities = createOpportunityRepository(tx);
    for (const r of valid) {
      const write = toOpportunityWrite(r.input, { externalRef: r.ref === null ? null : IMPORT_REF_PREFIX + r.ref });
      await forRow(r.row, () => (r.ref === null ? opportunities.insert(write, tx) : opportunities.upsertByRef(write, tx)));
    }
    await createTransferRepository(tx).recordImportRun('opportunities', table.fileName, valid.length, tx);
  });
  if (failure) {
    return { ...report, errors: [{ row: failure.failedRow, column: null, message: importMessage(locale, 'write_failed', { detail: failure.detail }) }] };
  }
  return { ...report, ok: true, created: valid.length - updated, updated };
}
