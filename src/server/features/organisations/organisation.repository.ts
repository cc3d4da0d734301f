import type { Queryable } from '../../db/client';
import type { OrganisationSummaryRow } from './organisation.presenter';

/** Row shape of `organisations` as the repository returns it (snake_case from SQL). */
export interface OrganisationRow {
  id: string;
  slug: string;
  kind: string;
  legal_name: string;
  names: Record<string, string>;
  country: string;
  region: string | null;
  city: string | null;
  website: string | null;
  size_band: string | null;
  founded_year: number | null;
  sectors: string[];
  products: string[];
  languages: string[];
  certifications: string[];
  description: Record<string, string>;
  logo_url: string | null;
  logo_sha256: string | null;
  data_region: string;
  listed: boolean;
  hidden_fields: string[];
  contact_email: string | null;
  contact_phone: string | null;
  sources: Array<{ title: string; url: string | null; note: string | null }>;
  is_demo: boolean;
  is_synthetic: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface KeyFactRow {
  id: string;
  label: Record<string, string>;
  value: number;
  unit: string;
  year: number | null;
  source_title: string;
  source_url: string | null;
}

/** Columns written on insert and update; derived columns are computed by the service. */
export interface OrganisationWrite {
  slug: string;
  kind: string;
  legal_name: string;
  names: Record<string, string>;
  country: string;
  region: string | null;
  city: string | null;
  website: string | null;
  size_band: string | null;
  founded_year: number | null;
  sectors: string[];
  sector_index: string[];
  products: string[];
  product_index: string[];
  languages: string[];
  certifications: string[];
  description: Record<string, string>;
  logo_url: string | null;
  data_region: string;
  listed: boolean;
  hidden_fields: string[];
  contact_email: string | null;
  contact_phone: string | null;
  sources: Array<{ title: string; url: string | null; note: string | null }>;
  is_demo: boolean;
  is_synthetic: boolean;
  sort_key: string;
  search_terms: string[];
}

const COLUMNS = `id, slug, kind, legal_name, names, country, region, city, website, size_band,
  founded_year, sectors, products, languages, certifications, description, logo_url, logo_sha256, data_region,
  listed, hidden_fields, contact_email, contact_phone, sources, is_demo, is_synthetic, created_at,
  updated_at`;

const O_COLUMNS = COLUMNS.split(',')
  .map((c) => `o.${c.trim()}`)
  .join(', ');

/** Every written column except the search vector; shared with the bulk loader in transfer/. */
export const ORGANISATION_WRITE_COLUMNS = [
  'slug', 'kind', 'legal_name', 'names', 'country', 'region', 'city', 'website', 'size_band',
  'founded_year', 'sectors', 'sector_index', 'products', 'product_index', 'languages',
  'certifications', 'description', 'logo_url', 'data_region', 'listed', 'hidden_fields',
  'contact_email', 'contact_phone', 'sources', 'is_demo', 'is_synthetic', 'sort_key',
] as const satisfies ReadonlyArray<keyof OrganisationWrite>;
const WRITE_COLUMNS = ORGANISATION_WRITE_COLUMNS;

function writeValues(w: OrganisationWrite): unknown[] {
  return [
    ...WRITE_COLUMNS.map((c) => {
      const v = w[c];
      return c === 'names' || c === 'description' || c === 'sources' ? JSON.stringify(v) : v;
    }),
    w.search_terms,
  ];
}

export interface OrganisationFilter {
  q: string | null;
  kinds: string[] | null;
  countries: string[] | null;
  region: string | null;
  sectors: string[] | null;
  products: string[] | null;
  memberOf: string | null;
  opportunityTypes: string[] | null;
  today: string;
  synthetic: 'include' | 'only' | 'exclude';
  after: { sortKey: string; id: string } | null;
  limit: number;
  /** Only these organisations: the directory index's candidates, re-checked against every filter. */
  ids?: string[] | null;
}

/**
 * A directory page's row: what a summary shows plus the cursor's key. Reading only these columns
 * (no contact details, sources or timestamps) halves the driver's parsing on the busiest endpoint.
 */
export type ListedOrganisationRow = OrganisationSummaryRow & { sort_key: string };
const SUMMARY_COLUMNS = `id, slug, kind, legal_name, names, country, region, city, hidden_fields, sectors, description,
  logo_sha256, logo_url, is_demo, is_synthetic, sort_key`;

export function createOrganisationRepository(db: Queryable) {
  /**
   * The page plus the table's newest updated_at, read in the same statement: an indexed search
   * learns in its one round trip whether another process wrote since the index last synced.
   */
  async function listWithHighWater(f: OrganisationFilter): Promise<{ rows: ListedOrganisationRow[]; highWater: Date | null }> {
    const where: string[] = ['listed'];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.q) where.push(`search @@ ${p(f.q)}::tsquery`);
    // One value is written as '=' so the planner can walk the (kind|country, sort_key, id)
    // index in order; '= any(array)' hides that and made single-country pages 6× slower.
    const oneOrAny = (col: string, vs: string[]) =>
      vs.length === 1 ? `${col} = ${p(vs[0])}` : `${col} = any(${p(vs)}::text[])`;
    if (f.kinds) where.push(oneOrAny('kind', f.kinds));
    if (f.countries) where.push(oneOrAny('country', f.countries));
    if (f.region) where.push(`lower(region) = lower(${p(f.region)})`);
    if (f.sectors) where.push(`sector_index && ${p(f.sectors)}::text[]`);
    if (f.products) where.push(`product_index && ${p(f.products)}::text[]`);
    if (f.memberOf) {
      where.push(`exists (select 1 from district_members dm
        where dm.district_id = ${p(f.memberOf)} and dm.member_id = organisations.id)`);
    }
    if (f.opportunityTypes) {
      where.push(`exists (select 1 from opportunities op where op.organisation_id = organisations.id
        and op.type = any(${p(f.opportunityTypes)}::text[]) and op.status = 'open'
        and (op.expires_on is null or op.expires_on >= ${p(f.today)}::date))`);
    }
    if (f.synthetic === 'exclude') where.push('not is_synthetic');
    if (f.synthetic === 'only') where.push('is_synthetic');
    if (f.after) where.push(`(sort_key, id) > (${p(f.after.sortKey)}, ${p(f.after.id)}::uuid)`);
    if (!f.ids) {
      const page = `select ${SUMMARY_COLUMNS} from organisations where ${where.join(' and ')} order by sort_key, id limit ${p(f.limit)}`;
      return { rows: (await db.query<ListedOrganisationRow>(page, params)).rows, highWater: null };
    }
    if (f.ids.length === 0) {
      const { rows } = await db.query<{ high_water: Date | null }>('select max(updated_at) as high_water from organisations');
      return { rows: [], highWater: rows[0]?.high_water ?? null };
    }
    // The candidates are read by primary key first (a materialised CTE), then every filter is
    // re-checked on those few rows: left to itself the planner ANDed in the GIN index of the words
    // (reading thousands of entries) and spent longer planning than executing. Every row carries
    // the newest updated_at; when none comes back the caller re-syncs anyway (fewer rows than ids).
    const { rows } = await db.query<ListedOrganisationRow & { high_water: Date | null }>(
      `with candidates as materialized (select * from organisations where id = any(${p(f.ids)}::uuid[]))
       select ${SUMMARY_COLUMNS}, (select max(updated_at) from organisations) as high_water
       from candidates as organisations
       where ${where.join(' and ')} order by sort_key, id limit ${p(f.limit)}`,
      params,
    );
    return { rows, highWater: rows[0]?.high_water ?? null };
  }

  return {
    async insert(w: OrganisationWrite, tx: Queryable = db): Promise<string> {
      const placeholders = WRITE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
      const { rows } = await tx.query<{ id: string }>(
        `insert into organisations (${WRITE_COLUMNS.join(', ')}, search)
         values (${placeholders}, array_to_tsvector($${WRITE_COLUMNS.length + 1}::text[]))
         returning id`,
        writeValues(w),
      );
      return rows[0]!.id;
    },

    async update(id: string, w: OrganisationWrite, tx: Queryable = db): Promise<void> {
      const sets = WRITE_COLUMNS.map((c, i) => `${c} = $${i + 1}`).join(', ');
      await tx.query(
        `update organisations set ${sets}, search = array_to_tsvector($${WRITE_COLUMNS.length + 1}::text[]),
           updated_at = now()
         where id = $${WRITE_COLUMNS.length + 2}`,
        [...writeValues(w), id],
      );
    },

    /** Inserts or, when the slug exists, updates; used by demo loading and imports. */
    async upsertBySlug(w: OrganisationWrite, tx: Queryable = db): Promise<string> {
      const placeholders = WRITE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
      const sets = WRITE_COLUMNS.filter((c) => c !== 'slug')
        .map((c) => `${c} = excluded.${c}`)
        .join(', ');
      const { rows } = await tx.query<{ id: string }>(
        `insert into organisations (${WRITE_COLUMNS.join(', ')}, search)
         values (${placeholders}, array_to_tsvector($${WRITE_COLUMNS.length + 1}::text[]))
         on conflict (slug) do update set ${sets}, search = excluded.search, updated_at = now()
         returning id`,
        writeValues(w),
      );
      return rows[0]!.id;
    },

    async findById(id: string, tx: Queryable = db): Promise<OrganisationRow | null> {
      const { rows } = await tx.query<OrganisationRow>(`select ${COLUMNS} from organisations where id = $1`, [id]);
      return rows[0] ?? null;
    },

    async findBySlug(slug: string, tx: Queryable = db): Promise<OrganisationRow | null> {
      const { rows } = await tx.query<OrganisationRow>(`select ${COLUMNS} from organisations where slug = $1`, [slug]);
      return rows[0] ?? null;
    },

    async slugExists(slug: string): Promise<boolean> {
      const { rows } = await db.query('select 1 from organisations where slug = $1', [slug]);
      return rows.length > 0;
    },

    /** The directory page, by SQL alone or (with `ids`) by re-checking the index's candidates. */
    listWithHighWater,

    async list(f: OrganisationFilter): Promise<ListedOrganisationRow[]> {
      return (await listWithHighWater(f)).rows;
    },

    async members(districtId: string): Promise<OrganisationRow[]> {
      const { rows } = await db.query<OrganisationRow>(
        `select ${O_COLUMNS}
         from district_members dm join organisations o on o.id = dm.member_id
         where dm.district_id = $1 and o.listed order by o.sort_key`,
        [districtId],
      );
      return rows;
    },

    async memberOf(memberId: string): Promise<OrganisationRow[]> {
      const { rows } = await db.query<OrganisationRow>(
        `select ${O_COLUMNS}
         from district_members dm join organisations o on o.id = dm.district_id
         where dm.member_id = $1 and o.listed order by o.sort_key`,
        [memberId],
      );
      return rows;
    },

    async addDistrictMember(districtId: string, memberId: string, tx: Queryable = db): Promise<boolean> {
      const { rows } = await tx.query(
        `insert into district_members (district_id, member_id) values ($1, $2)
         on conflict do nothing returning district_id`,
        [districtId, memberId],
      );
      return rows.length > 0;
    },

    async removeDistrictMember(districtId: string, memberId: string): Promise<void> {
      await db.query('delete from district_members where district_id = $1 and member_id = $2', [districtId, memberId]);
    },

    async keyFacts(orgId: string): Promise<KeyFactRow[]> {
      const { rows } = await db.query<KeyFactRow>(
        `select id, label, value, unit, year, source_title, source_url from key_facts
         where organisation_id = $1 order by position, id`,
        [orgId],
      );
      return rows;
    },

    async replaceKeyFacts(
      orgId: string,
      facts: Array<Omit<KeyFactRow, 'id'>>,
      tx: Queryable = db,
    ): Promise<void> {
      await tx.query('delete from key_facts where organisation_id = $1', [orgId]);
      for (const [i, f] of facts.entries()) {
        await tx.query(
          `insert into key_facts (organisation_id, label, value, unit, year, source_title, source_url, position)
           values ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [orgId, JSON.stringify(f.label), f.value, f.unit, f.year, f.source_title, f.source_url, i],
        );
      }
    },

    async saveLogo(orgId: string, logo: { contentType: string; bytes: Buffer; sha256: string }, tx: Queryable = db): Promise<void> {
      await tx.query(
        `insert into organisation_logos (organisation_id, content_type, bytes, sha256) values ($1, $2, $3, $4)
         on conflict (organisation_id) do update set content_type = excluded.content_type,
           bytes = excluded.bytes, sha256 = excluded.sha256, updated_at = now()`,
        [orgId, logo.contentType, logo.bytes, logo.sha256],
      );
      await tx.query('update organisations set logo_sha256 = $2, updated_at = now() where id = $1', [orgId, logo.sha256]);
    },

    async removeLogo(orgId: string, tx: Queryable = db): Promise<void> {
      await tx.query('delete from organisation_logos where organisation_id = $1', [orgId]);
      await tx.query('update organisations set logo_sha256 = null, logo_url = null, updated_at = now() where id = $1', [orgId]);
    },

    async logo(orgId: string): Promise<{ content_type: string; bytes: Uint8Array; sha256: string } | null> {
      const { rows } = await db.query<{ content_type: string; bytes: Uint8Array; sha256: string }>(
        'select content_type, bytes, sha256 from organisation_logos where organisation_id = $1',
        [orgId],
      );
      return rows[0] ?? null;
    },

    async roleOf(orgId: string, userId: string): Promise<'owner' | 'member' | null> {
      const { rows } = await db.query<{ role: 'owner' | 'member' }>(
        'select role from organisation_members where organisation_id = $1 and user_id = $2',
        [orgId, userId],
      );
      return rows[0]?.role ?? null;
    },

    async addMember(orgId: string, userId: string, role: 'owner' | 'member', tx: Queryable = db): Promise<void> {
      await tx.query(
        `insert into organisation_members (organisation_id, user_id, role) values ($1, $2, $3)
         on conflict (organisation_id, user_id) do update set role = excluded.role`,
        [orgId, userId, role],
      );
    },
  };
}

export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>;
