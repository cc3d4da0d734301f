import { createHash, randomBytes } from 'node:crypto';
import type {
  KeyFactInput,
  OrganisationDetail,
  OrganisationListQuery,
  OrganisationPage,
  OrganisationPatch,
} from '../../../contracts/organisation';
import { GROUPING_KINDS, OrganisationInput } from '../../../contracts/organisation';
import type { Db, Queryable } from '../../db/client';
import { expandCodes, hsAncestors, naceAncestors } from '../../domain/codes/code-ancestors';
import { sniffImageType } from '../../domain/media/image-type';
import { applyMergePatch } from '../../domain/patch/merge-patch';
import { slugify } from '../../domain/organisations/slug';
import { foldText, indexTerms, queryTerms, queryTsquery } from '../../domain/search/search-terms';
import { DomainError, conflict, forbidden, invalid, issuesToFields, notFound, unauthenticated } from '../../errors';
import type { Viewer } from '../auth/auth-context';
import { isAdmin } from '../auth/auth-context';
import type { ReferenceData } from '../reference/reference-data';
import { decodeCursor, encodeCursor } from '../../http/cursor';
import { presentDetail, presentSummary } from './organisation.presenter';
import type { DirectorySearch } from './directory-search';
import type { ListedOrganisationRow, OrganisationFilter, OrganisationRow, OrganisationWrite } from './organisation.repository';
import { createOrganisationRepository } from './organisation.repository';

export interface OrganisationExtras {
  isDemo?: boolean;
  isSynthetic?: boolean;
  sources?: OrganisationWrite['sources'];
  slug?: string;
}

/** Builds the stored row, including the derived search and hierarchy columns. */
export function toOrganisationWrite(input: OrganisationInput, extras: OrganisationExtras & { slug: string }): OrganisationWrite {
  const displayName = input.names.en ?? input.names.it ?? input.legalName;
  return {
    slug: extras.slug,
    kind: input.kind,
    legal_name: input.legalName,
    names: input.names,
    country: input.country,
    region: input.region ?? null,
    city: input.city ?? null,
    website: input.website ?? null,
    size_band: input.sizeBand ?? null,
    founded_year: input.foundedYear ?? null,
    sectors: input.sectors,
    sector_index: expandCodes(input.sectors, naceAncestors),
    products: input.products,
    product_index: expandCodes(input.products, hsAncestors),
    languages: input.languages,
    certifications: input.certifications,
    description: input.description,
    logo_url: input.logoUrl ?? null,
    data_region: input.dataRegion,
    listed: input.listed,
    hidden_fields: input.hiddenFields,
    contact_email: input.contactEmail ?? null,
    contact_phone: input.contactPhone ?? null,
    sources: extras.sources ?? [],
    is_demo: extras.isDemo ?? false,
    is_synthetic: extras.isSynthetic ?? false,
    sort_key: foldText(displayName).slice(0, 200),
    search_terms: indexTerms([
      input.legalName,
      input.names.it,
      input.names.zh,
      input.names.en,
      input.description.it,
      input.description.zh,
      input.description.en,
      input.city,
      input.region,
      ...input.certifications,
    ]),
  };
}

/** The input that would recreate a stored row, so a patch can be merged and re-validated. */
export function rowToInput(r: OrganisationRow): OrganisationInput {
  const opt = <T>(v: T | null) => (v === null ? undefined : v);
  return {
    kind: r.kind as OrganisationInput['kind'],
    legalName: r.legal_name,
    names: r.names,
    country: r.country,
    region: opt(r.region),
    city: opt(r.city),
    website: opt(r.website),
    sizeBand: opt(r.size_band) as OrganisationInput['sizeBand'],
    foundedYear: opt(r.founded_year),
    sectors: r.sectors,
    products: r.products,
    languages: r.languages,
    certifications: r.certifications,
    description: r.description,
    logoUrl: opt(r.logo_url),
    dataRegion: r.data_region as OrganisationInput['dataRegion'],
    listed: r.listed,
    hiddenFields: r.hidden_fields as OrganisationInput['hiddenFields'],
    contactEmail: opt(r.contact_email),
    contactPhone: opt(r.contact_phone),
  };
}

/** Reference checks that zod cannot do alone: codes must exist in the shipped nomenclatures. */
export function checkCodes(
  ref: ReferenceData,
  v: { sectors?: string[]; products?: string[] },
): Array<{ path: string; key: string }> {
  const errors: Array<{ path: string; key: string }> = [];
  v.sectors?.forEach((c, i) => ref.hasSector(c) || errors.push({ path: `sectors.${i}`, key: 'unknown_sector' }));
  v.products?.forEach((c, i) => ref.hasProduct(c) || errors.push({ path: `products.${i}`, key: 'unknown_product' }));
  return errors;
}

export function createOrganisationService(deps: { db: Db; reference: ReferenceData; clock: () => Date; directory?: DirectorySearch }) {
  const { db, reference, clock, directory } = deps;
  const repo = createOrganisationRepository(db);

  async function viewerRole(row: OrganisationRow, viewer: Viewer | null) {
    if (!viewer) return null;
    if (isAdmin(viewer)) return 'admin' as const;
    return repo.roleOf(row.id, viewer.userId);
  }

  async function findVisible(idOrSlug: string, viewer: Viewer | null) {
    const row = /^[0-9a-f-]{36}$/i.test(idOrSlug) ? await repo.findById(idOrSlug) : await repo.findBySlug(idOrSlug);
    if (!row) throw notFound('organisation');
    const role = await viewerRole(row, viewer);
    // An unlisted organisation does not exist for outsiders.
    if (!row.listed && role === null) throw notFound('organisation');
    return { row, role };
  }

  async function requireEditor(id: string, viewer: Viewer | null, ownerOnly = false) {
    if (!viewer) throw unauthenticated();
    const { row, role } = await findVisible(id, viewer);
    if (role === null || (ownerOnly && role === 'member')) throw forbidden();
    return { row, role };
  }

  /**
   * The page from the in-memory directory index (decision 011), its rows read by id and re-checked
   * by SQL; null when the index cannot answer (not built, a filter it does not hold) or disagrees
   * with the table after a re-sync — then the caller asks SQL alone.
   */
  async function indexedPage(q: OrganisationListQuery, filter: OrganisationFilter): Promise<ListedOrganisationRow[] | null> {
    if (!directory || filter.memberOf || filter.opportunityTypes) return null;
    const terms = q.q ? queryTerms(q.q) : [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const ids = await directory.search({ ...filter, terms });
      if (ids === null) return null;
      const { rows, highWater } = await repo.listWithHighWater({ ...filter, ids });
      // Every candidate still matches and nobody wrote since the index synced: the page is exact.
      if (rows.length === ids.length && (highWater?.getTime() ?? 0) <= directory.watermark) return rows;
      await directory.sync();
    }
    return null;
  }

  async function uniqueSlug(base: string, tx: Queryable): Promise<string> {
    for (let i = 0; i < 50; i++) {
      const candidate = i === 0 ? base : `${base}-${i + 1}`;
      const { rows } = await tx.query('select 1 from organisations where slug = $1', [candidate]);
      if (rows.length === 0) return candidate;
    }
    return `${base}-${randomBytes(3).toString('hex')}`;
  }

  async function detail(idOrSlug: string, viewer: Viewer | null): Promise<OrganisationDetail> {
    const { row, role } = await findVisible(idOrSlug, viewer);
    const [members, memberOf, keyFacts] = await Promise.all([
      GROUPING_KINDS.includes(row.kind as never) ? repo.members(row.id) : Promise.resolve([]),
      repo.memberOf(row.id),
      repo.keyFacts(row.id),
    ]);
    return presentDetail({ row, members, memberOf, keyFacts, viewerRole: role });
  }

  return {
    detail,

    async list(q: OrganisationListQuery): Promise<OrganisationPage> {
      const after = q.cursor ? decodeCursor(q.cursor) : null;
      const filter: OrganisationFilter = {
        q: q.q ? queryTsquery(q.q) : null,
        kinds: q.kind ?? null,
        countries: q.country ?? null,
        region: q.region ?? null,
        sectors: q.sector ?? null,
        products: q.product ?? null,
        memberOf: q.member_of ?? null,
        opportunityTypes: q.opportunity_type ?? null,
        today: clock().toISOString().slice(0, 10),
        synthetic: q.synthetic,
        after: after ? { sortKey: after[0], id: after[1] } : null,
        limit: q.limit + 1,
      };
      const rows = (await indexedPage(q, filter)) ?? (await repo.list(filter));
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(presentSummary),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.sort_key, last.id]) : null,
      };
    },

    /** Creates an organisation; the creator becomes its owner. */
    async create(input: OrganisationInput, viewer: Viewer | null): Promise<OrganisationDetail> {
      if (!viewer) throw unauthenticated();
      const codeErrors = checkCodes(reference, input);
      if (codeErrors.length) throw invalid(codeErrors);
      const id = await db.transaction(async (tx) => {
        const base = slugify(input.names.en ?? input.legalName, `org-${randomBytes(3).toString('hex')}`);
        const slug = await uniqueSlug(base, tx);
        const orgId = await repo.insert(toOrganisationWrite(input, { slug }), tx);
        await repo.addMember(orgId, viewer.userId, 'owner', tx);
        return orgId;
      });
      directory?.noteWrite();
      return detail(id, viewer);
    },

    async update(idOrSlug: string, patch: OrganisationPatch, viewer: Viewer | null): Promise<OrganisationDetail> {
      const { row } = await requireEditor(idOrSlug, viewer);
      // A null in the patch clears the field; the merged result must still be a valid organisation.
      const parsed = OrganisationInput.safeParse(applyMergePatch(rowToInput(row), patch));
      if (!parsed.success) throw invalid(issuesToFields(parsed.error.issues));
      const merged = parsed.data;
      const codeErrors = checkCodes(reference, merged);
      if (codeErrors.length) throw invalid(codeErrors);
      await repo.update(
        row.id,
        toOrganisationWrite(merged, { slug: row.slug, isDemo: row.is_demo, isSynthetic: row.is_synthetic, sources: row.sources }),
      );
      directory?.noteWrite();
      return detail(row.id, viewer);
    },

    async addDistrictMember(districtIdOrSlug: string, memberId: string, viewer: Viewer | null) {
      const { row } = await requireEditor(districtIdOrSlug, viewer, true);
      if (!GROUPING_KINDS.includes(row.kind as never)) throw new DomainError('conflict', 'not_a_district');
      const member = await repo.findById(memberId);
      if (!member) throw new DomainError('invalid', 'reference_missing', { what: 'organisation' }, [
        { path: 'organisationId', key: 'reference_missing' },
      ]);
      if (member.id === row.id) throw conflict('not_a_district');
      const added = await repo.addDistrictMember(row.id, member.id);
      if (!added) throw conflict('already_member');
      return detail(row.id, viewer);
    },

    async removeDistrictMember(districtIdOrSlug: string, memberId: string, viewer: Viewer | null) {
      const { row } = await requireEditor(districtIdOrSlug, viewer, true);
      await repo.removeDistrictMember(row.id, memberId);
      return detail(row.id, viewer);
    },

    async replaceKeyFacts(idOrSlug: string, facts: KeyFactInput[], viewer: Viewer | null) {
      const { row } = await requireEditor(idOrSlug, viewer);
      await db.transaction((tx) =>
        repo.replaceKeyFacts(
          row.id,
          facts.map((f) => ({
            label: f.label,
            value: f.value,
            unit: f.unit,
            year: f.year ?? null,
            source_title: f.sourceTitle,
            source_url: f.sourceUrl ?? null,
          })),
          tx,
        ),
      );
      return detail(row.id, viewer);
    },

    /** Stores an uploaded PNG, JPEG or WebP logo; the bytes decide the type, not the header. */
    async setLogo(idOrSlug: string, bytes: Buffer, viewer: Viewer | null): Promise<OrganisationDetail> {
      const { row } = await requireEditor(idOrSlug, viewer);
      const contentType = sniffImageType(bytes);
      if (!contentType) throw invalid([{ path: 'logo', key: 'unsupported_image' }]);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await db.transaction((tx) => repo.saveLogo(row.id, { contentType, bytes, sha256 }, tx));
      return detail(row.id, viewer);
    },

    /** Removes the logo, uploaded or linked, so the organisation shows none. */
    async removeLogo(idOrSlug: string, viewer: Viewer | null): Promise<OrganisationDetail> {
      const { row } = await requireEditor(idOrSlug, viewer);
      await db.transaction((tx) => repo.removeLogo(row.id, tx));
      return detail(row.id, viewer);
    },

    async logo(idOrSlug: string, viewer: Viewer | null) {
      const { row } = await findVisible(idOrSlug, viewer);
      const logo = await repo.logo(row.id);
      if (!logo) throw notFound('logo');
      return { contentType: logo.content_type, bytes: Buffer.from(logo.bytes), sha256: logo.sha256 };
    },

    /** Used by opportunities and invitations: the role a viewer holds, for authorisation. */
    async roleFor(orgId: string, viewer: Viewer | null): Promise<'owner' | 'member' | 'admin' | null> {
      const row = await repo.findById(orgId);
      if (!row) return null;
      return viewerRole(row, viewer);
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
