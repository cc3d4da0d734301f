import { createHash } from 'node:crypto';
import { GROUPING_KINDS, OrganisationInput } from '../../../contracts/organisation';
import type { Db } from '../../db/client';
import { slugify } from '../../domain/organisations/slug';
import { createOrganisationRepository } from '../organisations/organisation.repository';
import { toOrganisationWrite } from '../organisations/organisation.service';
import type { ReferenceData } from '../reference/reference-data';
import { importMessage } from './import-messages';
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
import { ORGANISATION_COLUMNS, rowToCandidate } from './transfer-columns';
import { createTransferRepository } from './transfer.repository';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

interface ValidRow {
  row: number;
  slug: string | null;
  input: OrganisationInput;
  /** undefined when the file has no member_of column: memberships are then left as they are. */
  memberOf: string[] | undefined;
}

/**
 * Imports organisations from a table: all rows or none. Rows are keyed by slug (an existing slug
 * is updated, every field replaced by the file's); rows without a slug get a new one. member_of
 * may name districts in the database or anywhere in the same file.
 */
export async function importOrganisations(db: Db, reference: ReferenceData, table: Table, opts: ImportOptions = {}): Promise<ImportReport> {
  const locale = opts.locale ?? 'en';
  const dryRun = opts.dryRun ?? false;
  const transfer = createTransferRepository(db);
  const report: ImportReport = { entity: 'organisations', file: table.fileName, dryRun, ok: false, rows: table.rows.length, created: 0, updated: 0, errors: [] };

  const header = checkHeader(ORGANISATION_COLUMNS, table, locale);
  if (header.errors.length) return { ...report, errors: header.errors };
  const hasMemberOf = header.matched.some((c) => c.name === 'member_of');
  const errors: ImportIssue[] = extraCellIssues(table, locale);
  const issue = (row: number, column: string | null, message: string) => errors.push({ row, column, message });

  const valid: ValidRow[] = [];
  const rowOfSlug = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const { candidate, refs } = rowToCandidate(header.matched, cells);
    const slug = typeof refs.slug === 'string' ? refs.slug : null;
    if (slug !== null && !SLUG.test(slug)) issue(row, 'slug', importMessage(locale, 'invalid_slug'));
    else if (slug !== null && rowOfSlug.has(slug)) issue(row, 'slug', importMessage(locale, 'duplicate_key', { key: slug, row: rowOfSlug.get(slug)! }));
    else if (slug !== null) rowOfSlug.set(slug, row);

    const { data, errors: rowErrors } = validateRow(OrganisationInput, candidate, ORGANISATION_COLUMNS, row, locale);
    errors.push(...rowErrors, ...unknownCodeIssues(reference, candidate, row, locale));
    if (!data) continue;
    valid.push({ row, slug, input: data, memberOf: hasMemberOf ? ((refs.member_of as string[] | undefined) ?? []) : undefined });
  }

  const referenced = valid.flatMap((r) => r.memberOf ?? []);
  const existing = await transfer.organisationsBySlug([...new Set([...rowOfSlug.keys(), ...referenced])]);
  const kindInFile = new Map(valid.filter((r) => r.slug).map((r) => [r.slug!, r.input.kind]));
  for (const r of valid) {
    for (const district of r.memberOf ?? []) {
      const kind = kindInFile.get(district) ?? existing.get(district)?.kind;
      if (district === r.slug) issue(r.row, 'member_of', importMessage(locale, 'self_member'));
      else if (!kind) issue(r.row, 'member_of', importMessage(locale, 'unknown_district', { slug: district }));
      else if (!GROUPING_KINDS.includes(kind as never)) issue(r.row, 'member_of', importMessage(locale, 'not_a_district', { slug: district }));
    }
  }
  if (errors.length) return { ...report, errors: errors.sort((a, b) => a.row - b.row) };

  const slugs = await assignSlugs(valid, new Set(rowOfSlug.keys()), transfer);
  const created = valid.filter((r) => !existing.has(slugs.get(r)!)).length;
  const failure = await writeInOneTransaction(db, dryRun, async (tx) => {
    const orgs = createOrganisationRepository(tx);
    const txTransfer = createTransferRepository(tx);
    const ids = new Map<string, string>();
    const sources = [{ title: `Import: ${table.fileName}`, url: null, note: null }];
    for (const r of valid) {
      const slug = slugs.get(r)!;
      ids.set(slug, await forRow(r.row, () => orgs.upsertBySlug(toOrganisationWrite(r.input, { slug, sources }), tx)));
    }
    for (const r of valid) {
      if (r.memberOf === undefined) continue;
      const districtIds = r.memberOf.map((s) => ids.get(s) ?? existing.get(s)!.id);
      await forRow(r.row, () => txTransfer.replaceMemberships(ids.get(slugs.get(r)!)!, districtIds, tx));
    }
    await txTransfer.recordImportRun('organisations', table.fileName, valid.length, tx);
  });
  if (failure) {
    return { ...report, errors: [{ row: failure.failedRow, column: null, message: importMessage(locale, 'write_failed', { detail: failure.detail }) }] };
  }
  return { ...report, ok: true, created, updated: valid.length - created };
}

/** Rows without a slug get one from their name, free in the database and in the file. */
async function assignSlugs(rows: ValidRow[], fileSlugs: Set<string>, transfer: ReturnType<typeof createTransferRepository>) {
  const slugs = new Map<ValidRow, string>();
  const taken = new Set(fileSlugs);
  for (const r of rows) {
    if (r.slug) {
      slugs.set(r, r.slug);
      continue;
    }
    const name = r.input.names.en ?? r.input.names.it ?? r.input.legalName;
    // Chinese-only names have no Latin letters; a short hash of the legal name stays stable.
    const base = slugify(name, `org-${createHash('sha1').update(r.input.legalName).digest('hex').slice(0, 8)}`);
    const inDb = await transfer.slugsLike(base);
    let candidate = base;
    for (let n = 2; taken.has(candidate) || inDb.has(candidate); n++) candidate = `${base}-${n}`;
    taken.add(candidate);
    slugs.set(r, candidate);
  }
  return slugs;
}
