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
 * Search is term-at-a-time into a score array: exact, not approximate, so "fast" here means
 * tight loops over typed arrays, not pruning that could lose a result.
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

export interface PreparedQuery {
  /** Feature ids known to the index, ascending. */
  ids: Int32Array;
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
  private scores = new Float64Array(1024);
  private stamp = new Uint32Array(1024);
  private generation = 0;
  /** Slots touched by the current search, reused across searches: a fresh array per query was a quarter of the time, in GC. */
  private touched = new Int32Array(1024);

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
  upsert(key: string, features: ReadonlyMap<string, number>, payload?: P): number {
    this.remove(key);
    this.vectors.clear();
    const slot = this.keys.length;
    this.keys.push(key);
    this.payloads.push(payload);
    this.slotOf.set(key, slot);
    this.ensureSlots(slot + 1);
    const ids = new Int32Array(features.size);
    const tfs = new Float32Array(features.size);
    let i = 0;
    for (const [feature, tf] of features) {
      if (!(tf > 0)) continue;
      const id = this.intern(feature);
      const p = this.postings[id]!;
      if (p.length === p.docs.length) {
        const docs = new Int32Array(p.docs.length * 2);
        docs.set(p.docs);
        const grown = new Float32Array(p.tfs.length * 2);
        grown.set(p.tfs);
        p.docs = docs;
        p.tfs = grown;
      }
      p.docs[p.length] = slot;
      p.tfs[p.length] = tf;
      p.length++;
      p.df++;
      this.lengths[p.channel]![slot]! += tf;
      this.totalLength[p.channel]! += tf;
      ids[i] = id;
      tfs[i] = tf;
      i++;
    }
    // Sorted by feature id, so a document meets a prepared query or another document by a merge.
    const order = Array.from({ length: i }, (_, j) => j).sort((a, b) => ids[a]! - ids[b]!);
    this.docFeatures.push({ ids: Int32Array.from(order, (j) => ids[j]!), tfs: Float32Array.from(order, (j) => tfs[j]!) });
    return slot;
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
   * Top `limit` live documents by score, best first (ties by slot, so results are stable).
   * `accept` filters slots before they compete for a place.
   */
  search(
    query: ReadonlyMap<string, number> | PreparedQuery,
    limit: number,
    options: ScoreOptions = DEFAULT_SCORE_OPTIONS,
    accept?: (slot: number) => boolean,
  ): SearchHit[] {
    const n = this.slotOf.size;
    if (n === 0 || limit <= 0) return [];
    const q = query instanceof Map ? this.prepare(query, options) : (query as PreparedQuery);
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    const gen = this.generation;
    const scores = this.scores;
    const stamp = this.stamp;
    let touched = this.touched;
    let count = 0;
    const { k1, b } = q.options;
    const avg = this.totalLength.map((t) => Math.max(t / n, 1e-9));
    for (let qi = 0; qi < q.ids.length; qi++) {
      const p = this.postings[q.ids[qi]!]!;
      if (p.df === 0) continue;
      const w = q.weights[qi]!;
      const lengths = this.lengths[p.channel]!;
      const avgLength = avg[p.channel]!;
      const { docs, tfs } = p;
      for (let i = 0; i < p.length; i++) {
        const d = docs[i]!;
        const s = termScore(w, tfs[i]!, lengths[d]!, avgLength, k1, b);
        if (stamp[d] !== gen) {
          stamp[d] = gen;
          scores[d] = s;
          if (count === touched.length) {
            const grown = new Int32Array(touched.length * 2);
            grown.set(touched);
            this.touched = touched = grown;
          }
          touched[count++] = d;
        } else scores[d]! += s;
      }
    }
    return this.topK(touched.subarray(0, count), limit, accept);
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
    return { ids: Int32Array.from(entries, (e) => e.id), weights: Float64Array.from(entries, (e) => e.w), max, options };
  }

  /**
   * The same query restricted to its `max` most informative features for the candidate pass,
   * leaving out features held by more than `maxDfShare` of the documents (and more than 5,000:
   * their postings are the long ones and their idf is low) as long as `minKept` others remain.
   */
  strongest(q: PreparedQuery, max: number, maxDfShare = 1, minKept = 8): PreparedQuery {
    // Short postings are cheap whatever their share, so small indexes keep every feature.
    const maxDf = Math.max(maxDfShare * this.slotOf.size, 5000);
    const order = Array.from(q.ids, (_, i) => i).sort((a, b) => q.weights[b]! - q.weights[a]! || q.ids[a]! - q.ids[b]!);
    const rare = order.filter((i) => this.postings[q.ids[i]!]!.df <= maxDf);
    const pick = rare.length >= Math.min(minKept, order.length) ? rare : order;
    if (pick.length <= max && pick.length === order.length) return q;
    const kept = pick.slice(0, max).sort((a, b) => q.ids[a]! - q.ids[b]!);
    return { ids: Int32Array.from(kept, (i) => q.ids[i]!), weights: Float64Array.from(kept, (i) => q.weights[i]!), max: q.max, options: q.options };
  }

  /** The exact score of one document for a prepared query (a merge of two sorted id lists). */
  score(q: PreparedQuery, slot: number): number {
    const f = this.docFeatures[slot];
    const n = this.slotOf.size;
    if (!f || n === 0) return 0;
    const { k1, b } = q.options;
    let total = 0;
    for (let i = 0, j = 0; i < q.ids.length && j < f.ids.length; ) {
      const qi = q.ids[i]!;
      const dj = f.ids[j]!;
      if (qi < dj) i++;
      else if (qi > dj) j++;
      else {
        const channel = this.postings[qi]!.channel;
        const avg = Math.max(this.totalLength[channel]! / n, 1e-9);
        total += termScore(q.weights[i]!, f.tfs[j]!, this.lengths[channel]![slot]!, avg, k1, b);
        i++;
        j++;
      }
    }
    return total;
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

  private topK(candidates: ArrayLike<number>, limit: number, accept?: (slot: number) => boolean): SearchHit[] {
    // A min-heap of the best `limit` (score, slot) pairs; O(T log k) instead of sorting T.
    const heapScore: number[] = [];
    const heapSlot: number[] = [];
    const worse = (i: number, j: number) =>
      heapScore[i]! < heapScore[j]! || (heapScore[i] === heapScore[j] && heapSlot[i]! > heapSlot[j]!);
    const swap = (i: number, j: number) => {
      [heapScore[i], heapScore[j]] = [heapScore[j]!, heapScore[i]!];
      [heapSlot[i], heapSlot[j]] = [heapSlot[j]!, heapSlot[i]!];
    };
    const siftDown = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heapScore.length && worse(l, m)) m = l;
        if (r < heapScore.length && worse(r, m)) m = r;
        if (m === i) return;
        swap(i, m);
        i = m;
      }
    };
    for (let c = 0; c < candidates.length; c++) {
      const d = candidates[c]!;
      if (this.keys[d] === null) continue;
      const s = this.scores[d]!;
      if (heapScore.length === limit && (s < heapScore[0]! || (s === heapScore[0] && d > heapSlot[0]!))) continue;
      if (accept && !accept(d)) continue;
      if (heapScore.length < limit) {
        heapScore.push(s);
        heapSlot.push(d);
        for (let i = heapScore.length - 1; i > 0; ) {
          const parent = (i - 1) >> 1;
          if (!worse(i, parent)) break;
          swap(i, parent);
          i = parent;
        }
      } else {
        heapScore[0] = s;
        heapSlot[0] = d;
        siftDown(0);
      }
    }
    const hits = heapSlot.map((slot, i) => ({ slot, key: this.keys[slot]!, score: heapScore[i]! }));
    return hits.sort((x, y) => y.score - x.score || x.slot - y.slot);
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
        length: 0,
        df: 0,
      });
    }
    return id;
  }

  private ensureSlots(count: number): void {
    if (count <= this.scores.length) return;
    const size = Math.max(count, this.scores.length * 2);
    const grow = <T extends Float64Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(a);
      return next;
    };
    this.scores = grow(this.scores, (k) => new Float64Array(k));
    this.stamp = grow(this.stamp, (k) => new Uint32Array(k));
    this.lengths = this.lengths.map((l) => grow(l, (k) => new Float64Array(k)));
  }

  /** Rebuilds postings without the dead slots; slots are renumbered, keys stay. */
  private compact(): void {
    const live = [...this.slotOf.keys()].map((key) => ({ key, slot: this.slotOf.get(key)! }));
    live.sort((a, b) => a.slot - b.slot);
    const saved = live.map(({ key, slot }) => ({ key, features: this.features(slot), payload: this.payloads[slot] }));
    this.postings = this.postings.map((p) => ({ channel: p.channel, docs: new Int32Array(4), tfs: new Float32Array(4), length: 0, df: 0 }));
    this.keys = [];
    this.payloads = [];
    this.docFeatures = [];
    this.lengths = CHANNELS.map(() => new Float64Array(this.scores.length));
    this.totalLength.fill(0);
    this.slotOf.clear();
    this.dead = 0;
    for (const { key, features, payload } of saved) this.upsert(key, features, payload);
  }
}
