import type { OrganisationDetail, OrganisationSummary } from '../../../contracts/organisation';
import type { KeyFactRow, OrganisationRow } from './organisation.repository';

type Hideable = OrganisationDetail['hiddenFields'];

/** The columns a summary reads: directory pages select only these (SUMMARY_COLUMNS). */
export type OrganisationSummaryRow = Pick<
  OrganisationRow,
  'id' | 'slug' | 'kind' | 'legal_name' | 'names' | 'country' | 'region' | 'city' | 'hidden_fields' | 'sectors' | 'description' | 'logo_sha256' | 'logo_url' | 'is_demo' | 'is_synthetic'
>;

export function presentSummary(r: OrganisationSummaryRow): OrganisationSummary {
  return {
    id: r.id,
    slug: r.slug,
    kind: r.kind as OrganisationSummary['kind'],
    legalName: r.legal_name,
    names: r.names,
    country: r.country,
    region: r.region,
    city: r.hidden_fields.includes('city') ? null : r.city,
    sectors: r.sectors,
    description: r.description,
    // An uploaded logo wins over a linked one; the hash in the URL lets browsers cache it forever.
    logoUrl: r.logo_sha256 ? `/api/v1/organisations/${r.id}/logo?v=${r.logo_sha256.slice(0, 12)}` : r.logo_url,
    isDemo: r.is_demo,
    isSynthetic: r.is_synthetic,
  };
}

export interface DetailParts {
  row: OrganisationRow;
  members: OrganisationRow[];
  memberOf: OrganisationRow[];
  keyFacts: KeyFactRow[];
  viewerRole: 'owner' | 'member' | 'admin' | null;
}

/**
 * The organisation as one viewer may see it. Outsiders get neither contact details nor the
 * fields the organisation hid; members and administrators see everything.
 */
export function presentDetail({ row: r, members, memberOf, keyFacts, viewerRole }: DetailParts): OrganisationDetail {
  const insider = viewerRole !== null;
  const hidden = (f: NonNullable<Hideable>[number]) => !insider && r.hidden_fields.includes(f);
  return {
    ...presentSummary(r),
    city: hidden('city') ? null : r.city,
    website: hidden('website') ? null : r.website,
    sizeBand: hidden('sizeBand') ? null : (r.size_band as OrganisationDetail['sizeBand']),
    foundedYear: hidden('foundedYear') ? null : r.founded_year,
    products: hidden('products') ? [] : r.products,
    languages: hidden('languages') ? [] : r.languages,
    certifications: hidden('certifications') ? [] : r.certifications,
    dataRegion: insider ? (r.data_region as OrganisationDetail['dataRegion']) : null,
    listed: r.listed,
    hiddenFields: insider ? (r.hidden_fields as NonNullable<Hideable>) : null,
    contactEmail: insider ? r.contact_email : null,
    contactPhone: insider ? r.contact_phone : null,
    members: members.map(presentSummary),
    memberOf: memberOf.map(presentSummary),
    keyFacts: keyFacts.map((k) => ({
      id: k.id,
      label: k.label,
      value: k.value,
      unit: k.unit,
      year: k.year,
      sourceTitle: k.source_title,
      sourceUrl: k.source_url,
    })),
    sources: r.sources,
    viewerRole,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
