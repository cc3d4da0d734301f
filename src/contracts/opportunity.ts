import { z } from 'zod';
import {
  CountryCode,
  CurrencyCode,
  HsCode,
  IsoDate,
  LocalisedShortText,
  LocalisedText,
  NaceCode,
  PageQuery,
  Uuid,
  listParam,
  mergePatchOf,
  pageOf,
} from './common';
import { OrganisationSummary } from './organisation';

export const OPPORTUNITY_TYPES = [
  'commercial_partnership',
  'sourcing_manufacturing',
  'joint_venture',
  'investment',
  'technology_cooperation',
  'design_licensing',
  'training_programme',
  'internship',
  'talent_scouting',
  'cross_border_ecommerce',
] as const;
export const OpportunityType = z.enum(OPPORTUNITY_TYPES);
export type OpportunityType = z.infer<typeof OpportunityType>;

export const DIRECTIONS = ['offer', 'request'] as const;
export const Direction = z.enum(DIRECTIONS);
export const OPPORTUNITY_STATUSES = ['draft', 'open', 'closed', 'expired'] as const;
export const OpportunityStatus = z.enum(OPPORTUNITY_STATUSES);
export type OpportunityStatus = z.infer<typeof OpportunityStatus>;

/** A taxonomy concept id (`mat.cashmere`); the service checks that it exists. */
export const ConceptId = z.string().trim().min(1).max(100);
export const MAX_CONCEPT_CORRECTIONS = 30;

const OpportunityFields = z
  .object({
    organisationId: Uuid,
    direction: Direction,
    type: OpportunityType,
    title: LocalisedShortText,
    description: LocalisedText,
    sectors: z.array(NaceCode).max(20).default([]),
    products: z.array(HsCode).max(50).default([]),
    targetCountries: z.array(CountryCode).max(50).default([]),
    targetRegions: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    minOrderQuantity: z.number().int().positive().max(1e12).optional(),
    minOrderUnit: z.string().trim().min(1).max(30).optional(),
    budgetMin: z.number().nonnegative().max(1e13).optional(),
    budgetMax: z.number().nonnegative().max(1e13).optional(),
    budgetCurrency: CurrencyCode.optional(),
    requiredCertifications: z.array(z.string().trim().min(2).max(60)).max(20).default([]),
    startsOn: IsoDate.optional(),
    endsOn: IsoDate.optional(),
    status: z.enum(['draft', 'open', 'closed']).default('draft'),
    expiresOn: IsoDate.optional(),
    /** The writer's corrections to "what we understood": taxonomy concept ids to add or ignore. */
    conceptsAdded: z.array(ConceptId).max(MAX_CONCEPT_CORRECTIONS).optional(),
    conceptsRemoved: z.array(ConceptId).max(MAX_CONCEPT_CORRECTIONS).optional(),
  })
  .strict();

type Fields = Partial<z.infer<typeof OpportunityFields>>;
/** Cross-field rules shared by create and edit (and by the web form). */
export function checkOpportunityRules(v: Fields, ctx: z.RefinementCtx): void {
  if (v.budgetMin !== undefined && v.budgetMax !== undefined && v.budgetMin > v.budgetMax) {
    ctx.addIssue({ code: 'custom', path: ['budgetMax'], message: 'budget_max_below_min' });
  }
  if ((v.budgetMin !== undefined || v.budgetMax !== undefined) && !v.budgetCurrency) {
    ctx.addIssue({ code: 'custom', path: ['budgetCurrency'], message: 'currency_required' });
  }
  if (v.startsOn && v.endsOn && v.startsOn > v.endsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'ends_before_start' });
  }
  if (v.minOrderUnit && v.minOrderQuantity === undefined) {
    ctx.addIssue({ code: 'custom', path: ['minOrderQuantity'], message: 'quantity_required' });
  }
}

export const OpportunityInput = OpportunityFields.superRefine(checkOpportunityRules);
export type OpportunityInput = z.infer<typeof OpportunityInput>;
/**
 * Edit: fields left out stay as they are; `null` clears an optional field or one language of a
 * text. Cross-field rules are checked on the merged result in the service, not on the patch alone.
 */
export const OpportunityPatch = mergePatchOf(OpportunityFields.omit({ organisationId: true }));
export type OpportunityPatch = z.infer<typeof OpportunityPatch>;

export const Opportunity = z.object({
  id: Uuid,
  organisation: OrganisationSummary,
  direction: Direction,
  type: OpportunityType,
  title: LocalisedShortText,
  description: LocalisedText,
  sectors: z.array(z.string()),
  products: z.array(z.string()),
  targetCountries: z.array(z.string()),
  targetRegions: z.array(z.string()),
  minOrderQuantity: z.number().nullable(),
  minOrderUnit: z.string().nullable(),
  budgetMin: z.number().nullable(),
  budgetMax: z.number().nullable(),
  budgetCurrency: z.string().nullable(),
  requiredCertifications: z.array(z.string()),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  /** Effective status: an open opportunity past its expiry date reads as expired. */
  status: OpportunityStatus,
  expiresOn: z.string().nullable(),
  conceptsAdded: z.array(z.string()),
  conceptsRemoved: z.array(z.string()),
  isExample: z.boolean(),
  isSynthetic: z.boolean(),
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Opportunity = z.infer<typeof Opportunity>;

export const OpportunityListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  type: listParam(OpportunityType),
  direction: Direction.optional(),
  country: listParam(CountryCode),
  region: z.string().trim().max(100).optional(),
  sector: listParam(NaceCode),
  product: listParam(HsCode),
  organisation: Uuid.optional(),
  status: listParam(OpportunityStatus),
  synthetic: z.enum(['include', 'only', 'exclude']).default('exclude'),
});
export type OpportunityListQuery = z.infer<typeof OpportunityListQuery>;
export const OpportunityPage = pageOf(Opportunity);
export type OpportunityPage = z.infer<typeof OpportunityPage>;
