import type { Queryable } from '../../db/client';
import type { OrganisationRow } from '../organisations/organisation.repository';

export interface OpportunityRow {
  id: string;
  organisation_id: string;
  direction: string;
  type: string;
  title: Record<string, string>;
  description: Record<string, string>;
  sectors: string[];
  products: string[];
  target_countries: string[];
  target_regions: string[];
  min_order_quantity: number | null;
  min_order_unit: string | null;
  budget_min: number | null;
  budget_max: number | null;
  budget_currency: string | null;
  required_certifications: string[];
  starts_on: string | null;
  ends_on: string | null;
  status: string;
  effective_status: string;
  expires_on: string | null;
  concepts_added: string[];
  concepts_removed: string[];
  is_example: boolean;
  is_synthetic: boolean;
  external_ref: string | null;
  created_at: Date;
  updated_at: Date;
  /** created_at to the microsecond, for keyset cursors (a JS Date keeps only milliseconds). */
  created_key: string;
  org: OrganisationRow;
}

export interface OpportunityWrite {
  organisation_id: string;
  direction: string;
  type: string;
  title: Record<string, string>;
  description: Record<string, string>;
  sectors: string[];
  sector_index: string[];
  products: string[];
  product_index: string[];
  target_countries: string[];
  target_regions: string[];
  min_order_quantity: number | null;
  min_order_unit: string | null;
  budget_min: number | null;
  budget_max: number | null;
  budget_currency: string | null;
  required_certifications: string[];
  starts_on: string | null;
  ends_on: string | null;
  status: string;
  expires_on: string | null;
  concepts_added: string[];
  concepts_removed: string[];
  is_example: boolean;
  is_synthetic: boolean;
  external_ref: string | null;
  created_by: string | null;
  search_terms: string[];
}

/** Every written column except the search vector; shared with the bulk loader in transfer/. */
export const OPPORTUNITY_WRITE_COLUMNS = [
  'organisation_id', 'direction', 'type', 'title', 'description', 'sectors', 'sector_index',
  'products', 'product_index', 'target_countries', 'target_regions', 'min_order_quantity',
  'min_order_unit', 'budget_min', 'budget_max', 'budget_currency', 'required_certifications',
  'starts_on', 'ends_on', 'status', 'expires_on', 'concepts_added', 'concepts_removed', 'is_example',
  'is_synthetic', 'external_ref', 'created_by',
] as const satisfies ReadonlyArray<keyof OpportunityWrite>;
const WRITE_COLUMNS = OPPORTUNITY_WRITE_COLUMNS;

function writeValues(w: OpportunityWrite): unknown[] {
  return [
    ...WRITE_COLUMNS.map((c) => (c === 'title' || c === 'description' ? JSON.stringify(w[c]) : w[c])),
    w.search_terms,
  ];
}

// The organisation travels with each opportunity as one JSON value, so a page is one query.
const SELECT = `select p.id, p.organisation_id, p.direction, p.type, p.title, p.description, p.sectors,
  p.products, p.target_countries, p.target_regions, p.min_order_quantity, p.min_order_unit,
  p.budget_min, p.budget_max, p.budget_currency, p.required_certifications,
  to_char(p.starts_on, 'YYYY-MM-DD') as starts_on, to_char(p.ends_on, 'YYYY-MM-DD') as ends_on,
  p.status, to_char(p.expires_on, 'YYYY-MM-DD') as expires_on, p.concepts_added, p.concepts_removed,
  p.is_example, p.is_synthetic,
  p.external_ref, p.created_at, p.updated_at,
  to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key,
  case when p.status = 'open' and p.expires_on < $1::date then 'expired' else p.status end as effective_status,
  jsonb_build_object('id', o.id, 'slug', o.slug, 'kind', o.kind, 'legal_name', o.legal_name,
    'names', o.names, 'country', o.country, 'region', o.region, 'city', o.city,
    'sectors', to_jsonb(o.sectors), 'description', o.description, 'logo_url', o.logo_url, 'logo_sha256', o.logo_sha256,
    'is_demo', o.is_demo, 'is_synthetic', o.is_synthetic, 'listed', o.listed,
    'hidden_fields', to_jsonb(o.hidden_fields)) as org
  from opportunities p join organisations o on o.id = p.organisation_id`;

export interface OpportunityFilter {
  today: string;
  q: string | null;
  types: string[] | null;
  direction: string | null;
  countries: string[] | null;
  region: string | null;
  sectors: string[] | null;
  products: string[] | null;
  organisationId: string | null;
  statuses: string[];
  /** Organisations whose drafts the viewer may see; null = all (administrator). */
  draftOrgs: string[] | null;
  synthetic: 'include' | 'only' | 'exclude';
  after: { createdAt: string; id: string } | null;
  limit: number;
}

export function createOpportunityRepository(db: Queryable) {
  return {
    async insert(w: OpportunityWrite, tx: Queryable = db): Promise<string> {
      const ph = WRITE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
      const { rows } = await tx.query<{ id: string }>(
        `insert into opportunities (${WRITE_COLUMNS.join(', ')}, search)
         values (${ph}, array_to_tsvector($${WRITE_COLUMNS.length + 1}::text[])) returning id`,
        writeValues(w),
      );
      return rows[0]!.id;
    },

    async update(id: string, w: OpportunityWrite, tx: Queryable = db): Promise<void> {
      const sets = WRITE_COLUMNS.map((c, i) => `${c} = $${i + 1}`).join(', ');
      await tx.query(
        `update opportunities set ${sets}, search = array_to_tsvector($${WRITE_COLUMNS.length + 1}::text[]),
         updated_at = now() where id = $${WRITE_COLUMNS.length + 2}`,
        [...writeValues(w), id],
      );
    },

    async upsertByRef(w: OpportunityWrite, tx: Queryable = db): Promise<string> {
      const ph = WRITE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
      const sets = WRITE_COLUMNS.filter((c) => c !== 'external_ref' && c !== 'created_by')
        .map((c) => `${c} = excluded.${c}`)
        .join(', ');
      const { rows } = await tx.query<{ id: string }>(
        `insert into opportunities (${WRITE_COLUMNS.join(', ')}, search)
         values (${ph}, array_to_tsvector($${WRITE_COLUMNS.length + 1}::text[]))
         on conflict (external_ref) do update set ${sets}, search = excluded.search, updated_at = now()
         returning id`,
        writeValues(w),
      );
      return rows[0]!.id;
    },

    async findById(id: string, today: string): Promise<OpportunityRow | null> {
      const { rows } = await db.query<OpportunityRow>(`${SELECT} where p.id = $2`, [today, id]);
      return rows[0] ?? null;
    },

    async list(f: OpportunityFilter): Promise<OpportunityRow[]> {
      const params: unknown[] = [f.today];
      const p = (v: unknown) => {
        params.push(v);
        return `$${params.length}`;
      };
      const eff = `(case when p.status = 'open' and p.expires_on < $1::date then 'expired' else p.status end)`;
      const where: string[] = [`${eff} = any(${p(f.statuses)}::text[])`];
      // Drafts are private to their organisation; everything else needs a listed organisation.
      if (f.draftOrgs === null) where.push('true');
      else where.push(`(o.listed and p.status <> 'draft') or p.organisation_id = any(${p(f.draftOrgs)}::uuid[])`);
      if (f.q) where.push(`p.search @@ ${p(f.q)}::tsquery`);
      if (f.types) where.push(`p.type = any(${p(f.types)}::text[])`);
      if (f.direction) where.push(`p.direction = ${p(f.direction)}`);
      if (f.countries) where.push(`o.country = any(${p(f.countries)}::text[])`);
      if (f.region) where.push(`lower(o.region) = lower(${p(f.region)})`);
      if (f.sectors) where.push(`p.sector_index && ${p(f.sectors)}::text[]`);
      if (f.products) where.push(`p.product_index && ${p(f.products)}::text[]`);
      if (f.organisationId) where.push(`p.organisation_id = ${p(f.organisationId)}`);
      if (f.synthetic === 'exclude') where.push('not p.is_synthetic');
      if (f.synthetic === 'only') where.push('p.is_synthetic');
      if (f.after) where.push(`(p.created_at, p.id) < (${p(f.after.createdAt)}::timestamptz, ${p(f.after.id)}::uuid)`);
      const { rows } = await db.query<OpportunityRow>(
        `${SELECT} where ${where.map((w) => `(${w})`).join(' and ')}
         order by p.created_at desc, p.id desc limit ${p(f.limit)}`,
        params,
      );
      return rows;
    },
  };
}

export type OpportunityRepository = ReturnType<typeof createOpportunityRepository>;
