/**
 * The spreadsheet columns of organisation and opportunity files, shared by import and export so
 * that an export re-imports cleanly. Documented in docs/import-format.md.
 *
 * Each column maps to a path in the zod input (`names.it`, `sectors`) or, for keys and references
 * that are not part of the input (`slug`, `member_of`, `ref`, `organisation`), to no path.
 */

export type CellKind = 'text' | 'list' | 'int' | 'number' | 'bool' | 'date';

export interface ColumnDef {
  name: string;
  kind: CellKind;
  /** Dotted path in OrganisationInput / OpportunityInput; null for keys and references. */
  path: string | null;
}

const col = (name: string, kind: CellKind, path: string | null = name): ColumnDef => ({ name, kind, path });

export const ORGANISATION_COLUMNS: ColumnDef[] = [
  col('slug', 'text', null),
  col('kind', 'text'),
  col('legal_name', 'text', 'legalName'),
  col('name_it', 'text', 'names.it'),
  col('name_zh', 'text', 'names.zh'),
  col('name_en', 'text', 'names.en'),
  col('country', 'text'),
  col('region', 'text'),
  col('city', 'text'),
  col('website', 'text'),
  col('size_band', 'text', 'sizeBand'),
  col('founded_year', 'int', 'foundedYear'),
  col('sectors', 'list'),
  col('products', 'list'),
  col('languages', 'list'),
  col('certifications', 'list'),
  col('description_it', 'text', 'description.it'),
  col('description_zh', 'text', 'description.zh'),
  col('description_en', 'text', 'description.en'),
  col('data_region', 'text', 'dataRegion'),
  col('listed', 'bool'),
  col('contact_email', 'text', 'contactEmail'),
  col('contact_phone', 'text', 'contactPhone'),
  // Not in the original column list, but without them a round trip would lose a logo and,
  // worse, publish fields an organisation chose to hide.
  col('logo_url', 'text', 'logoUrl'),
  col('hidden_fields', 'list', 'hiddenFields'),
  col('member_of', 'list', null),
];

export const OPPORTUNITY_COLUMNS: ColumnDef[] = [
  col('ref', 'text', null),
  col('organisation', 'text', null),
  col('direction', 'text'),
  col('type', 'text'),
  col('title_it', 'text', 'title.it'),
  col('title_zh', 'text', 'title.zh'),
  col('title_en', 'text', 'title.en'),
  col('description_it', 'text', 'description.it'),
  col('description_zh', 'text', 'description.zh'),
  col('description_en', 'text', 'description.en'),
  col('sectors', 'list'),
  col('products', 'list'),
  col('target_countries', 'list', 'targetCountries'),
  col('target_regions', 'list', 'targetRegions'),
  col('min_order_quantity', 'int', 'minOrderQuantity'),
  col('min_order_unit', 'text', 'minOrderUnit'),
  col('budget_min', 'number', 'budgetMin'),
  col('budget_max', 'number', 'budgetMax'),
  col('budget_currency', 'text', 'budgetCurrency'),
  col('required_certifications', 'list', 'requiredCertifications'),
  col('starts_on', 'date', 'startsOn'),
  col('ends_on', 'date', 'endsOn'),
  col('status', 'text'),
  col('expires_on', 'date', 'expiresOn'),
  col('concepts_added', 'list', 'conceptsAdded'),
  col('concepts_removed', 'list', 'conceptsRemoved'),
];

/** Separator between the items of a list cell (sectors, products, languages …). */
export const LIST_SEPARATOR = '|';

export type CellValue = string | number | boolean | string[] | null;

const TRUE = new Set(['true', 'yes', 'y', '1', 'sì', 'si', 'vero', '是']);
const FALSE = new Set(['false', 'no', 'n', '0', 'falso', '否']);

/**
 * A cell as typed input for zod, or undefined when empty. Text that does not parse as the
 * column's type is passed through unchanged so that zod reports it in the reader's language.
 */
export function parseCell(kind: CellKind, raw: string): unknown {
  const s = raw.trim();
  if (s === '') return undefined;
  switch (kind) {
    case 'text':
      return s;
    case 'list':
      return s.split(LIST_SEPARATOR).map((x) => x.trim()).filter(Boolean);
    case 'int':
      return /^[+-]?\d+$/.test(s) ? Number(s) : s;
    case 'number': {
      // Italian spreadsheets write a decimal comma: 1500,50.
      const n = /^[+-]?\d+,\d+$/.test(s) ? s.replace(',', '.') : s;
      return /^[+-]?\d+(\.\d+)?$/.test(n) ? Number(n) : s;
    }
    case 'bool': {
      const l = s.toLowerCase();
      return TRUE.has(l) ? true : FALSE.has(l) ? false : s;
    }
    case 'date': {
      const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
      return dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : s;
    }
  }
}

/** A value for CSV and XLSX cells: lists joined by `|`, booleans as true/false. */
export function formatCell(v: CellValue): string | number {
  if (v === null) return '';
  if (Array.isArray(v)) return v.join(LIST_SEPARATOR);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let obj = target;
  for (const k of keys.slice(0, -1)) obj = (obj[k] ??= {}) as Record<string, unknown>;
  obj[keys[keys.length - 1]!] = value;
}

export function getPath(source: unknown, path: string): unknown {
  let v: unknown = source;
  for (const k of path.split('.')) v = v == null ? undefined : (v as Record<string, unknown>)[k];
  return v;
}

/** Builds the zod candidate from a row; keys and references are returned by column name. */
export function rowToCandidate(columns: ColumnDef[], cells: string[]): { candidate: Record<string, unknown>; refs: Record<string, unknown> } {
  const candidate: Record<string, unknown> = {};
  const refs: Record<string, unknown> = {};
  columns.forEach((c, i) => {
    const value = c.name === '' ? undefined : parseCell(c.kind, cells[i] ?? '');
    if (value === undefined) return;
    if (c.path) setPath(candidate, c.path, value);
    else refs[c.name] = value;
  });
  return { candidate, refs };
}

/**
 * The column a zod issue path belongs to: `names.it` → name_it, `sectors.1` → sectors; a rule on
 * a whole object (`title`: at least one language) names all its columns.
 */
export function columnForPath(columns: ColumnDef[], path: string): string | null {
  const segments = path.split('.').filter(Boolean);
  for (let n = segments.length; n > 0; n--) {
    const prefix = segments.slice(0, n).join('.');
    const exact = columns.find((c) => c.path === prefix);
    if (exact) return exact.name;
    const children = columns.filter((c) => c.path?.startsWith(`${prefix}.`));
    if (children.length) return children.map((c) => c.name).join('/');
  }
  return null;
}

/** Header cells → column definitions, case-insensitively; unknown and repeated names reported. */
export function matchHeader(
  columns: ColumnDef[],
  headers: string[],
): { matched: ColumnDef[]; unknown: string[]; repeated: string[] } {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const matched: ColumnDef[] = [];
  const unknown: string[] = [];
  const repeated: string[] = [];
  const seen = new Set<string>();
  for (const h of headers) {
    const name = h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
    const def = byName.get(name);
    // Spreadsheets often carry trailing columns with no header; they are ignored.
    if (name === '') matched.push({ name: '', kind: 'text', path: null });
    if (name === '') continue;
    if (!def) unknown.push(h.trim());
    else if (seen.has(name)) repeated.push(name);
    else {
      seen.add(name);
      matched.push(def);
      continue;
    }
    // Keeps positions aligned with the cells; the caller refuses the file anyway.
    matched.push({ name, kind: 'text', path: null });
  }
  return { matched, unknown, repeated };
}
