/**
 * Builds match subjects from organisations and opportunities: all their texts in every language
 * analysed together, plus their sector (NACE) and product (HS) codes as language-neutral
 * features in the concept channel, each code also standing for its broader codes.
 */
import type { OpportunityType } from '../../../contracts/opportunity';
import type { OrganisationKind } from '../../../contracts/organisation';
import type { MatchSubject } from './match-engine';
import { ANCESTOR_DECAY, CHANNEL_PREFIX, textFeatures, type MatchingResources, type TextFeatures } from './text-features';

export interface OrganisationFacts {
  id: string;
  kind: OrganisationKind;
  country: string;
  region: string | null;
  sizeBand: string | null;
  certifications: readonly string[];
  texts: ReadonlyArray<string | null | undefined>;
  sectors: readonly string[];
  products: readonly string[];
  updatedAt: number;
  listed: boolean;
  responsiveness?: number | null;
}

export interface OpportunityFacts {
  id: string;
  organisation: OrganisationFacts;
  direction: 'offer' | 'request';
  type: OpportunityType;
  texts: ReadonlyArray<string | null | undefined>;
  sectors: readonly string[];
  products: readonly string[];
  requiredCertifications: readonly string[];
  /** 'open' (published and not expired by date) is the only status recommended. */
  status: string;
  expiresOn: string | null;
  updatedAt: number;
  /** The writer's corrections to what the analysis read: taxonomy concept ids to add or ignore. */
  conceptsAdded?: readonly string[];
  conceptsRemoved?: readonly string[];
}

/** NACE "13.91" → nace:13.91, nace:13.9, nace:13; HS "611011" → hs:611011, hs:6110, hs:61. */
export function codeFeatures(sectors: readonly string[], products: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: string, w: number) => out.set(CHANNEL_PREFIX.concept + key, Math.max(out.get(CHANNEL_PREFIX.concept + key) ?? 0, w));
  for (const code of sectors) {
    add(`nace:${code}`, 1);
    const [division, rest] = code.split('.');
    if (rest && rest.length > 1) add(`nace:${division}.${rest[0]}`, 0.5);
    if (rest) add(`nace:${division}`, 0.25);
  }
  for (const code of products) {
    add(`hs:${code}`, 1);
    if (code.length > 4) add(`hs:${code.slice(0, 4)}`, 0.5);
    if (code.length > 2) add(`hs:${code.slice(0, 2)}`, 0.25);
  }
  return out;
}

function combine(text: TextFeatures, codes: Map<string, number>): Map<string, number> {
  const out = new Map(text.weights);
  for (const [k, w] of codes) out.set(k, (out.get(k) ?? 0) + w);
  return out;
}

/**
 * Applies the writer's corrections: an added concept counts as if the text named it once (its
 * ancestors at half the weight per level, as in text-features.ts); a removed one is dropped, so
 * a misreading ("cashmere" the colour, not the fibre) no longer finds counterparts.
 */
function correctConcepts(
  res: MatchingResources,
  features: Map<string, number>,
  added: readonly string[],
  removed: readonly string[],
): Map<string, number> {
  const key = (id: string) => CHANNEL_PREFIX.concept + id;
  for (const id of added) {
    if (!res.analysis.taxonomy.get(id)) continue;
    features.set(key(id), (features.get(key(id)) ?? 0) + 1);
    let w = 1;
    for (const ancestor of res.analysis.taxonomy.ancestors(id)) {
      w *= ANCESTOR_DECAY;
      features.set(key(ancestor), (features.get(key(ancestor)) ?? 0) + w);
    }
  }
  for (const id of removed) features.delete(key(id));
  return features;
}

const joinTexts = (texts: ReadonlyArray<string | null | undefined>) => texts.filter((t): t is string => !!t?.trim()).join('\n');
const lower = (xs: readonly string[]) => xs.map((x) => x.toLowerCase());

/** What a subject inherits from its organisation. */
function owner(o: OrganisationFacts) {
  return {
    organisationId: o.id,
    orgKind: o.kind,
    country: o.country,
    region: o.region,
    sizeBand: o.sizeBand,
    certifications: lower(o.certifications),
    responsiveness: o.responsiveness ?? null,
  };
}

export function organisationSubject(res: MatchingResources, o: OrganisationFacts): MatchSubject {
  const text = textFeatures(res, joinTexts(o.texts));
  return {
    ...owner(o),
    key: `org:${o.id}`,
    kind: 'organisation',
    id: o.id,
    direction: null,
    type: null,
    requiredCertifications: [],
    open: o.listed,
    expiresOn: null,
    updatedAt: o.updatedAt,
    features: combine(text, codeFeatures(o.sectors, o.products)),
  };
}

export function opportunitySubject(res: MatchingResources, p: OpportunityFacts): MatchSubject {
  const text = textFeatures(res, joinTexts(p.texts));
  const o = p.organisation;
  return {
    ...owner(o),
    key: `opp:${p.id}`,
    kind: 'opportunity',
    id: p.id,
    direction: p.direction,
    type: p.type,
    requiredCertifications: lower(p.requiredCertifications),
    open: p.status === 'open' && o.listed,
    expiresOn: p.expiresOn,
    updatedAt: p.updatedAt,
    features: correctConcepts(res, combine(text, codeFeatures(p.sectors, p.products)), p.conceptsAdded ?? [], p.conceptsRemoved ?? []),
  };
}

/**
 * A subject for a bare text (a typed query, or a document of an evaluation corpus): its own
 * organisation, no constraints; direction and type as the analysis reads them.
 */
export function textSubject(res: MatchingResources, text: string, id = 'query', options: { asker?: boolean } = {}): MatchSubject {
  const f = textFeatures(res, text);
  return {
    key: `text:${id}`,
    kind: 'opportunity',
    id,
    organisationId: `text:${id}`,
    orgKind: 'company',
    country: '',
    region: null,
    sizeBand: null,
    certifications: [],
    // Someone searching is looking for a counterpart: without an explicit cue ("we offer…"), a
    // typed query asks for what it names (dev set: cross-lingual nDCG@10 0.433 → 0.445).
    direction: f.analysis.direction ?? (options.asker ? 'request' : null),
    type: f.analysis.types[0]?.type ?? null,
    requiredCertifications: [],
    open: true,
    expiresOn: null,
    updatedAt: 0,
    responsiveness: null,
    features: f.weights,
  };
}
