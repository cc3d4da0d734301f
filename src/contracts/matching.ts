import { z } from 'zod';
import { CountryCode, Locale, listParam } from './common';
import { Direction, Opportunity, OpportunityType } from './opportunity';
import { OrganisationSummary, SizeBand } from './organisation';

/** Longest text the analysis endpoint reads; the analyser itself stops at the same length. */
export const MAX_ANALYSIS_CHARS = 20_000;

export const AnalysisRequest = z
  .object({
    text: z.string().max(MAX_ANALYSIS_CHARS, 'text_too_long'),
  })
  .strict();
export type AnalysisRequest = z.infer<typeof AnalysisRequest>;

const Span = { start: z.number().int(), end: z.number().int(), surface: z.string() };

export const ConceptRef = z.object({
  id: z.string(),
  /** Preferred label in the reader's language. */
  label: z.string(),
  kind: z.string(),
});
export type ConceptRef = z.infer<typeof ConceptRef>;

/** Taxonomy concepts by a label in any language (`q`), or by id (`id`, to label stored ones). */
export const ConceptQuery = z.object({
  q: z.string().trim().max(100).optional(),
  id: listParam(z.string().trim().min(1).max(100)),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type ConceptQuery = z.infer<typeof ConceptQuery>;
export const ConceptList = z.object({ items: z.array(ConceptRef) });
export type ConceptList = z.infer<typeof ConceptList>;

/** "What we understood" in a text, each item with the span that justifies it. */
export const TextUnderstanding = z.object({
  language: Locale,
  mixed: z.boolean(),
  truncated: z.boolean(),
  direction: Direction.nullable(),
  types: z.array(z.object({ type: OpportunityType, score: z.number() })),
  concepts: z.array(
    z.object({
      ...Span,
      concept: ConceptRef,
      /** Other readings of an ambiguous label; empty when the label is unambiguous. */
      alternatives: z.array(ConceptRef),
    }),
  ),
  certifications: z.array(z.object({ ...Span, concept: ConceptRef })),
  quantities: z.array(
    z.object({
      ...Span,
      role: z.enum(['minimum_order', 'volume', 'plain']),
      value: z.number(),
      unit: z.string(),
      per: z.enum(['day', 'week', 'month', 'year']).nullable(),
    }),
  ),
  money: z.array(z.object({ ...Span, currency: z.string(), min: z.number(), max: z.number() })),
  places: z.array(z.object({ ...Span, id: z.string(), name: z.string(), country: z.string(), kind: z.string() })),
  timeFrames: z.array(
    z.object({
      ...Span,
      relation: z.enum(['by', 'from', 'within', 'during']),
      date: z.string().nullable(),
      months: z.number().nullable(),
    }),
  ),
});
export type TextUnderstanding = z.infer<typeof TextUnderstanding>;

export const MatchComponents = z.object({
  /** Text relevance, 0..1 of the best score the query could reach. */
  relevance: z.number(),
  /** Offer meets request, related types, neighbouring roles in the value chain: 0..1. */
  complementarity: z.number(),
  /** Both sides want what the other offers: 0..1. */
  reciprocity: z.number(),
  /** Recently updated: 1 today, halving every 120 days. */
  freshness: z.number(),
  /** Share of contact requests answered; 0.5 while unknown. */
  responsiveness: z.number(),
});
export type MatchComponents = z.infer<typeof MatchComponents>;

export const MatchExplanation = z.object({
  sharedConcepts: z.array(ConceptRef),
  /** English pivot terms both texts map to (how everyday words cross languages). */
  sharedTerms: z.array(z.string()),
  sharedWords: z.array(z.string()),
  complementaryRoles: z.array(z.tuple([z.string(), z.string()])),
  certificationsMet: z.array(z.string()),
  missingConcepts: z.array(ConceptRef),
  /** The same, as sentences in the reader's language. */
  reasons: z.array(z.string()),
});
export type MatchExplanation = z.infer<typeof MatchExplanation>;

export const MatchItem = z.object({
  kind: z.enum(['organisation', 'opportunity']),
  score: z.number(),
  components: MatchComponents,
  explanation: MatchExplanation,
  organisation: OrganisationSummary,
  opportunity: Opportunity.nullable(),
});
export type MatchItem = z.infer<typeof MatchItem>;

export const MatchIndexStatus = z.object({
  state: z.enum(['building', 'ready']),
  /** Subjects indexed so far, and how many the build will hold. */
  indexed: z.number().int(),
  total: z.number().int(),
  layers: z.object({ concepts: z.boolean(), lexicon: z.boolean(), dense: z.boolean() }),
  /** Which score weights rank: the hand-set ones, or weights learned from use (`ponte learn weights`). */
  weights: z.enum(['hand-set', 'learned']),
  /** Embedding progress when the dense layer is configured; null when it is off. */
  dense: z.object({ model: z.string(), embedded: z.number().int(), pending: z.number().int(), error: z.string().nullable() }).nullable(),
});
export type MatchIndexStatus = z.infer<typeof MatchIndexStatus>;

export const MatchList = z.object({ items: z.array(MatchItem), index: MatchIndexStatus });
export type MatchList = z.infer<typeof MatchList>;

export const MatchQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  kind: listParam(z.enum(['organisation', 'opportunity'])),
  country: listParam(CountryCode),
  region: listParam(z.string().trim().min(1).max(100)),
  type: listParam(OpportunityType),
  size: listParam(SizeBand),
  certification: listParam(z.string().trim().min(1).max(60)),
});
export type MatchQuery = z.infer<typeof MatchQuery>;

/** A shown recommendation, or a save or dismissal of one (match_events, for learning the weights). */
export const MatchEventInput = z
  .object({
    subjectKey: z.string().regex(/^(org|opp):[0-9a-f-]{36}$/),
    candidateKey: z.string().regex(/^(org|opp):[0-9a-f-]{36}$/),
    event: z.enum(['impression', 'save', 'dismiss']),
    components: z.record(z.string(), z.number()).optional(),
  })
  .strict();
export type MatchEventInput = z.infer<typeof MatchEventInput>;

/** What the web app sends: the impressions of one list at once, or one save/dismissal. */
export const MatchEventBatch = z.object({ events: z.array(MatchEventInput).min(1).max(50) }).strict();
export type MatchEventBatch = z.infer<typeof MatchEventBatch>;

const SubjectKey = z.string().regex(/^(org|opp):[0-9a-f-]{36}$/);

/** Save a recommendation to come back to; `subjectKey` is the list it was shown in, if any. */
export const SavedMatchInput = z
  .object({
    candidateKey: SubjectKey,
    subjectKey: SubjectKey.optional(),
    components: z.record(z.string(), z.number()).optional(),
  })
  .strict();
export type SavedMatchInput = z.infer<typeof SavedMatchInput>;

export const SavedMatch = z.object({
  candidateKey: z.string(),
  savedAt: z.string(),
  organisation: OrganisationSummary,
  opportunity: Opportunity.nullable(),
});
export type SavedMatch = z.infer<typeof SavedMatch>;

/** Newest first; saved items the viewer may no longer see (unlisted, closed to them) are left out. */
export const SavedMatchList = z.object({ items: z.array(SavedMatch) });
export type SavedMatchList = z.infer<typeof SavedMatchList>;

export const SavedMatchKey = z.object({ candidate: SubjectKey });
