import type { Queryable } from '../../db/client';
import { OPPORTUNITY_WRITE_COLUMNS, type OpportunityRow, type OpportunityWrite } from '../opportunities/opportunity.repository';
import { ORGANISATION_WRITE_COLUMNS, type OrganisationRow, type OrganisationWrite } from '../organisations/organisation.repository';

// The write column lists live with their repositories; the checks below fail the type check if a
// column is added to a write type and not to its list.
const ORG_COLUMNS = ORGANISATION_WRITE_COLUMNS;
const OPP_COLUMNS = OPPORTUNITY_WRITE_COLUMNS;
type Exhaustive<T extends never> = T;
export type OrgColumnsComplete = Exhaustive<Exclude<keyof OrganisationWrite, (typeof ORG_COLUMNS)[number] | 'search_terms'>>;
export type OppColumnsComplete = Exhaustive<Exclude<keyof OpportunityWrite, (typeof OPP_COLUMNS)[number] | 'search_terms'>>;

const JSON_COLUMNS = new Set<string>(['names', 'description', 'sources', 'title']);

/** Multi-row VALUES list: one statement for many rows is what makes 100,000 rows load in minutes. */
function valuesList<W extends { search_terms: string[] }>(rows: W[], columns: ReadonlyArray<keyof W & string>) {
  const params: unknown[] = [];
  const tuples = rows.map((w) => {
    const ph = columns.map((c) => {
      const v = w[c];
      params.push(JSON_COLUMNS.has(c) ? JSON.stringify(v) : v);
      return `$${params.length}`;
    });
    params.push(w.search_terms);
    return `(${ph.join(', ')}, array_to_tsvector($${params.length}::text[]))`;
  });
  return { sql: tuples.join(',\n'), params };
}

export interface ExportOrganisationRow extends OrganisationRow {
  member_of: string[];
}

/** The stored opportunity columns an export needs, with the organisation as its slug. */
export type ExportOpportunityRow = Pick<
  OpportunityRow,
  | 'id' | 'external_ref' | 'direction' | 'type' | 'title' | 'description' | 'sectors' | 'products'
  | 'target_countries' | 'target_regions' | 'min_order_quantity' | 'min_order_unit' | 'budget_min'
  | 'budget_max' | 'budget_currency' | 'required_certifications' | 'starts_on' | 'ends_on' | 'status'
  | 'expires_on' | 'concepts_added' | 'concepts_removed'
> & { organisation: string };

export function createTransferRepository(db: Queryable) {
  return {
    async organisationsBySlug(slugs: string[], tx: Queryable = db): Promise<Map<string, { id: string; kind: string }>> {
      if (slugs.length === 0) return new Map();
      const { rows } = await tx.query<{ id: string; slug: string; kind: string }>(
        'select id, slug, kind from organisations where slug = any($1::text[])',
        [slugs],
      );
      return new Map(rows.map((r) => [r.slug, { id: r.id, kind: r.kind }]));
    },

    /** Slugs equal to `base` or `base-<n>`, to pick a free one. */
    async slugsLike(base: string): Promise<Set<string>> {
      const { rows } = await db.query<{ slug: string }>(
        `select slug from organisations where slug = $1 or (slug like $1 || '-%' and substr(slug, length($1) + 2) ~ '^[0-9]+$')`,
        [base],
      );
      return new Set(rows.map((r) => r.slug));
    },

    async slugsWithPrefix(prefix: string): Promise<string[]> {
      const { rows } = await db.query<{ slug: string }>(
        `select slug from organisations where starts_with(slug, $1)`,
        [prefix],
      );
      return rows.map((r) => r.slug);
    },

    async existingRefs(refs: string[]): Promise<Set<string>> {
      if (refs.length === 0) return new Set();
      const { rows } = await db.query<{ external_ref: string }>(
        'select external_ref from opportunities where external_ref = any($1::text[])',
        [refs],
      );
      return new Set(rows.map((r) => r.external_ref));
    },

    async replaceMemberships(memberId: string, districtIds: string[], tx: Queryable): Promise<void> {
      await tx.query('delete from district_members where member_id = $1', [memberId]);
      if (districtIds.length === 0) return;
      await tx.query(
        `insert into district_members (district_id, member_id)
         select d, $1 from unnest($2::uuid[]) as d on conflict do nothing`,
        [memberId, districtIds],
      );
    },

    async recordImportRun(entity: 'organisations' | 'opportunities', fileName: string, rows: number, tx: Queryable): Promise<string> {
      const { rows: r } = await tx.query<{ id: string }>(
        'insert into import_runs (entity, file_name, rows_imported) values ($1, $2, $3) returning id',
        [entity, fileName, rows],
      );
      return r[0]!.id;
    },

    /** Inserts organisations; rows whose slug exists are skipped. Returns the inserted ones. */
    async insertOrganisations(writes: OrganisationWrite[], tx: Queryable): Promise<Array<{ id: string; slug: string }>> {
      if (writes.length === 0) return [];
      const { sql, params } = valuesList(writes, ORG_COLUMNS);
      const { rows } = await tx.query<{ id: string; slug: string }>(
        `insert into organisations (${ORG_COLUMNS.join(', ')}, search) values ${sql}
         on conflict (slug) do nothing returning id, slug`,
        params,
      );
      return rows;
    },

    /** Inserts opportunities; rows whose external_ref exists are skipped. Returns how many were inserted. */
    async insertOpportunities(writes: OpportunityWrite[], tx: Queryable): Promise<number> {
      if (writes.length === 0) return 0;
      const { sql, params } = valuesList(writes, OPP_COLUMNS);
      const { rows } = await tx.query(
        `insert into opportunities (${OPP_COLUMNS.join(', ')}, search) values ${sql}
         on conflict (external_ref) do nothing returning 1`,
        params,
      );
      return rows.length;
    },

    /** One page of organisations in slug order, with the slugs of the districts they belong to. */
    async organisationPage(afterSlug: string, limit: number, includeSynthetic: boolean): Promise<ExportOrganisationRow[]> {
      const { rows } = await db.query<ExportOrganisationRow>(
        `select o.id, o.slug, o.kind, o.legal_name, o.names, o.country, o.region, o.city, o.website, o.size_band,
           o.founded_year, o.sectors, o.products, o.languages, o.certifications, o.description, o.logo_url,
           o.data_region, o.listed, o.hidden_fields, o.contact_email, o.contact_phone, o.sources, o.is_demo,
           o.is_synthetic, o.created_at, o.updated_at,
           array(select d.slug from district_members dm join organisations d on d.id = dm.district_id
                           where dm.member_id = o.id order by d.slug) as member_of
         from organisations o
         where o.slug > $1 and ($2::boolean or not o.is_synthetic)
         order by o.slug limit $3`,
        [afterSlug, includeSynthetic, limit],
      );
      return rows;
    },

    async opportunityPage(afterId: string, limit: number, includeSynthetic: boolean): Promise<ExportOpportunityRow[]> {
      const { rows } = await db.query<ExportOpportunityRow>(
        `select p.id, p.external_ref, o.slug as organisation, p.direction, p.type, p.title, p.description,
           p.sectors, p.products, p.target_countries, p.target_regions, p.min_order_quantity, p.min_order_unit,
           p.budget_min, p.budget_max, p.budget_currency, p.required_certifications,
           to_char(p.starts_on, 'YYYY-MM-DD') as starts_on, to_char(p.ends_on, 'YYYY-MM-DD') as ends_on,
           p.status, to_char(p.expires_on, 'YYYY-MM-DD') as expires_on, p.concepts_added, p.concepts_removed
         from opportunities p join organisations o on o.id = p.organisation_id
         where p.id > $1::uuid and ($2::boolean or not p.is_synthetic)
         order by p.id limit $3`,
        [afterId, includeSynthetic, limit],
      );
      return rows;
    },
  };
}

export type TransferRepository = ReturnType<typeof createTransferRepository>;
