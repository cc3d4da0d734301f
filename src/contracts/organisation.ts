import { z } from 'zod';
import {
  CountryCode,
  DisplayNames,
  HsCode,
  LanguageCode,
  LocalisedShortText,
  NaceCode,
  PageQuery,
  Uuid,
  listParam,
  mergePatchOf,
  pageOf,
} from './common';

export const ORGANISATION_KINDS = [
  'company',
  'designer',
  'academy',
  'district',
  'science_park',
  'association',
  'consultancy',
  'public_body',
  'ecommerce_provider',
] as const;
export const OrganisationKind = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** Kinds that group other organisations as members (districts, clusters, parks). */
export const GROUPING_KINDS: readonly OrganisationKind[] = ['district', 'science_park'];

export const SIZE_BANDS = ['micro', 'small', 'medium', 'large'] as const;
export const SizeBand = z.enum(SIZE_BANDS);
export const DATA_REGIONS = ['eu', 'cn', 'other'] as const;
export const DataRegion = z.enum(DATA_REGIONS);

/** Optional fields an organisation may hide from the public directory. */
export const HIDEABLE_FIELDS = [
  'website',
  'city',
  'sizeBand',
  'foundedYear',
  'products',
  'certifications',
  'languages',
] as const;
export const HideableField = z.enum(HIDEABLE_FIELDS);

/** Uploaded logos: the server sniffs the bytes, the web app checks type and size before sending. */
export const LOGO_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const LOGO_MAX_BYTES = 512 * 1024;

const OrganisationDescription = z
  .object({
    it: z.string().trim().min(1).max(5000).optional(),
    zh: z.string().trim().min(1).max(5000).optional(),
    en: z.string().trim().min(1).max(5000).optional(),
  })
  .strict();

export const OrganisationInput = z
  .object({
    kind: OrganisationKind,
    legalName: z.string().trim().min(2).max(200),
    names: DisplayNames.default({}),
    country: CountryCode,
    region: z.string().trim().min(1).max(100).optional(),
    city: z.string().trim().min(1).max(100).optional(),
    website: z.url({ protocol: /^https?$/ }).max(300).optional(),
    sizeBand: SizeBand.optional(),
    foundedYear: z.number().int().min(1000).max(2100).optional(),
    sectors: z.array(NaceCode).max(20).default([]),
    products: z.array(HsCode).max(50).default([]),
    languages: z.array(LanguageCode).max(20).default([]),
    certifications: z.array(z.string().trim().min(2).max(60)).max(30).default([]),
    description: OrganisationDescription.default({}),
    logoUrl: z.url({ protocol: /^https?$/ }).max(500).optional(),
    dataRegion: DataRegion.default('eu'),
    listed: z.boolean().default(true),
    hiddenFields: z.array(HideableField).default([]),
    contactEmail: z.email().max(200).optional(),
    contactPhone: z.string().trim().min(5).max(40).optional(),
  })
  .strict();
export type OrganisationInput = z.infer<typeof OrganisationInput>;
/** Edit: fields left out stay as they are; `null` clears an optional field or one language of a text. */
export const OrganisationPatch = mergePatchOf(OrganisationInput);
export type OrganisationPatch = z.infer<typeof OrganisationPatch>;

export const OrganisationSummary = z.object({
  id: Uuid,
  slug: z.string(),
  kind: OrganisationKind,
  legalName: z.string(),
  names: DisplayNames,
  country: z.string(),
  region: z.string().nullable(),
  city: z.string().nullable(),
  sectors: z.array(z.string()),
  description: OrganisationDescription,
  logoUrl: z.string().nullable(),
  isDemo: z.boolean(),
  isSynthetic: z.boolean(),
});
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;

export const KeyFact = z.object({
  id: Uuid,
  label: LocalisedShortText,
  value: z.number(),
  unit: z.string(),
  year: z.number().int().nullable(),
  sourceTitle: z.string(),
  sourceUrl: z.string().nullable(),
});
export type KeyFact = z.infer<typeof KeyFact>;

export const KeyFactInput = z
  .object({
    label: LocalisedShortText,
    value: z.number().finite(),
    unit: z.string().trim().min(1).max(40),
    year: z.number().int().min(1900).max(2100).optional(),
    sourceTitle: z.string().trim().min(2).max(300),
    // Shown as a link on public pages: only web addresses, never javascript: or data: URLs.
    sourceUrl: z.url({ protocol: /^https?$/ }).max(500).optional(),
  })
  .strict();
export type KeyFactInput = z.infer<typeof KeyFactInput>;

export const Provenance = z.object({ title: z.string(), url: z.string().nullable(), note: z.string().nullable() });

export const OrganisationDetail = OrganisationSummary.extend({
  website: z.string().nullable(),
  sizeBand: SizeBand.nullable(),
  foundedYear: z.number().int().nullable(),
  products: z.array(z.string()),
  languages: z.array(z.string()),
  certifications: z.array(z.string()),
  dataRegion: DataRegion.nullable(),
  listed: z.boolean(),
  hiddenFields: z.array(HideableField).nullable(),
  /** Only for the organisation's own members and administrators. */
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  members: z.array(OrganisationSummary),
  memberOf: z.array(OrganisationSummary),
  keyFacts: z.array(KeyFact),
  sources: z.array(Provenance),
  /** The caller's role in this organisation, if any. */
  viewerRole: z.enum(['owner', 'member', 'admin']).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrganisationDetail = z.infer<typeof OrganisationDetail>;

export const OrganisationListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  kind: listParam(OrganisationKind),
  country: listParam(CountryCode),
  region: z.string().trim().max(100).optional(),
  sector: listParam(NaceCode),
  product: listParam(HsCode),
  member_of: Uuid.optional(),
  /** Organisations with at least one open opportunity of one of these types. */
  opportunity_type: listParam(z.enum(['commercial_partnership', 'sourcing_manufacturing', 'joint_venture', 'investment',
    'technology_cooperation', 'design_licensing', 'training_programme', 'internship', 'talent_scouting',
    'cross_border_ecommerce'])),
  synthetic: z.enum(['include', 'only', 'exclude']).default('exclude'),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;
export const OrganisationPage = pageOf(OrganisationSummary);
export type OrganisationPage = z.infer<typeof OrganisationPage>;

export const IdOrSlugParams = z.object({ id: z.string().min(1).max(200) });
export const DistrictMemberInput = z.object({ organisationId: Uuid }).strict();
export const InvitationInput = z
  .object({ email: z.email().max(200), role: z.enum(['owner', 'member']).default('member') })
  .strict();
