/**
 * Two-sided, cross-lingual recommendations over organisations and opportunities.
 *
 * Every subject (an opportunity or an organisation profile) is indexed by its language-neutral
 * features (text-features.ts). A recommendation is computed in two steps:
 *
 * 1. candidates: the FeatureIndex walks the postings of the query's strongest features (one
 *    multiply-add per entry) among subjects passing the hard constraints (open, not expired, not
 *    the asker's own organisation, required certifications held, the caller's filters); the
 *    best 1,000 by that walk, or — when it can be proven — exactly the subjects that could still
 *    reach the result, are scored exactly (`candidateSlots` below, decision 012);
 * 2. rerank: each candidate's score is its relevance multiplied by bounded boosts —
 *
 *      total = relevance · (0.6 + 0.4·complementarity) · (1 + 0.25·reciprocity)
 *                        · (0.9 + 0.1·freshness) · (0.95 + 0.05·responsiveness)
 *
 *    so no boost can lift a text-irrelevant candidate (relevance 0 stays 0), and no candidate can
 *    score more than 1.25 × its relevance — the bound that lets the candidate set be proven
 *    complete (bench:match measures recall against scoring every subject);
 * 3. diversity: at most two results from one organisation in the top ten.
 *
 * The weights are the hand-set defaults (documented in docs/matching.md); learning from use may
 * replace them only when it does better on held-out events.
 */
import type { OpportunityType } from '../../../contracts/opportunity';
import type { OrganisationKind } from '../../../contracts/organisation';
import type { TaxonomyIndex, ValueChainRole } from '../analysis/taxonomy/taxonomy';
import { complementaryRoles, complementMask, directionFit, KIND_ROLE, roleMask, typeAffinity } from './complementarity';
import { DEFAULT_SCORE_OPTIONS, FeatureIndex, GATE_OPEN, type PreparedQuery, type ScoreOptions } from './feature-index';
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
  /** Candidates rescored exactly when they cannot be proven complete (default CANDIDATE_POOL). */
  pool?: number;
  /** Features walked for candidates on a long walk (default CANDIDATE_FEATURES). */
  candidateFeatures?: number;
  /** Score every candidate instead of the fast path (for measuring the fast path). */
  exhaustive?: boolean;
}

const FRESHNESS_HALF_LIFE_DAYS = 120;
const RECIPROCITY_BOOST = 0.25;
/**
 * Candidates rescored exactly when they cannot be proven complete, and the features walked to find
 * them on a long walk: bench:match at 300,000 opportunities (see docs/matching.md).
 */
const CANDIDATE_POOL = 1000;
const CANDIDATE_FEATURES = 24;
/** The largest factor the hand-set boosts can apply to relevance: every factor ≤ 1, reciprocity ≤ 1 + RECIPROCITY_BOOST. */
const MAX_BOOST = 1 + RECIPROCITY_BOOST;
const RECIPROCITY_FULL_AT = 0.15;
const DIVERSITY_WINDOW = 10;
const DIVERSITY_PER_ORG = 2;

const byScore = (a: { score: number; key: string }, b: { score: number; key: string }) => b.score - a.score || (a.key < b.key ? -1 : 1);


/** A subject as the engine keeps it: its features live only in the index (typed arrays). */
type StoredSubject = Omit<MatchSubject, 'features'>;

export class MatchEngine {
  readonly index: FeatureIndex<StoredSubject>;
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
  ) {
    this.index = new FeatureIndex<StoredSubject>(scoring);
  }

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
    this.index.upsert(subject.key, features, stored, !stored.open ? -1 : stored.expiresOn ? dayKey(stored.expiresOn) : GATE_OPEN);
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
    const keep = limit * 3;
    const complements = complementMask(roleMask(this.roles.get(query.key) ?? this.rolesOf(query)));
    // Candidates as parallel arrays, and the full reranked objects only for the few that reach
    // the reciprocity loop: a thousand objects per query made garbage collection pause the slow
    // queries for ~12 ms (bench:match).
    const subjects: StoredSubject[] = [];
    const relevances: number[] = [];
    if (options.exhaustive) {
      for (const slot of this.index.liveSlots()) {
        if (!accept(slot)) continue;
        const score = this.index.score(prepared, slot);
        if (score > 0) {
          subjects.push(this.index.payloadAt(slot)!);
          relevances.push(score / prepared.max);
        }
      }
    } else {
      for (const slot of this.candidateSlots(query, prepared, keep, options, complements, accept)) {
        subjects.push(this.index.payloadAt(slot)!);
        relevances.push(this.index.score(prepared, slot) / prepared.max);
      }
    }
    // Every boost but reciprocity first; reciprocity (the costly one, and at most ×1.25) only
    // for candidates that could still reach the `keep` best with it. Exact for those `keep`.
    const partial = new Float64Array(subjects.length);
    for (let i = 0; i < subjects.length; i++) partial[i] = this.partialScore(query, subjects[i]!, relevances[i]!, options, complements);
    const order = Array.from(partial, (_, i) => i).sort((a, b) => partial[b]! - partial[a]! || (subjects[a]!.key < subjects[b]!.key ? -1 : 1));
    const ranked: Array<Omit<MatchResult, 'explanation'>> = [];
    const reciprocityFactor = (q: number) => (this.learned ? Math.exp(this.learned.reciprocity * q) : 1 + RECIPROCITY_BOOST * q);
    const maxFactor = Math.max(reciprocityFactor(0), reciprocityFactor(1));
    // The `keep` best final scores so far, descending (a bounded sorted array: keep is small).
    const best: number[] = [];
    const mine = this.ofOrganisation(query.organisationId);
    for (const i of order) {
      if (best.length >= keep && partial[i]! * maxFactor < best[keep - 1]!) break;
      const r = this.rerank(query, subjects[i]!, relevances[i]!, options, complements);
      const reciprocity = this.reciprocity(query, r.subject, mine);
      const score = r.score * reciprocityFactor(reciprocity);
      ranked.push({ ...r, score, components: { ...r.components, reciprocity } });
      let at = best.length;
      while (at > 0 && best[at - 1]! < score) at--;
      if (at < keep) best.splice(at, 0, score);
      if (best.length > keep) best.pop();
    }
    ranked.sort(byScore);
    return diversify(ranked, limit).map((r) => ({ ...r, explanation: this.explain(query, r.subject) }));
  }

  /**
   * The documents worth scoring for the `keep` best, with their exact relevance (unnormalised).
   * For FeatureIndex.candidates, θ is the keep-th best score without reciprocity among the best
   * walked documents: at most the true keep-th best score; and a document scores at most
   * relevance × MAX_BOOST, so a document of the true top has a relevance of at least
   * θ ÷ MAX_BOOST. Learned weights and dense fusion have no such bound (θ = 0: the best `pool`).
   */
  private candidateSlots(
    query: MatchSubject,
    prepared: PreparedQuery,
    keep: number,
    options: RecommendOptions,
    complements: number,
    accept: (slot: number) => boolean,
  ): number[] {
    const bounded = !this.learned && !this.dense;
    const threshold = (best: readonly number[]) => {
      if (!bounded || best.length < keep) return 0;
      const boosted = best.map((slot) => this.partialScore(query, this.index.payloadAt(slot)!, this.index.score(prepared, slot) / prepared.max, options, complements));
      boosted.sort((a, b) => b - a);
      return (boosted[keep - 1]! * prepared.max) / MAX_BOOST;
    };
    const pool = Math.max(options.pool ?? CANDIDATE_POOL, keep);
    const features = options.candidateFeatures ?? CANDIDATE_FEATURES;
    // Closed and expired subjects are left out by their gate (the last day they are open).
    const gate = { minGate: dayKey(options.today), thetaScale: 1 / MAX_BOOST };
    return this.index.candidates(prepared, keep, threshold, { features, pool, ...gate }, accept).slots;
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
  /** The score with every boost except reciprocity, without building the result (see rerank). */
  private partialScore(query: MatchSubject, s: StoredSubject, relevance: number, o: RecommendOptions, complements: number): number {
    relevance = this.fused(query, s, relevance);
    return this.combine(relevance, this.complementarity(query, s, complements), freshnessOf(s, o), this.responsivenessOf(s));
  }

  /** The score with every boost except reciprocity (reported as 0 until computed). */
  private rerank(
    query: MatchSubject,
    s: StoredSubject,
    relevance: number,
    o: RecommendOptions,
    complements: number,
  ): Omit<MatchResult, 'explanation'> {
    relevance = this.fused(query, s, relevance);
    const components = {
      relevance,
      complementarity: this.complementarity(query, s, complements),
      reciprocity: 0,
      freshness: freshnessOf(s, o),
      responsiveness: this.responsivenessOf(s),
    };
    const score = this.combine(relevance, components.complementarity, components.freshness, components.responsiveness);
    return { key: s.key, subject: s, score, components };
  }

  /** Relevance fused with the dense similarity where both sides have a vector. */
  private fused(query: MatchSubject, s: StoredSubject, relevance: number): number {
    const qv = this.dense?.get(query.key);
    const cv = qv && this.dense?.get(s.key);
    return qv && cv ? fuse(relevance, cosine(qv, cv)) : relevance;
  }

  private responsivenessOf(s: StoredSubject): number {
    return this.responsiveness?.get(s.organisationId) ?? s.responsiveness ?? 0.5;
  }

  /** The header's formula without reciprocity, or the learned log-linear one. */
  private combine(relevance: number, complementarity: number, freshness: number, responsiveness: number): number {
    if (this.learned) {
      // Learned weights keep the log-linear shape; relevance 0 still scores 0.
      return relevance > 0 ? Math.exp(learnedLogScore(this.learned, { relevance, complementarity, reciprocity: 0, freshness, responsiveness })) : 0;
    }
    return relevance * (0.6 + 0.4 * complementarity) * (0.9 + 0.1 * freshness) * (0.95 + 0.05 * responsiveness);
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
  private reciprocity(q: MatchSubject, s: StoredSubject, mine: StoredSubject[]): number {
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

function freshnessOf(s: StoredSubject, o: RecommendOptions): number {
  const ageDays = Math.max(0, (o.now - s.updatedAt) / 86_400_000);
  return Math.pow(0.5, ageDays / FRESHNESS_HALF_LIFE_DAYS);
}

/** An ISO date (YYYY-MM-DD) as an integer that orders like the date (not a day count). */
function dayKey(iso: string): number {
  return Number(iso.slice(0, 4)) * 512 + Number(iso.slice(5, 7)) * 32 + Number(iso.slice(8, 10));
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
