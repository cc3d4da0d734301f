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
 *    possible lift of one candidate over another is bounded (1.25 / (0.6·0.9·0.95) ≈ 2.4), which is what lets
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
import { complementaryRoles, complementMask, directionFit, KIND_ROLE, roleMask, typeAffinity } from './complementarity';
import { DEFAULT_SCORE_OPTIONS, FeatureIndex, type ScoreOptions } from './feature-index';
import { cosine, fuse } from './dense';
import { learnedLogScore, type LearnedWeights } from './learning';
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
  /** Only subjects of these organisations (e.g. an event's participants). */
  organisationIds?: ReadonlySet<string>;
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
  subject: StoredSubject;
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
  /** Candidates reranked after the text pass (default CANDIDATE_POOL). */
  pool?: number;
  /** Query features used to find candidates on the fast path (default 24). */
  candidateFeatures?: number;
  /** Features held by more than this share of documents do not find candidates (default CANDIDATE_MAX_DF_SHARE). */
  candidateMaxDfShare?: number;
  /** Score every candidate instead of the fast path (for measuring the fast path). */
  exhaustive?: boolean;
}

const FRESHNESS_HALF_LIFE_DAYS = 120;
const RECIPROCITY_BOOST = 0.25;
/**
 * Features in more than this share of documents do not find candidates (they still score them).
 * 1 = all do: at 300,000 opportunities a 2 % cap halved median latency but lost 8 % of the
 * exhaustive top 20 (bench:match), so recall wins by default.
 */
const CANDIDATE_MAX_DF_SHARE = 1;
/** Candidates rescored exactly on the fast path: 400 kept 98.2 % of the exhaustive top 20, 600 kept 99.6 %. */
const CANDIDATE_POOL = 600;
const RECIPROCITY_FULL_AT = 0.15;
const DIVERSITY_WINDOW = 10;
const DIVERSITY_PER_ORG = 2;

const byScore = (a: { score: number; key: string }, b: { score: number; key: string }) => b.score - a.score || (a.key < b.key ? -1 : 1);


/** A subject as the engine keeps it: its features live only in the index (typed arrays). */
type StoredSubject = Omit<MatchSubject, 'features'>;

export class MatchEngine {
  readonly index = new FeatureIndex<StoredSubject>();
  private readonly subjects = new Map<string, StoredSubject>();
  private readonly byOrganisation = new Map<string, Set<string>>();
  private readonly roles = new Map<string, Set<ValueChainRole>>();
  private readonly masks = new Map<string, number>();

  /** Weights learned from use (learning.ts); null keeps the hand-set boosts of the header. */
  learned: LearnedWeights | null = null;
  /**
   * Normalised embeddings by subject key (the optional dense layer); when both the asker and a
   * candidate have one, relevance becomes fuse(relevance, cosine) (dense.ts).
   */
  dense: ReadonlyMap<string, Float32Array> | null = null;
  /**
   * Share of contact requests each organisation answers, by organisation id, read at scoring time
   * so that answering a request lifts every subject of that organisation at once.
   */
  responsiveness: ReadonlyMap<string, number> | null = null;

  constructor(
    private readonly taxonomy: TaxonomyIndex,
    private readonly scoring: ScoreOptions = DEFAULT_SCORE_OPTIONS,
  ) {}

  get size(): number {
    return this.subjects.size;
  }

  /** A stored subject with its features, e.g. to use it as a query. */
  get(key: string): MatchSubject | undefined {
    const s = this.subjects.get(key);
    return s && { ...s, features: this.featuresOf(key) };
  }

  upsert(subject: MatchSubject): void {
    this.remove(subject.key);
    const { features, ...stored } = subject;
    this.subjects.set(subject.key, stored);
    this.index.upsert(subject.key, features, stored);
    const roles = this.rolesOf(subject);
    this.roles.set(subject.key, roles);
    this.masks.set(subject.key, roleMask(roles));
    let keys = this.byOrganisation.get(subject.organisationId);
    if (!keys) this.byOrganisation.set(subject.organisationId, (keys = new Set()));
    keys.add(subject.key);
  }

  remove(key: string): void {
    const old = this.subjects.get(key);
    if (!old) return;
    this.subjects.delete(key);
    this.roles.delete(key);
    this.masks.delete(key);
    this.index.remove(key);
    const keys = this.byOrganisation.get(old.organisationId);
    keys?.delete(key);
    if (keys?.size === 0) this.byOrganisation.delete(old.organisationId);
  }

  /** Subjects of one organisation (its profile and its opportunities), without features. */
  ofOrganisation(organisationId: string): StoredSubject[] {
    return [...(this.byOrganisation.get(organisationId) ?? [])].map((k) => this.subjects.get(k)!);
  }

  private featuresOf(key: string): Map<string, number> {
    const slot = this.index.slot(key);
    return slot === undefined ? new Map() : this.index.features(slot);
  }

  recommend(query: MatchSubject, options: RecommendOptions): MatchResult[] {
    const limit = options.limit ?? 20;
    const accept = (slot: number) => {
      const s = this.index.payloadAt(slot);
      return s !== undefined && this.passes(query, s, options);
    };
    const prepared = this.index.prepare(query.features, this.scoring);
    if (prepared.max === 0) return [];
    let candidates: Array<{ key: string; score: number }>;
    if (options.exhaustive) {
      candidates = [];
      for (const slot of this.index.liveSlots()) {
        if (!accept(slot)) continue;
        const score = this.index.score(prepared, slot);
        if (score > 0) candidates.push({ key: this.index.keyAt(slot)!, score });
      }
    } else {
      // Candidates from the query's strongest features, then the exact score on all of them.
      const pool = Math.max(options.pool ?? CANDIDATE_POOL, limit * 4);
      const strongest = this.index.strongest(prepared, options.candidateFeatures ?? 24, options.candidateMaxDfShare ?? CANDIDATE_MAX_DF_SHARE);
      candidates = this.index
        .search(strongest, pool, this.scoring, accept)
        .map((h) => ({ key: h.key, score: this.index.score(prepared, h.slot) }));
    }
    // Every boost but reciprocity first; reciprocity (the costly one, and at most ×1.25) only
    // for candidates that could still reach the `keep` best with it. Exact for those `keep`.
    const keep = limit * 3;
    const complements = complementMask(roleMask(this.roles.get(query.key) ?? this.rolesOf(query)));
    const partial = candidates
      .map((c) => this.rerank(query, c.key, c.score / prepared.max, options, complements))
      .sort(byScore);
    const ranked: Array<Omit<MatchResult, 'explanation'>> = [];
    const reciprocityFactor = (q: number) => (this.learned ? Math.exp(this.learned.reciprocity * q) : 1 + RECIPROCITY_BOOST * q);
    const maxFactor = Math.max(reciprocityFactor(0), reciprocityFactor(1));
    for (const r of partial) {
      if (ranked.length >= keep) {
        ranked.sort(byScore);
        if (r.score * maxFactor < ranked[keep - 1]!.score) break;
      }
      const reciprocity = this.reciprocity(query, r.subject);
      ranked.push({ ...r, score: r.score * reciprocityFactor(reciprocity), components: { ...r.components, reciprocity } });
    }
    ranked.sort(byScore);
    return diversify(ranked, limit).map((r) => ({ ...r, explanation: this.explain(query, r.subject) }));
  }

  private passes(q: MatchSubject, s: StoredSubject, o: RecommendOptions): boolean {
    if (s.organisationId === q.organisationId || !s.open) return false;
    if (s.expiresOn !== null && s.expiresOn < o.today) return false;
    const f = o.filters;
    if (f) {
      if (f.kinds?.length && !f.kinds.includes(s.kind)) return false;
      if (f.organisationIds && !f.organisationIds.has(s.organisationId)) return false;
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

  /** The score with every boost except reciprocity (reported as 0 until computed). */
  private rerank(
    query: MatchSubject,
    key: string,
    relevance: number,
    o: RecommendOptions,
    complements: number,
  ): Omit<MatchResult, 'explanation'> {
    const s = this.subjects.get(key)!;
    const qv = this.dense?.get(query.key);
    const cv = qv && this.dense?.get(key);
    if (qv && cv) relevance = fuse(relevance, cosine(qv, cv));
    const complementarity = this.complementarity(query, s, complements);
    const reciprocity = 0;
    const ageDays = Math.max(0, (o.now - s.updatedAt) / 86_400_000);
    const freshness = Math.pow(0.5, ageDays / FRESHNESS_HALF_LIFE_DAYS);
    const responsiveness = this.responsiveness?.get(s.organisationId) ?? s.responsiveness ?? 0.5;
    const components = { relevance, complementarity, reciprocity, freshness, responsiveness };
    if (this.learned) {
      // Learned weights keep the log-linear shape; relevance 0 still scores 0.
      const score = relevance > 0 ? Math.exp(learnedLogScore(this.learned, components)) : 0;
      return { key, subject: s, score, components };
    }
    const score =
      relevance *
      (0.6 + 0.4 * complementarity) *
      (0.9 + 0.1 * freshness) *
      (0.95 + 0.05 * responsiveness);
    return { key, subject: s, score, components: { relevance, complementarity, reciprocity, freshness, responsiveness } };
  }

  private complementarity(q: MatchSubject, s: StoredSubject, complements: number): number {
    const roleFit = complements & this.masks.get(s.key)! ? 1 : 0.5;
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
  private reciprocity(q: MatchSubject, s: StoredSubject): number {
    const mine = this.ofOrganisation(q.organisationId);
    const theirs = this.ofOrganisation(s.organisationId);
    // The asker may be a draft outside the index: it then takes part by its feature map.
    const similarity = (x: StoredSubject, y: StoredSubject) => {
      const sx = this.index.slot(x.key);
      const sy = this.index.slot(y.key);
      if (sx !== undefined && sy !== undefined) return this.index.cosine(sx, sy);
      if (sy !== undefined && x.key === q.key) return this.index.cosine(q.features, sy);
      if (sx !== undefined && y.key === q.key) return this.index.cosine(q.features, sx);
      return 0;
    };
    const best = (wants: StoredSubject[], has: StoredSubject[]) => {
      let top = 0;
      for (const w of wants) for (const h of has) top = Math.max(top, similarity(w, h));
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

  private explain(q: MatchSubject, s: StoredSubject): MatchExplanation {
    const slot = this.index.slot(s.key)!;
    const breakdown = this.index.scoreBreakdown(q.features, slot, this.scoring);
    const theirs = this.index.features(slot);
    const strip = (f: string) => f.slice(2);
    const shared = (channel: 'concept' | 'pivot' | 'surface', n: number) =>
      breakdown.features.filter((x) => channelOf(x.feature) === channel).slice(0, n).map((x) => strip(x.feature));
    const sharedConcepts = shared('concept', 6).filter((id) => this.taxonomy.get(id));
    const missingConcepts = [...q.features]
      .filter(([f, w]) => f.startsWith(CHANNEL_PREFIX.concept) && w >= 0.5 && !theirs.has(f))
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
export function diversify<T extends { subject: { organisationId: string }; score: number }>(ranked: readonly T[], limit: number): T[] {
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
