/**
 * In-memory inverted index over text features (concepts, pivots, surface words) with per-channel
 * BM25 scoring — BM25F in the simple "sum of per-field BM25" form: every channel has its own
 * length normalisation, and the channel scores are added with weights.
 *
 *   score(q, d) = Σ_channel w_channel · Σ_{f ∈ q ∩ d} q_f · idf_f · tf·(k1+1) / (tf + k1·(1 − b + b·len_d/avg))
 *   idf_f = ln(1 + (N − df + 0.5) / (df + 0.5))
 *
 * Postings are growable typed arrays; documents are replaced by tombstoning the old slot (exact
 * document frequencies are kept per feature) and compacting when a fifth of the slots are dead.
 *
 * Each posting stores the document's *impact* — the BM25 factor tf·(k1+1)/(tf + k1·(1 − b +
 * b·len/avg)) without idf — so walking a posting is one multiply-add per entry into one score
 * array, and each feature knows the largest contribution it can make to any document. Impacts are
 * computed with a snapshot of the average lengths; as documents come and go the true averages
 * drift, and walked scores are then within a known factor (`slack`) of the exact ones; the
 * snapshot is renewed when the drift passes IMPACT_DRIFT.
 *
 * Top-k search is exact, but does not walk every posting: MaxScore (Turtle & Flood, 1995) — see
 * `candidates`. The long postings of common features are walked only while they could still
 * change the result; candidates are then scored exactly from their own features.
 */
import { CHANNELS, channelOf, type Channel } from './text-features';

export interface ChannelWeights {
  concept: number;
  pivot: number;
  surface: number;
}

export interface ScoreOptions {
  weights: ChannelWeights;
  k1: number;
  b: number;
}

export const DEFAULT_SCORE_OPTIONS: ScoreOptions = {
  weights: { concept: 1.0, pivot: 1.0, surface: 1.0 },
  k1: 1.2,
  b: 0.75,
};

export interface SearchHit {
  slot: number;
  key: string;
  score: number;
}

interface Posting {
  channel: number;
  docs: Int32Array;
  tfs: Float32Array;
  /** BM25 impact per entry, with the average lengths of `impactAvg` (the header). */
  impacts: Float32Array;
  /** At least every live entry's impact. */
  maxImpact: number;
  length: number;
  /** Live documents holding the feature. */
  df: number;
}

const CHANNEL_INDEX: Record<Channel, number> = { concept: 0, pivot: 1, surface: 2 };

/** Lucene's BM25 idf for a feature held by `df` of `n` documents. */
const idfOf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** One matched feature's BM25 term: `w` is query weight × idf × channel weight (the header's formula). */
const termScore = (w: number, tf: number, length: number, avgLength: number, k1: number, b: number) =>
  (w * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / avgLength));
const SURFACE = CHANNEL_INDEX.surface;
/**
 * Stored impacts are recomputed when an average length has moved by more than this factor since
 * they were computed. A larger factor means fewer recomputations (a pass over every posting) but
 * more documents re-scored per search; averages of a large index barely move, so this is rare.
 */
const IMPACT_DRIFT = 1.03;
/** Float32 sums of a few hundred terms: relative rounding far below this. */
const ROUNDING = 1e-4;

/**
 * Turns the best walked documents (slots, best walked score first) into θ: a raw relevance that
 * every document of the caller's true top k must reach (0 when it cannot tell).
 */
export type Threshold = (best: readonly number[]) => number;

export interface CandidateOptions {
  /** Features walked at most (by decreasing bound) once the walk is past SMALL_WALK entries. */
  features: number;
  /** Candidates returned when they cannot be proven complete. */
  pool: number;
  /** Only slots whose gate is at least this (default: every live slot). */
  minGate?: number;
  /** `threshold` never exceeds this × the k-th best exact score of the documents it is given (default 1). */
  thetaScale?: number;
  /** Posting entries a long walk may pass once the strongest features are in (default WALK_BUDGET). */
  walkBudget?: number;
}
/**
 * Walks up to this many posting entries are always finished, whatever `features` says: small
 * indexes and rare-word queries then get the exact candidate set for little work.
 */
const SMALL_WALK = 50_000;
/**
 * A long walk stops before passing this many entries once MIN_FEATURES are walked: at 400,000
 * documents it trims the heaviest queries' walks without losing recall (bench:match sweep in
 * docs/decisions/012-exact-candidates-by-impacts.md).
 */
const WALK_BUDGET = 1_500_000;
const MIN_FEATURES = 12;
/** Buckets of the score histogram that finds the k-th best walked score in two passes. */
const HISTOGRAM_BUCKETS = 2048;
/** One slot in this many estimates the score of the k-th best before the one collecting pass. */
const SAMPLE_STRIDE = 64;
/** sortByScore packs a slot into the low 21 bits of a double's 53. */
const MAX_PACKED_SLOTS = 1 << 21;
export const GATE_OPEN = 0x7fffffff;
const GATE_DEAD = -0x80000000;

export interface PreparedQuery {
  /** Feature ids known to the index, ascending. */
  ids: Int32Array;
  /** The channel of each id (read per matched feature when scoring: a typed array, not the postings). */
  channels: Uint8Array;
  /** Query weight × idf × channel weight, per id. */
  weights: Float64Array;
  /** The best score a document could reach for the full query. */
  max: number;
  options: ScoreOptions;
}

/** `P`: a payload stored per document (the engine keeps its subject there, so filters need no key lookups). */
export class FeatureIndex<P = unknown> {
  private readonly featureIds = new Map<string, number>();
  private readonly featureKeys: string[] = [];
  private postings: Posting[] = [];
  private keys: Array<string | null> = [];
  private payloads: Array<P | undefined> = [];
  private docFeatures: Array<{ ids: Int32Array; tfs: Float32Array } | null> = [];
  private lengths: Float64Array[] = CHANNELS.map(() => new Float64Array(1024));
  private readonly totalLength = [0, 0, 0];
  private readonly slotOf = new Map<string, number>();
  private dead = 0;
  private readonly vectors = new Map<number, { ids: Int32Array; w: Float64Array; norm: number }>();
  /** Walked scores, one per slot, reused by every search (zeroed at the start of a walk). */
  private scores = new Float32Array(1024);
  /**
   * A number per slot that a search's `minGate` must not exceed for the slot to be a candidate
   * (the engine stores the last day an opportunity is open): filtering by a typed array read
   * instead of a call per document. Dead slots hold the minimum.
   */
  private gates = new Int32Array(1024);
  private readonly histogram = new Int32Array(HISTOGRAM_BUCKETS);
  private collected = new Int32Array(4096);
  private sample = new Float32Array(1024);
  private sortKeys = new Float64Array(4096);
  /** The most any document can have gained in the current walk (Σ walked features' bounds). */
  private walkBound = 0;
  /** The average length per channel the stored impacts were computed with (0: none yet). */
  private readonly impactAvg = [0, 0, 0];
  private readonly options: ScoreOptions;

  /** `options` fixes k1 and b of the stored impacts; a query with other values is scored exactly. */
  constructor(options: ScoreOptions = DEFAULT_SCORE_OPTIONS) {
    this.options = options;
  }

  /** Live documents. */
  get size(): number {
    return this.slotOf.size;
  }

  has(key: string): boolean {
    return this.slotOf.has(key);
  }

  slot(key: string): number | undefined {
    return this.slotOf.get(key);
  }

  keyAt(slot: number): string | null {
    return this.keys[slot] ?? null;
  }

  payloadAt(slot: number): P | undefined {
    return this.payloads[slot];
  }

  /** Adds or replaces a document. Returns its slot (a new one on every call). */
  /** `gate`: see `gates` (default: always a candidate). */
  upsert(key: string, features: ReadonlyMap<string, number>, payload?: P, gate = GATE_OPEN): number {
    this.remove(key);
    this.vectors.clear();
    const slot = this.keys.length;
    this.keys.push(key);
    this.payloads.push(payload);
    this.slotOf.set(key, slot);
    this.ensureSlots(slot + 1);
    this.gates[slot] = gate;
    const ids = new Int32Array(features.size);
    const tfs = new Float32Array(features.size);
    let count = 0;
    for (const [feature, tf] of features) {
      if (!(tf > 0)) continue;
      const id = this.intern(feature);
      const p = this.postings[id]!;
      p.df++;
      this.lengths[p.channel]![slot]! += tf;
      this.totalLength[p.channel]! += tf;
      ids[count] = id;
      tfs[count] = tf;
      count++;
    }
    // Impacts need the document's full length per channel, hence a second pass.
    for (let c = 0; c < 3; c++) if (this.impactAvg[c] === 0 && this.totalLength[c]! > 0) this.impactAvg[c] = this.totalLength[c]! / this.slotOf.size;
    for (let i = 0; i < count; i++) {
      const p = this.postings[ids[i]!]!;
      if (p.length === p.docs.length) {
        const grow = <T extends Int32Array | Float32Array>(a: T, make: (n: number) => T): T => {
          const next = make(a.length * 2);
          next.set(a);
          return next;
        };
        p.docs = grow(p.docs, (n) => new Int32Array(n));
        p.tfs = grow(p.tfs, (n) => new Float32Array(n));
        p.impacts = grow(p.impacts, (n) => new Float32Array(n));
      }
      const impact = this.impact(tfs[i]!, this.lengths[p.channel]![slot]!, this.impactAvg[p.channel]!);
      p.docs[p.length] = slot;
      p.tfs[p.length] = tfs[i]!;
      p.impacts[p.length] = impact;
      if (impact > p.maxImpact) p.maxImpact = impact;
      p.length++;
    }
    // Sorted by feature id, so a document meets a prepared query or another document by a merge.
    const order = Array.from({ length: count }, (_, j) => j).sort((a, b) => ids[a]! - ids[b]!);
    this.docFeatures.push({ ids: Int32Array.from(order, (j) => ids[j]!), tfs: Float32Array.from(order, (j) => tfs[j]!) });
    return slot;
  }

  private impact(tf: number, length: number, avgLength: number): number {
    const { k1, b } = this.options;
    return (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / Math.max(avgLength, 1e-9)));
  }

  remove(key: string): boolean {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return false;
    this.slotOf.delete(key);
    this.vectors.clear();
    const f = this.docFeatures[slot]!;
    for (let i = 0; i < f.ids.length; i++) {
      const p = this.postings[f.ids[i]!]!;
      p.df--;
      this.totalLength[p.channel]! -= f.tfs[i]!;
    }
    this.keys[slot] = null;
    this.payloads[slot] = undefined;
    this.gates[slot] = GATE_DEAD;
    this.docFeatures[slot] = null;
    this.dead++;
    if (this.dead > 1000 && this.dead * 5 > this.keys.length) this.compact();
    return true;
  }

  /** The stored features of a live document, by key. */
  features(slot: number): Map<string, number> {
    const out = new Map<string, number>();
    const f = this.docFeatures[slot];
    if (!f) return out;
    for (let i = 0; i < f.ids.length; i++) out.set(this.featureKeys[f.ids[i]!]!, f.tfs[i]!);
    return out;
  }


  /**
   * Top `limit` live documents by exact score, best first (ties by slot, so results are stable).
   * `accept` filters slots before they compete for a place. Exact: every feature is walked.
   */
  search(
    query: ReadonlyMap<string, number> | PreparedQuery,
    limit: number,
    options: ScoreOptions = DEFAULT_SCORE_OPTIONS,
    accept?: (slot: number) => boolean,
  ): SearchHit[] {
    if (this.slotOf.size === 0 || limit <= 0) return [];
    const q = query instanceof Map ? this.prepare(query, options) : (query as PreparedQuery);
    const exact = (slot: number): SearchHit => ({ slot, key: this.keys[slot]!, score: this.score(q, slot) });
    // θ: the limit-th best exact score among the best walked documents.
    const threshold: Threshold = (best) => (best.length < limit ? 0 : best.map((d) => this.score(q, d)).sort((a, b) => b - a)[limit - 1]!);
    const all = { features: Infinity, pool: Infinity };
    return this.candidates(q, limit, threshold, all, accept).slots.map(exact).sort(byHit).slice(0, limit);
  }

  /**
   * Live, accepted slots for the caller's top k, to be scored exactly by the caller; `exact` when
   * they provably hold every document of the true top k.
   *
   * The query's features are walked by decreasing bound (query weight × the feature's largest
   * impact), all of them when the walk is small, else the `features` strongest. `threshold` turns
   * the best walked documents into θ. A document of the true top k then has an exact score of at
   * least θ, and its exact score is at most slack × (walked score + the bounds of the features not
   * walked) — so the walked documents above that floor are complete whenever the features left
   * could not lift an unwalked document to θ (MaxScore's argument, Turtle & Flood 1995). When they
   * are not complete, or too many for `pool`, the best `pool` by walked score are returned
   * instead: on bench:match's 300,000 opportunities the strongest features' walk keeps ≥ 99 % of
   * the exhaustive top 20.
   */
  candidates(
    q: PreparedQuery,
    k: number,
    threshold: Threshold,
    options: CandidateOptions,
    accept?: (slot: number) => boolean,
  ): { slots: number[]; exact: boolean } {
    if (this.slotOf.size === 0 || k <= 0) return { slots: [], exact: true };
    const { k1, b } = q.options;
    if (k1 !== this.options.k1 || b !== this.options.b) {
      // A query with other BM25 parameters than the stored impacts (none in the product): every document.
      const slots = [...this.slotOf.values()].filter((d) => (!accept || accept(d)) && this.score(q, d) > 0);
      return { slots: slots.sort((x, y) => x - y), exact: true };
    }
    const slack = this.refreshImpacts() * (1 + ROUNDING);
    const scores = this.scores;
    const n = this.keys.length;
    scores.fill(0, 0, n);
    this.walkBound = 0;
    const bound = Array.from(q.ids, (id, i) => q.weights[i]! * this.postings[id]!.maxImpact);
    const order = Array.from(q.ids, (_, i) => i).sort((x, y) => bound[y]! - bound[x]! || q.ids[x]! - q.ids[y]!);
    let walked = 0;
    let next = 0;
    for (; next < order.length; next++) {
      const i = order[next]!;
      const p = this.postings[q.ids[i]!]!;
      if (next >= options.features && walked + p.length > SMALL_WALK) break;
      // A long walk stops early at the budget, once the strongest features are in.
      if (next >= MIN_FEATURES && walked + p.length > (options.walkBudget ?? WALK_BUDGET)) break;
      addImpacts(scores, p.docs, p.impacts, p.length, q.weights[i]!);
      walked += p.length;
      this.walkBound += bound[i]!;
    }
    let left = 0;
    for (let j = next; j < order.length; j++) left += bound[order[j]!]!;
    const best = this.topK(options.pool, accept, options.minGate);
    // θ ≤ thetaScale × the k-th best exact score among the best ≤ thetaScale × slack × (its walked
    // score + left), and completeness needs θ > slack × left: when that cannot be, skip θ.
    const kth = best.length >= k ? scores[best[k - 1]!]! : 0;
    if (best.length >= options.pool && (kth + left) * (options.thetaScale ?? 1) <= left) return { slots: best, exact: false };
    const theta = threshold(best.slice(0, Math.min(2 * k, best.length)));
    const floor = (theta / slack - left) * (1 - ROUNDING);
    // Complete when no accepted document outside `best` reaches the floor: `best` holds every
    // accepted document, or its last is already below the floor.
    const all = best.length < options.pool;
    if (theta > 0 && floor > 0 && (all || scores[best[best.length - 1]!]! < floor)) {
      return { slots: best.filter((d) => scores[d]! >= floor), exact: true };
    }
    return { slots: best, exact: all && next === order.length };
  }

  /**
   * A query compiled against the index: known features as sorted ids with their weight ×
   * idf × channel weight folded in, plus the best score any document could reach (every query
   * feature at unbounded frequency), which normalises relevance to 0..1.
   */
  prepare(query: ReadonlyMap<string, number>, options: ScoreOptions = DEFAULT_SCORE_OPTIONS): PreparedQuery {
    const n = this.slotOf.size;
    const entries: Array<{ id: number; w: number }> = [];
    let max = 0;
    const channelWeight = [options.weights.concept, options.weights.pivot, options.weights.surface];
    for (const [feature, qw] of query) {
      const id = this.featureIds.get(feature);
      const df = id === undefined ? 0 : this.postings[id]!.df;
      const channel = id === undefined ? CHANNEL_INDEX[channelOf(feature)] : this.postings[id]!.channel;
      const w = channelWeight[channel]! * qw * idfOf(n, df);
      max += w * (options.k1 + 1);
      if (id !== undefined && df > 0 && w > 0) entries.push({ id, w });
    }
    entries.sort((x, y) => x.id - y.id);
    return {
      ids: Int32Array.from(entries, (e) => e.id),
      channels: Uint8Array.from(entries, (e) => this.postings[e.id]!.channel),
      weights: Float64Array.from(entries, (e) => e.w),
      max,
      options,
    };
  }

  /** The exact score of one document for a prepared query (a merge of two sorted id lists). */
  score(q: PreparedQuery, slot: number): number {
    const f = this.docFeatures[slot];
    const n = this.slotOf.size;
    if (!f || n === 0) return 0;
    const { k1, b } = q.options;
    const c0 = this.channelFactor(0, slot, k1, b);
    const c1 = this.channelFactor(1, slot, k1, b);
    const c2 = this.channelFactor(2, slot, k1, b);
    let total = 0;
    const qIds = q.ids;
    const dIds = f.ids;
    for (let i = 0, j = 0; i < qIds.length && j < dIds.length; ) {
      const qi = qIds[i]!;
      const dj = dIds[j]!;
      if (qi < dj) i++;
      else if (qi > dj) j++;
      else {
        const channel = q.channels[i]!;
        const tf = f.tfs[j]!;
        // termScore with the length part computed once per channel.
        total += (q.weights[i]! * tf * (k1 + 1)) / (tf + (channel === 0 ? c0 : channel === 1 ? c1 : c2));
        i++;
        j++;
      }
    }
    return total;
  }

  /** k1·(1 − b + b·len/avg) of one document in one channel. */
  private channelFactor(channel: number, slot: number, k1: number, b: number): number {
    const avg = Math.max(this.totalLength[channel]! / this.slotOf.size, 1e-9);
    return k1 * (1 - b + (b * this.lengths[channel]![slot]!) / avg);
  }

  /**
   * Cosine similarity of two documents' tf·idf vectors over the concept and pivot channels (the
   * language-neutral ones); `a` may also be a feature map that is not in the index.
   */
  cosine(a: number | ReadonlyMap<string, number>, b: number): number {
    const va = typeof a === 'number' ? this.vector(a) : this.vectorOf(a);
    const vb = this.vector(b);
    let dot = 0;
    for (let i = 0, j = 0; i < va.ids.length && j < vb.ids.length; ) {
      if (va.ids[i]! < vb.ids[j]!) i++;
      else if (va.ids[i]! > vb.ids[j]!) j++;
      else dot += va.w[i++]! * vb.w[j++]!;
    }
    return va.norm && vb.norm ? dot / (va.norm * vb.norm) : 0;
  }

  private vector(slot: number): { ids: Int32Array; w: Float64Array; norm: number } {
    // Between writes idf does not change, so vectors are cached until the next upsert or remove.
    const cached = this.vectors.get(slot);
    if (cached) return cached;
    if (this.vectors.size > 20_000) this.vectors.clear();
    const v = this.computeVector(slot);
    this.vectors.set(slot, v);
    return v;
  }

  private computeVector(slot: number): { ids: Int32Array; w: Float64Array; norm: number } {
    const f = this.docFeatures[slot];
    if (!f) return { ids: new Int32Array(0), w: new Float64Array(0), norm: 0 };
    const n = this.slotOf.size;
    const w = new Float64Array(f.ids.length);
    let norm = 0;
    for (let i = 0; i < f.ids.length; i++) {
      const p = this.postings[f.ids[i]!]!;
      if (p.channel === SURFACE) continue;
      w[i] = f.tfs[i]! * idfOf(n, p.df);
      norm += w[i]! * w[i]!;
    }
    return { ids: f.ids, w, norm: Math.sqrt(norm) };
  }

  private vectorOf(features: ReadonlyMap<string, number>): { ids: Int32Array; w: Float64Array; norm: number } {
    const n = this.slotOf.size;
    const known: Array<{ id: number; w: number }> = [];
    let norm = 0;
    for (const [feature, tf] of features) {
      if (channelOf(feature) === 'surface') continue;
      const id = this.featureIds.get(feature);
      const df = id === undefined ? 0 : this.postings[id]!.df;
      const w = tf * idfOf(n, df);
      norm += w * w;
      if (id !== undefined) known.push({ id, w });
    }
    known.sort((x, y) => x.id - y.id);
    return { ids: Int32Array.from(known, (k) => k.id), w: Float64Array.from(known, (k) => k.w), norm: Math.sqrt(norm) };
  }

  /** The score of one document for a query, channel by channel (for explanations and exhaustive checks). */
  scoreBreakdown(
    query: ReadonlyMap<string, number>,
    slot: number,
    options: ScoreOptions = DEFAULT_SCORE_OPTIONS,
  ): { total: number; channels: Record<Channel, number>; features: Array<{ feature: string; score: number }> } {
    const channels: Record<Channel, number> = { concept: 0, pivot: 0, surface: 0 };
    const features: Array<{ feature: string; score: number }> = [];
    const f = this.docFeatures[slot];
    const n = this.slotOf.size;
    if (!f || n === 0) return { total: 0, channels, features };
    const { k1, b } = options;
    for (let i = 0; i < f.ids.length; i++) {
      const key = this.featureKeys[f.ids[i]!]!;
      const qw = query.get(key);
      if (!qw) continue;
      const p = this.postings[f.ids[i]!]!;
      const channel = CHANNELS[p.channel]!;
      const avg = Math.max(this.totalLength[p.channel]! / n, 1e-9);
      const w = options.weights[channel] * qw * idfOf(n, p.df);
      const s = termScore(w, f.tfs[i]!, this.lengths[p.channel]![slot]!, avg, k1, b);
      channels[channel] += s;
      features.push({ feature: key, score: s });
    }
    features.sort((x, y) => y.score - x.score);
    return { total: channels.concept + channels.pivot + channels.surface, channels, features };
  }

  /** Every live slot, for exhaustive scoring. */
  *liveSlots(): Iterable<number> {
    for (const slot of this.slotOf.values()) yield slot;
  }

  /**
   * The `limit` live, accepted slots with the highest walked scores (> 0) and a gate of at least
   * `minGate`, best first (ties by slot). A sample estimates a score τ a little below the
   * limit-th best; one pass collects the slots at or above it, which are sorted and offered to
   * `accept` (a heap over every slot spent a quarter of a query in its comparisons). Small
   * indexes, and samples that fall short, take topKByHistogram.
   */
  private topK(limit: number, accept?: (slot: number) => boolean, minGate = GATE_DEAD + 1): number[] {
    if (!(limit > 0)) return [];
    const { scores, gates } = this;
    const n = this.keys.length;
    // A few more than asked, so that what `accept` turns down rarely costs another pass.
    const wanted = accept ? Math.ceil(limit * 1.15) + 32 : limit;
    // τ from every SAMPLE_STRIDE-th slot: about twice `wanted` documents score at least τ, so one
    // pass collects them all (the histogram's two passes were a third of a query at 400,000).
    const rank = Math.ceil((2 * wanted) / SAMPLE_STRIDE);
    if (n < SAMPLE_STRIDE * SAMPLE_STRIDE || n > MAX_PACKED_SLOTS) return this.topKByHistogram(limit, accept, minGate);
    if (this.sample.length < Math.ceil(n / SAMPLE_STRIDE)) this.sample = new Float32Array(Math.ceil(n / SAMPLE_STRIDE) * 2);
    const sample = this.sample;
    let sampled = 0;
    for (let d = 0; d < n; d += SAMPLE_STRIDE) if (scores[d]! > 0 && gates[d]! >= minGate) sample[sampled++] = scores[d]!;
    if (sampled <= rank) return this.topKByHistogram(limit, accept, minGate);
    const sorted = sample.subarray(0, sampled).sort();
    const tau = sorted[sampled - rank]!;
    let count = collectAtLeast(scores, gates, n, minGate, tau, this.collected);
    if (count > this.collected.length) {
      this.collected = new Int32Array(count * 2);
      count = collectAtLeast(scores, gates, n, minGate, tau, this.collected);
    }
    if (this.sortKeys.length < count) this.sortKeys = new Float64Array(count * 2);
    const batch = sortByScore(scores, this.collected, count, this.sortKeys);
    const out: number[] = [];
    for (let c = 0; c < count && out.length < limit; c++) if (!accept || accept(batch[c]!)) out.push(batch[c]!);
    // Everything at or above τ was offered; only if that was not enough can a lower one belong.
    return out.length < limit ? this.topKByHistogram(limit, accept, minGate) : out;
  }

  /** The same selection by a histogram of the scores: exact in every case, one pass more. */
  private topKByHistogram(limit: number, accept?: (slot: number) => boolean, minGate = GATE_DEAD + 1): number[] {
    if (!(limit > 0)) return [];
    const { scores, gates, histogram } = this;
    const n = this.keys.length;
    // The walk's bound, not the highest score, scales the histogram: one pass fewer (a walked
    // score never exceeds it; ROUNDING covers Float32 sums).
    const max = this.walkBound * (1 + ROUNDING);
    if (!(max > 0)) return [];
    const scale = (HISTOGRAM_BUCKETS - 1) / max;
    fillHistogram(scores, gates, n, minGate, scale, histogram);
    const out: number[] = [];
    // Buckets [from, to) are collected at a time, a few more documents than asked so that what
    // `accept` turns down rarely costs another pass.
    let to = HISTOGRAM_BUCKETS;
    let wanted = accept ? Math.ceil(limit * 1.15) + 32 : limit;
    while (to > 0 && out.length < limit) {
      let from = to;
      let have = 0;
      while (from > 0 && have < wanted) have += histogram[--from]!;
      if (this.collected.length < have) this.collected = new Int32Array(Math.max(have, this.collected.length * 2));
      const count = collectBuckets(scores, gates, n, minGate, scale, from, to, this.collected);
      const batch = Array.from(this.collected.subarray(0, count)).sort((x, y) => scores[y]! - scores[x]! || x - y);
      for (let c = 0; c < batch.length && out.length < limit; c++) if (!accept || accept(batch[c]!)) out.push(batch[c]!);
      wanted = 2 * (limit - out.length) + 16;
      to = from;
    }
    return out;
  }

  /**
   * Renews the stored impacts when an average length has drifted past IMPACT_DRIFT since they
   * were computed; returns the factor by which walked scores may differ from exact ones.
   */
  private refreshImpacts(): number {
    const n = this.slotOf.size;
    let slack = 1;
    for (let c = 0; c < 3; c++) {
      const now = this.totalLength[c]! / Math.max(n, 1);
      const then = this.impactAvg[c]!;
      if (now <= 0 || then <= 0) continue;
      slack = Math.max(slack, now / then, then / now);
    }
    if (slack <= IMPACT_DRIFT) return slack;
    for (let c = 0; c < 3; c++) this.impactAvg[c] = this.totalLength[c]! / Math.max(n, 1);
    // Posting by posting, in entry order: sequential reads (a document-by-document pass took 5.7 s
    // at 400,000 documents, from cache misses).
    for (const p of this.postings) {
      const lengths = this.lengths[p.channel]!;
      const avg = this.impactAvg[p.channel]!;
      let max = 0;
      for (let i = 0; i < p.length; i++) {
        const d = p.docs[i]!;
        const impact = this.keys[d] === null ? 0 : this.impact(p.tfs[i]!, lengths[d]!, avg);
        p.impacts[i] = impact;
        if (impact > max) max = impact;
      }
      p.maxImpact = max;
    }
    return 1;
  }

  private intern(feature: string): number {
    let id = this.featureIds.get(feature);
    if (id === undefined) {
      id = this.featureKeys.length;
      this.featureIds.set(feature, id);
      this.featureKeys.push(feature);
      this.postings.push({
        channel: CHANNEL_INDEX[channelOf(feature)],
        docs: new Int32Array(4),
        tfs: new Float32Array(4),
        impacts: new Float32Array(4),
        maxImpact: 0,
        length: 0,
        df: 0,
      });
    }
    return id;
  }

  private ensureSlots(count: number): void {
    if (count <= this.scores.length) return;
    const size = Math.max(count, this.scores.length * 2);
    const grow = <T extends Float64Array | Float32Array>(a: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(a);
      return next;
    };
    this.scores = grow(this.scores, (k) => new Float32Array(k));
    const gates = new Int32Array(size);
    gates.set(this.gates);
    this.gates = gates;
    this.lengths = this.lengths.map((l) => grow(l, (k) => new Float64Array(k)));
  }

  /** Rebuilds postings without the dead slots; slots are renumbered, keys stay. */
  private compact(): void {
    const live = [...this.slotOf.keys()].map((key) => ({ key, slot: this.slotOf.get(key)! }));
    live.sort((a, b) => a.slot - b.slot);
    const saved = live.map(({ key, slot }) => ({ key, features: this.features(slot), payload: this.payloads[slot], gate: this.gates[slot]! }));
    this.postings = this.postings.map((p) => ({ channel: p.channel, docs: new Int32Array(4), tfs: new Float32Array(4), impacts: new Float32Array(4), maxImpact: 0, length: 0, df: 0 }));
    this.keys = [];
    this.payloads = [];
    this.docFeatures = [];
    this.lengths = CHANNELS.map(() => new Float64Array(this.scores.length));
    this.totalLength.fill(0);
    this.impactAvg.fill(0);
    this.slotOf.clear();
    this.dead = 0;
    for (const { key, features, payload, gate } of saved) this.upsert(key, features, payload, gate);
  }
}

/** The hot loop of every search, kept in a small function of its own so that it is optimised on its own. */
function addImpacts(scores: Float32Array, docs: Int32Array, impacts: Float32Array, length: number, w: number): void {
  for (let e = 0; e < length; e++) scores[docs[e]!]! += w * impacts[e]!;
}

/** Counts the candidate slots (score > 0, gate ≥ minGate) per bucket ⌊score·scale⌋. */
function fillHistogram(scores: Float32Array, gates: Int32Array, n: number, minGate: number, scale: number, histogram: Int32Array): void {
  histogram.fill(0);
  const last = histogram.length - 1;
  for (let d = 0; d < n; d++) {
    const s = scores[d]!;
    if (s > 0 && gates[d]! >= minGate) histogram[Math.min(last, (s * scale) | 0)]!++;
  }
}

const float32Bits = new Uint32Array(1);
const float32View = new Float32Array(float32Bits.buffer);

/**
 * Sorts the first `count` slots of `slots` best score first, ties by slot. A typed-array sort of
 * packed keys — (inverted bits of the Float32 score) · 2²¹ + slot, exact in a double — instead of
 * a comparator sort: positive floats order like their bit patterns.
 */
function sortByScore(scores: Float32Array, slots: Int32Array, count: number, buffer: Float64Array): Int32Array {
  // In place, in reused buffers: this runs once per recommendation.
  const keys = buffer.subarray(0, count);
  for (let c = 0; c < count; c++) {
    const d = slots[c]!;
    float32View[0] = scores[d]!;
    keys[c] = (0xffffffff - float32Bits[0]!) * MAX_PACKED_SLOTS + d;
  }
  keys.sort();
  for (let c = 0; c < count; c++) slots[c] = keys[c]! % MAX_PACKED_SLOTS;
  return slots;
}

/**
 * Writes the candidate slots scoring at least `min` into `out`, in slot order, as far as it
 * holds them; returns how many there are (possibly more than `out` holds).
 */
function collectAtLeast(scores: Float32Array, gates: Int32Array, n: number, minGate: number, min: number, out: Int32Array): number {
  let count = 0;
  const room = out.length;
  for (let d = 0; d < n; d++) {
    if (scores[d]! >= min && gates[d]! >= minGate) {
      if (count < room) out[count] = d;
      count++;
    }
  }
  return count;
}

/** Writes the candidate slots whose bucket is in [from, to) into `out`, in slot order; returns how many. */
function collectBuckets(scores: Float32Array, gates: Int32Array, n: number, minGate: number, scale: number, from: number, to: number, out: Int32Array): number {
  let count = 0;
  const last = HISTOGRAM_BUCKETS - 1;
  for (let d = 0; d < n; d++) {
    const s = scores[d]!;
    if (s > 0 && gates[d]! >= minGate) {
      const bucket = Math.min(last, (s * scale) | 0);
      if (bucket >= from && bucket < to) out[count++] = d;
    }
  }
  return count;
}

const byHit = (x: SearchHit, y: SearchHit) => y.score - x.score || x.slot - y.slot;
