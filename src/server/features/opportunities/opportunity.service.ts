import { OpportunityInput } from '../../../contracts/opportunity';
import type {
  Opportunity,
  OpportunityListQuery,
  OpportunityPage,
  OpportunityPatch,
} from '../../../contracts/opportunity';
import type { Db, Queryable } from '../../db/client';
import { expandCodes, hsAncestors, naceAncestors } from '../../domain/codes/code-ancestors';
import { applyMergePatch } from '../../domain/patch/merge-patch';
import { indexTerms, queryTsquery } from '../../domain/search/search-terms';
import { DomainError, forbidden, invalid, issuesToFields, notFound, unauthenticated } from '../../errors';
import { decodeCursor, encodeCursor } from '../../http/cursor';
import type { Viewer } from '../auth/auth-context';
import { isAdmin } from '../auth/auth-context';
import { presentSummary } from '../organisations/organisation.presenter';
import { checkCodes } from '../organisations/organisation.service';
import type { ReferenceData } from '../reference/reference-data';
import type { OpportunityRow, OpportunityWrite } from './opportunity.repository';
import { createOpportunityRepository } from './opportunity.repository';

export interface OpportunityExtras {
  isExample?: boolean;
  isSynthetic?: boolean;
  externalRef?: string | null;
  createdBy?: string | null;
}

export function toOpportunityWrite(input: OpportunityInput, extras: OpportunityExtras = {}): OpportunityWrite {
  return {
    organisation_id: input.organisationId,
    direction: input.direction,
    type: input.type,
    title: input.title,
    description: input.description,
    sectors: input.sectors,
    sector_index: expandCodes(input.sectors, naceAncestors),
    products: input.products,
    product_index: expandCodes(input.products, hsAncestors),
    target_countries: input.targetCountries,
    target_regions: input.targetRegions,
    min_order_quantity: input.minOrderQuantity ?? null,
    min_order_unit: input.minOrderUnit ?? null,
    budget_min: input.budgetMin ?? null,
    budget_max: input.budgetMax ?? null,
    budget_currency: input.budgetCurrency ?? null,
    required_certifications: input.requiredCertifications,
    starts_on: input.startsOn ?? null,
    ends_on: input.endsOn ?? null,
    status: input.status,
    expires_on: input.expiresOn ?? null,
    concepts_added: input.conceptsAdded ?? [],
    concepts_removed: input.conceptsRemoved ?? [],
    is_example: extras.isExample ?? false,
    is_synthetic: extras.isSynthetic ?? false,
    external_ref: extras.externalRef ?? null,
    created_by: extras.createdBy ?? null,
    search_terms: indexTerms([
      input.title.it, input.title.zh, input.title.en,
      input.description.it, input.description.zh, input.description.en,
      ...input.requiredCertifications, ...input.targetRegions,
    ]),
  };
}

/** The stored fields as input again (everything but the owner); shared with the exporter. */
export type OpportunityFieldsRow = Omit<
  OpportunityRow,
  'organisation_id' | 'org' | 'effective_status' | 'is_example' | 'is_synthetic' | 'created_at' | 'updated_at' | 'created_key' | 'id' | 'external_ref'
>;

export function rowToFields(r: OpportunityFieldsRow): Omit<OpportunityInput, 'organisationId'> {
  const opt = <T>(v: T | null) => (v === null ? undefined : v);
  return {
    direction: r.direction as OpportunityInput['direction'],
    type: r.type as OpportunityInput['type'],
    title: r.title,
    description: r.description,
    sectors: r.sectors,
    products: r.products,
    targetCountries: r.target_countries,
    targetRegions: r.target_regions,
    minOrderQuantity: opt(r.min_order_quantity),
    minOrderUnit: opt(r.min_order_unit),
    budgetMin: opt(r.budget_min),
    budgetMax: opt(r.budget_max),
    budgetCurrency: opt(r.budget_currency),
    requiredCertifications: r.required_certifications,
    startsOn: opt(r.starts_on),
    endsOn: opt(r.ends_on),
    // A stored 'expired' status is only set by imports; editing reopens the choice.
    status: (r.status === 'expired' ? 'closed' : r.status) as OpportunityInput['status'],
    expiresOn: opt(r.expires_on),
    conceptsAdded: r.concepts_added,
    conceptsRemoved: r.concepts_removed,
  };
}

function rowToInput(r: OpportunityRow): OpportunityInput {
  return { organisationId: r.organisation_id, ...rowToFields(r) };
}

export function presentOpportunity(r: OpportunityRow, canEdit: boolean): Opportunity {
  return {
    id: r.id,
    organisation: presentSummary(r.org),
    direction: r.direction as Opportunity['direction'],
    type: r.type as Opportunity['type'],
    title: r.title,
    description: r.description,
    sectors: r.sectors,
    products: r.products,
    targetCountries: r.target_countries,
    targetRegions: r.target_regions,
    minOrderQuantity: r.min_order_quantity,
    minOrderUnit: r.min_order_unit,
    budgetMin: r.budget_min,
    budgetMax: r.budget_max,
    budgetCurrency: r.budget_currency,
    requiredCertifications: r.required_certifications,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    status: r.effective_status as Opportunity['status'],
    expiresOn: r.expires_on,
    conceptsAdded: r.concepts_added,
    conceptsRemoved: r.concepts_removed,
    isExample: r.is_example,
    isSynthetic: r.is_synthetic,
    canEdit,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** Concept corrections must name concepts of the taxonomy: `conceptsAdded.2` → unknown_concept. */
export function checkConcepts(
  ref: ReferenceData,
  v: { conceptsAdded?: readonly string[]; conceptsRemoved?: readonly string[] },
): Array<{ path: string; key: string }> {
  const errors: Array<{ path: string; key: string }> = [];
  for (const field of ['conceptsAdded', 'conceptsRemoved'] as const) {
    v[field]?.forEach((id, i) => ref.hasConcept(id) || errors.push({ path: `${field}.${i}`, key: 'unknown_concept' }));
  }
  return errors;
}

/** Today's date in UTC as YYYY-MM-DD: expiry dates are calendar days, compared in UTC. */
export const isoDay = (now: Date): string => now.toISOString().slice(0, 10);

export function createOpportunityService(deps: { db: Db; reference: ReferenceData; clock: () => Date }) {
  const { db, reference, clock } = deps;
  const repo = createOpportunityRepository(db);

  async function memberOrgIds(viewer: Viewer | null, tx: Queryable = db): Promise<string[]> {
    if (!viewer) return [];
    const { rows } = await tx.query<{ organisation_id: string }>(
      'select organisation_id from organisation_members where user_id = $1',
      [viewer.userId],
    );
    return rows.map((r) => r.organisation_id);
  }

  async function canEdit(orgId: string, viewer: Viewer | null): Promise<boolean> {
    if (!viewer) return false;
    if (isAdmin(viewer)) return true;
    return (await memberOrgIds(viewer)).includes(orgId);
  }

  async function get(id: string, viewer: Viewer | null): Promise<Opportunity> {
    const row = await repo.findById(id, isoDay(clock()));
    if (!row) throw notFound('opportunity');
    const editable = await canEdit(row.organisation_id, viewer);
    const publicVisible = row.org.listed && row.status !== 'draft';
    if (!publicVisible && !editable) throw notFound('opportunity');
    return presentOpportunity(row, editable);
  }

  function checkInput(v: OpportunityInput) {
    const errors = [...checkCodes(reference, v), ...checkConcepts(reference, v)];
    if (errors.length) throw invalid(errors);
  }

  return {
    get,

    async list(q: OpportunityListQuery, viewer: Viewer | null): Promise<OpportunityPage> {
      const after = q.cursor ? decodeCursor(q.cursor) : null;
      const mine = await memberOrgIds(viewer);
      const rows = await repo.list({
        today: isoDay(clock()),
        q: q.q ? queryTsquery(q.q) : null,
        types: q.type ?? null,
        direction: q.direction ?? null,
        countries: q.country ?? null,
        region: q.region ?? null,
        sectors: q.sector ?? null,
        products: q.product ?? null,
        organisationId: q.organisation ?? null,
        statuses: q.status ?? ['open'],
        draftOrgs: isAdmin(viewer) ? null : mine,
        synthetic: q.synthetic,
        after: after ? { createdAt: after[0], id: after[1] } : null,
        limit: q.limit + 1,
      });
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => presentOpportunity(r, isAdmin(viewer) || mine.includes(r.organisation_id))),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.created_key, last.id]) : null,
      };
    },

    async create(input: OpportunityInput, viewer: Viewer | null): Promise<Opportunity> {
      if (!viewer) throw unauthenticated();
      const { rows } = await db.query('select 1 from organisations where id = $1', [input.organisationId]);
      if (rows.length === 0) {
        throw new DomainError('invalid', 'validation', {}, [{ path: 'organisationId', key: 'reference_missing' }]);
      }
      if (!(await canEdit(input.organisationId, viewer))) throw forbidden();
      checkInput(input);
      const id = await repo.insert(toOpportunityWrite(input, { createdBy: viewer.userId }));
      return get(id, viewer);
    },

    async update(id: string, patch: OpportunityPatch, viewer: Viewer | null): Promise<Opportunity> {
      if (!viewer) throw unauthenticated();
      const row = await repo.findById(id, isoDay(clock()));
      if (!row) throw notFound('opportunity');
      if (!(await canEdit(row.organisation_id, viewer))) {
        // Do not reveal a draft's existence to outsiders.
        if (row.status === 'draft' || !row.org.listed) throw notFound('opportunity');
        throw forbidden();
      }
      // Cross-field rules (budget range, dates) must hold for the merged result, not the patch alone.
      const parsed = OpportunityInput.safeParse(applyMergePatch(rowToInput(row), patch));
      if (!parsed.success) throw invalid(issuesToFields(parsed.error.issues));
      const merged = parsed.data;
      checkInput(merged);
      await repo.update(
        row.id,
        toOpportunityWrite(merged, {
          isExample: row.is_example,
          isSynthetic: row.is_synthetic,
          externalRef: row.external_ref,
        }),
      );
      return get(row.id, viewer);
    },
  };
}

export type OpportunityService = ReturnType<typeof createOpportunityService>;
