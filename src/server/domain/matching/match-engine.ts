/**
 * Two-sided, cross-lingual recommendations over organisations and opportunities.
 *
 * Every subject (an opportunity or an organisation profile) is indexed by its language-neutral
 * features (text-features.ts). A recommendation is computed in two steps:
 *
 * 1. fast path: the FeatureIndex returns the best `pool` candidates by text relevance among those
 *    passing the hard constraints (open, not expired, not the asker's own organisation, required
 *    certifications held, the caller's filters);
 * 2. rerank: each candidate's score is its relevance multiplied by bounded boosts —
 *
 *      total = relevance · (0.6 + 0.4·complementarity) · (1 + 0.25·reciprocity)
 *                        · (0.9 + 0.1·freshness) · (0.95 + 0.05·responsiveness)
 *
 *    so no boost can lift a text-irrelevant candidate (relevance 0 stays 0), and the largest
 *    possible lift of one candidate over another is bounded (MAX_BOOST_RATIO), which is what lets
 *    the pool stay small without losing results (bench:match measures recall against exhaustive
 *    scoring of every candidate);
 * 3. diversity: at most two results from one organisation in the top ten.
 *
 * The weights are the hand-set defaults (documented in docs/matching.md); learning from use may
 * replace them only when it does better on held-out events.
 */
import type { OpportunityType } from '../../../contracts/opportunity';
import type { OrganisationKind } from '../../../contracts/organisation';
import type { TaxonomyIndex, ValueChainRole } from '../analysis/taxonomy/taxonomy';
import { complementaryRoles, directionFit, KIND_ROLE, typeAffinity } from './complementarity';
import { DEFAULT_SCORE_OPTIONS, FeatureIndex, type ScoreOptions } from './feature-index';
import { CHANNEL_PREFIX, channelOf } from './text-features';

export type SubjectKind = 'organisation' | 'opportunity';
export type Direction = 'offer' | 'request';

export interface MatchSubject {
  /** `org:<id>` or `opp:<id>`. */
  key: string;
  kind: SubjectKind;
  id: string;
  organisationId: string;
  orgKind: OrganisationKind;
  country: string;
  region: string | null;
  sizeBand: string | null;
  /** Certifications the organisation holds, lower case. */
  certifications: readonly string[];
  direction: Direction | null;
  type: OpportunityType | null;
  /** Lower case; an offer's owner must hold these for a request to be met. */
  requiredCertifications: readonly string[];
  /** Open and published: only these are recommended. */
  open: boolean;
  /** ISO date, inclusive; null never expires. */
  expiresOn: string | null;
  /** Epoch milliseconds of the last change. */
  updatedAt: number;
  /** Share of contact requests answered, 0..1; null while unknown. */
  responsiveness: number | null;
  features: ReadonlyMap<string, number>;
}

export interface MatchFilters {
  countries?: readonly string[];
  regions?: readonly string[];
  types?: readonly OpportunityType[];
  sizeBands?: readonly string[];
  /** The candidate's organisation must hold every one (lower case). */
  certifications?: readonly string[];
  kinds?: readonly SubjectKind[];
}

export interface MatchComponents {
  relevance: number;
  complementarity: number;
  reciprocity: number;
  freshness: number;
  responsiveness: number;
}

export interface MatchExplanation {
  /** Taxonomy concept ids both sides mention, strongest first. */
  sharedConcepts: string[];
  /** English pivot terms both sides use (the cross-language bridge for everyday words). */
  sharedTerms: string[];
  /** Words written identically on both sides. */
  sharedWords: string[];
  complementaryRoles: Array<[ValueChainRole, ValueChainRole]>;
  directions: [Direction | null, Direction | null];
  /** Required certifications the candidate holds. */
  certificationsMet: string[];
  /** Concepts the asker mentions that the candidate does not. */
  missingConcepts: string[];
}

export interface MatchResult {
  key: string;
  subject: MatchSubject;
  score: number;
  components: MatchComponents;
  explanation: MatchExplanation;
}

export interface RecommendOptions {
  limit?: number;
  filters?: MatchFilters;
  /** ISO date of today, for expiry. */
  today: string;
  /** Epoch ms, for freshness. */
  now: number;
  /** Candidates reranked after the text pass (default 400). */
  pool?: number;
  /** Score every candidate instead of the fast path (for measuring the fast path). */
  exhaustive?: boolean;
}

const FRESHNESS_HALF_LIFE_DAYS = 120;
const RECIPROCITY_FULL_AT = 0.15;
const DIVERSITY_WINDOW = 10;
const DIVERSITY_PER_ORG = 2;

/** The largest ratio by which boosts can lift one candidate over another (see header). */
export const MAX_BOOST_RATIO = (1 * 1.25 * 1 * 1) / (0.6 * 0.9 * 0.95);

export class MatchEngine {
  readonly index = new FeatureIndex();
  private readonly subjects = new Map<string, MatchSubject>();
  private readonly byOrganisation = new Map<string, Set<string>>();
  private readonly roles = new Map<string, Set<ValueChainRole>>();

  constructor(
    private readonly taxonomy: TaxonomyIndex,
    private readonly scoring: ScoreOptions = DEFAULT_SCORE_OPTIONS,
  ) {}

  get size(): number {
    return this.subjects.size;
  }

  get(key: string): MatchSubject | undefined {
    return this.subjects.get(key);
  }

  upsert(subject: MatchSubject): void {
    this.remove(subject.key);
    this.subjects.set(subject.key, subject);
    this.index.upsert(subject.key, subject.features);
    this.roles.set(subject.key, this.rolesOf(subject));
    let keys = this.byOrganisation.get(subject.organisationId);
    if (!keys) this.byOrganisation.set(subject.organisationId, (keys = new Set()));
    keys.add(subject.key);
  }

  remove(key: string): void {
    const old = this.subjects.get(key);
    if (!old) return;
    this.subjects.delete(key);
    this.roles.delete(key);
    this.index.remove(key);
    const keys = this.byOrganisation.get(old.organisationId);
    keys?.delete(key);
    if (keys?.size === 0) this.byOrganisation.delete(old.organisationId);
  }

  /** Subjects of one organisation (its profile and its opportunities). */
  ofOrganisation(organisationId: string): MatchSubject[] {
    return [...(this.byOrganisation.get(organisationId) ?? [])].map((k) => this.subjects.get(k)!);
  }

  recommend(query: MatchSubject, options: RecommendOptions): MatchResult[] {
    const limit = options.limit ?? 20;
    const accept = (key: string) => {
      const s = this.subjects.get(key);
      return s !== undefined && this.passes(query, s, options);
    };
    const maxScore = this.maxScore(query.features);
    if (maxScore === 0) return [];
    let candidates: Array<{ key: string; score: number }>;
    if (options.exhaustive) {
      candidates = [];
      for (const slot of this.index.liveSlots()) {
        const key = this.index.keyAt(slot)!;
        if (!accept(key)) continue;
        const score = this.index.scoreBreakdown(query.features, slot, this.scoring).total;
        if (score > 0) candidates.push({ key, score });
      }
    } else {
      const pool = Math.max(options.pool ?? 400, limit * 4);
      candidates = this.index.search(query.features, pool, this.scoring, (slot) => accept(this.index.keyAt(slot)!));
    }
    const ranked = candidates
      .map((c) => this.rerank(query, c.key, c.score / maxScore, options))
      .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
    return diversify(ranked, limit).map((r) => ({ ...r, explanation: this.explain(query, r.subject) }));
  }

  /** The score a document holding every query feature with unbounded frequency would reach. */
  private maxScore(features: ReadonlyMap<string, number>): number {
    let max = 0;
    for (const [f, qw] of features) {
      max += this.scoring.weights[channelOf(f)] * qw * this.index.idf(f) * (this.scoring.k1 + 1);
    }
    return max;
  }

  private passes(q: MatchSubject, s: MatchSubject, o: RecommendOptions): boolean {
    if (s.organisationId === q.organisationId || !s.open) return false;
    if (s.expiresOn !== null && s.expiresOn < o.today) return false;
    const f = o.filters;
    if (f) {
      if (f.kinds?.length && !f.kinds.includes(s.kind)) return false;
      if (f.countries?.length && !f.countries.includes(s.country)) return false;
      if (f.regions?.length && !(s.region && f.regions.some((r) => r.toLowerCase() === s.region!.toLowerCase()))) return false;
      if (f.types?.length && !(s.type && f.types.includes(s.type))) return false;
      if (f.sizeBands?.length && !(s.sizeBand && f.sizeBands.includes(s.sizeBand))) return false;
      if (f.certifications?.length && !f.certifications.every((c) => s.certifications.includes(c))) return false;
    }
    // Hard constraints both ways: a request's required certifications bind the offering side.
    if (q.direction === 'request' && s.kind === 'opportunity' && s.direction !== 'request') {
      if (!q.requiredCertifications.every((c) => s.certifications.includes(c))) return false;
    }
    if (s.direction === 'request' && q.direction !== 'request') {
      if (!s.requiredCertifications.every((c) => q.certifications.includes(c))) return false;
    }
    return true;
  }

  private rerank(query: MatchSubject, key: string, relevance: number, o: RecommendOptions): Omit<MatchResult, 'explanation'> {
    const s = this.subjects.get(key)!;
    const complementarity = this.complementarity(query, s);
    const reciprocity = this.reciprocity(query, s);
    const ageDays = Math.max(0, (o.now - s.updatedAt) / 86_400_000);
    const freshness = Math.pow(0.5, ageDays / FRESHNESS_HALF_LIFE_DAYS);
    const responsiveness = s.responsiveness ?? 0.5;
    const score =
      relevance *
      (0.6 + 0.4 * complementarity) *
      (1 + 0.25 * reciprocity) *
      (0.9 + 0.1 * freshness) *
      (0.95 + 0.05 * responsiveness);
    return { key, subject: s, score, components: { relevance, complementarity, reciprocity, freshness, responsiveness } };
  }

  private complementarity(q: MatchSubject, s: MatchSubject): number {
    const roles = complementaryRoles(this.roles.get(q.key) ?? this.rolesOf(q), this.roles.get(s.key)!);
    const roleFit = roles.length > 0 ? 1 : 0.5;
    if (q.kind === 'opportunity' && s.kind === 'opportunity' && q.type && s.type) {
      return 0.5 * directionFit(q.direction, s.direction) + 0.3 * typeAffinity(q.type, s.type) + 0.2 * roleFit;
    }
    // An opportunity meeting an organisation, or two organisations: direction is known on one
    // side at most, so roles carry the judgement.
    return 0.5 * directionFit(q.direction, s.direction) + 0.5 * roleFit;
  }

  /**
   * Both sides want what the other offers: the best match between the candidate organisation's
   * requests and the asker's offers (and, for organisations, the other way round too), as a
   * similarity of their feature vectors; 1 from RECIPROCITY_FULL_AT up.
   */
  private reciprocity(q: MatchSubject, s: MatchSubject): number {
    const mine = this.ofOrganisation(q.organisationId);
    const theirs = this.ofOrganisation(s.organisationId);
    const best = (wants: MatchSubject[], has: MatchSubject[]) => {
      let top = 0;
      for (const w of wants) for (const h of has) top = Math.max(top, this.similarity(w.features, h.features));
      return top;
    };
    const myOffers = mine.filter((m) => m.direction === 'offer');
    const myRequests = mine.filter((m) => m.direction === 'request');
    const theirOffers = theirs.filter((t) => t.direction === 'offer');
    const theirRequests = theirs.filter((t) => t.direction === 'request');
    // The asker's side is already covered by relevance when the query is one of its requests.
    const theyWantMine = best(theirRequests, myOffers.length ? myOffers : q.direction === 'offer' ? [q] : []);
    const iWantTheirs = q.kind === 'organisation' ? best(myRequests, theirOffers) : 1;
    return Math.min(1, Math.min(theyWantMine, iWantTheirs) / RECIPROCITY_FULL_AT);
  }

  /** Cosine similarity of idf-weighted feature vectors, concept and pivot channels only. */
  private similarity(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (const [f, w] of a) {
      if (f.startsWith(CHANNEL_PREFIX.surface)) continue;
      const x = w * this.index.idf(f);
      na += x * x;
      const v = b.get(f);
      if (v) dot += x * v * this.index.idf(f);
    }
    for (const [f, w] of b) {
      if (f.startsWith(CHANNEL_PREFIX.surface)) continue;
      const y = w * this.index.idf(f);
      nb += y * y;
    }
    return na && nb ? dot / Math.sqrt(na * nb) : 0;
  }

  private rolesOf(s: MatchSubject): Set<ValueChainRole> {
    const roles = new Set<ValueChainRole>();
    const kindRole = KIND_ROLE[s.orgKind];
    if (kindRole) roles.add(kindRole);
    for (const [f, w] of s.features) {
      // Direct mentions only (ancestors carry ≤ half weight), so "cashmere sweaters" is a
      // garment maker, not also a fibre supplier through the hierarchy.
      if (!f.startsWith(CHANNEL_PREFIX.concept) || w < 0.5) continue;
      const role = this.taxonomy.get(f.slice(CHANNEL_PREFIX.concept.length))?.chain;
      if (role) roles.add(role);
    }
    return roles;
  }

  private explain(q: MatchSubject, s: MatchSubject): MatchExplanation {
    const slot = this.index.slot(s.key)!;
    const breakdown = this.index.scoreBreakdown(q.features, slot, this.scoring);
    const strip = (f: string) => f.slice(2);
    const shared = (channel: 'concept' | 'pivot' | 'surface', n: number) =>
      breakdown.features.filter((x) => channelOf(x.feature) === channel).slice(0, n).map((x) => strip(x.feature));
    const sharedConcepts = shared('concept', 6).filter((id) => this.taxonomy.get(id));
    const missingConcepts = [...q.features]
      .filter(([f, w]) => f.startsWith(CHANNEL_PREFIX.concept) && w >= 0.5 && !s.features.has(f))
      .sort((a, b) => b[1] - a[1])
      .map(([f]) => strip(f))
      .filter((id) => this.taxonomy.get(id))
      .slice(0, 4);
    const certificationsMet = (q.direction === 'request' ? q.requiredCertifications : []).filter((c) => s.certifications.includes(c));
    return {
      sharedConcepts,
      sharedTerms: shared('pivot', 5),
      sharedWords: shared('surface', 5),
      complementaryRoles: complementaryRoles(this.roles.get(q.key) ?? this.rolesOf(q), this.roles.get(s.key)!),
      directions: [q.direction, s.direction],
      certificationsMet,
      missingConcepts,
    };
  }
}

/**
 * Best first, with at most DIVERSITY_PER_ORG results from one organisation in the top ten; the
 * results held back keep their score order after the window.
 */
export function diversify<T extends { subject: MatchSubject; score: number }>(ranked: readonly T[], limit: number): T[] {
  const top: T[] = [];
  const rest: T[] = [];
  const perOrg = new Map<string, number>();
  for (const r of ranked) {
    if (top.length < DIVERSITY_WINDOW) {
      const n = perOrg.get(r.subject.organisationId) ?? 0;
      if (n < DIVERSITY_PER_ORG) {
        perOrg.set(r.subject.organisationId, n + 1);
        top.push(r);
        continue;
      }
    }
    rest.push(r);
  }
  return [...top, ...rest].slice(0, limit);
}
