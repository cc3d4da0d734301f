import type { Queryable } from '../../db/client';

/** What matching reads of an organisation: public fields only (hidden ones are left out). */
export interface MatchOrganisationRow {
  id: string;
  kind: string;
  country: string;
  region: string | null;
  size_band: string | null;
  certifications: string[];
  products: string[];
  sectors: string[];
  legal_name: string;
  names: Record<string, string>;
  description: Record<string, string>;
  listed: boolean;
  updated_at: Date;
}

export interface MatchOpportunityRow {
  id: string;
  organisation_id: string;
  direction: 'offer' | 'request';
  type: string;
  title: Record<string, string>;
  description: Record<string, string>;
  sectors: string[];
  products: string[];
  required_certifications: string[];
  status: string;
  expires_on: string | null;
  concepts_added: string[];
  concepts_removed: string[];
  updated_at: Date;
}

// Hidden fields never feed matching: what an organisation hides from the public must not show
// up in another organisation's recommendations or explanations.
const ORG_SELECT = `select id, kind, country, region,
  case when 'sizeBand' = any(hidden_fields) then null else size_band end as size_band,
  case when 'certifications' = any(hidden_fields) then '{}'::text[] else certifications end as certifications,
  case when 'products' = any(hidden_fields) then '{}'::text[] else products end as products,
  sectors, legal_name, names, description, listed, updated_at from organisations`;

const OPP_SELECT = `select id, organisation_id, direction, type, title, description, sectors, products,
  required_certifications, status, to_char(expires_on, 'YYYY-MM-DD') as expires_on, concepts_added,
  concepts_removed, updated_at
  from opportunities`;

export function createMatchingRepository(db: Queryable) {
  return {
    async countSubjects(): Promise<number> {
      const { rows } = await db.query<{ n: number }>(
        `select (select count(*) from organisations where listed)
              + (select count(*) from opportunities where status <> 'draft') as n`,
      );
      return Number(rows[0]!.n);
    },

    /** Listed organisations in id order, a page at a time (keyset). */
    async organisationsAfter(afterId: string | null, limit: number): Promise<MatchOrganisationRow[]> {
      const { rows } = await db.query<MatchOrganisationRow>(
        `${ORG_SELECT} where listed and ($1::uuid is null or id > $1::uuid) order by id limit $2`,
        [afterId, limit],
      );
      return rows;
    },

    async organisationsByIds(ids: readonly string[]): Promise<MatchOrganisationRow[]> {
      if (!ids.length) return [];
      const { rows } = await db.query<MatchOrganisationRow>(`${ORG_SELECT} where id = any($1::uuid[])`, [ids]);
      return rows;
    },

    /** Published opportunities (open or closed; drafts stay private) in id order. */
    async opportunitiesAfter(afterId: string | null, limit: number): Promise<MatchOpportunityRow[]> {
      const { rows } = await db.query<MatchOpportunityRow>(
        `${OPP_SELECT} where status <> 'draft' and ($1::uuid is null or id > $1::uuid) order by id limit $2`,
        [afterId, limit],
      );
      return rows;
    },

    async opportunitiesOf(organisationIds: readonly string[]): Promise<MatchOpportunityRow[]> {
      if (!organisationIds.length) return [];
      const { rows } = await db.query<MatchOpportunityRow>(
        `${OPP_SELECT} where organisation_id = any($1::uuid[])`,
        [organisationIds],
      );
      return rows;
    },

    async opportunityById(id: string): Promise<MatchOpportunityRow | null> {
      const { rows } = await db.query<MatchOpportunityRow>(`${OPP_SELECT} where id = $1`, [id]);
      return rows[0] ?? null;
    },

    /** Stored embeddings of these subjects for one model. */
    async vectors(keys: readonly string[], model: string): Promise<Map<string, { sha256: string; vector: Float32Array }>> {
      const { rows } = await db.query<{ subject_key: string; text_sha256: string; vector: number[] }>(
        'select subject_key, text_sha256, vector from match_vectors where model = $1 and subject_key = any($2::text[])',
        [model, keys],
      );
      return new Map(rows.map((r) => [r.subject_key, { sha256: r.text_sha256, vector: Float32Array.from(r.vector) }]));
    },

    async saveVector(key: string, model: string, sha256: string, vector: Float32Array): Promise<void> {
      await db.query(
        `insert into match_vectors (subject_key, model, text_sha256, vector) values ($1, $2, $3, $4::real[])
         on conflict (subject_key, model) do update set text_sha256 = excluded.text_sha256, vector = excluded.vector, updated_at = now()`,
        [key, model, sha256, Array.from(vector)],
      );
    },

    /** Ids changed since a moment (organisations and opportunities), for the change feed. */
    async changedSince(since: Date): Promise<{ organisations: string[]; opportunities: string[]; latest: Date | null }> {
      const { rows } = await db.query<{ kind: 'org' | 'opp'; id: string; updated_at: Date }>(
        `select 'org' as kind, id, updated_at from organisations where updated_at > $1
         union all
         select 'opp' as kind, id, updated_at from opportunities where updated_at > $1`,
        [since],
      );
      let latest: Date | null = null;
      for (const r of rows) if (!latest || r.updated_at > latest) latest = r.updated_at;
      return {
        organisations: rows.filter((r) => r.kind === 'org').map((r) => r.id),
        opportunities: rows.filter((r) => r.kind === 'opp').map((r) => r.id),
        latest,
      };
    },
  };
}

export type MatchingRepository = ReturnType<typeof createMatchingRepository>;
