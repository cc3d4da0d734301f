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
  weights: { concept: 1.0, pivot: 0.5, surface: 1.0 },
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

export class FeatureIndex {
  private readonly featureIds = new Map<string, number>();
  private readonly featureKeys: string[] = [];
  private postings: Posting[] = [];
  private keys: Array<string | null> = [];
  private docFeatures: Array<{ ids: Int32Array; tfs: Float32Array } | null> = [];
  private lengths: Float64Array[] = CHANNELS.map(() => new Float64Array(1024));
  private readonly totalLength = [0, 0, 0];
  private readonly slotOf = new Map<string, number>();
  private dead = 0;
  private scores = new Float64Array(1024);
  private stamp = new Uint32Array(1024);
  private generation = 0;

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

  /** Adds or replaces a document. Returns its slot (a new one on every call). */
  upsert(key: string, features: ReadonlyMap<string, number>): number {
    this.remove(key);
    const slot = this.keys.length;
    this.keys.push(key);
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
    this.docFeatures.push({ ids: ids.subarray(0, i), tfs: tfs.subarray(0, i) });
    return slot;
  }

  remove(key: string): boolean {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return false;
    this.slotOf.delete(key);
    const f = this.docFeatures[slot]!;
    for (let i = 0; i < f.ids.length; i++) {
      const p = this.postings[f.ids[i]!]!;
      p.df--;
      this.totalLength[p.channel]! -= f.tfs[i]!;
    }
    this.keys[slot] = null;
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

  idf(feature: string): number {
    const id = this.featureIds.get(feature);
    const df = id === undefined ? 0 : this.postings[id]!.df;
    const n = this.slotOf.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Top `limit` live documents by score, best first (ties by slot, so results are stable).
   * `accept` filters slots before they compete for a place.
   */
  search(
    query: ReadonlyMap<string, number>,
    limit: number,
    options: ScoreOptions = DEFAULT_SCORE_OPTIONS,
    accept?: (slot: number) => boolean,
  ): SearchHit[] {
    const n = this.slotOf.size;
    if (n === 0 || limit <= 0) return [];
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    const gen = this.generation;
    const scores = this.scores;
    const stamp = this.stamp;
    const touched: number[] = [];
    const { k1, b } = options;
    const avg = this.totalLength.map((t) => Math.max(t / n, 1e-9));
    const channelWeight = [options.weights.concept, options.weights.pivot, options.weights.surface];
    for (const [feature, qw] of query) {
      const id = this.featureIds.get(feature);
      if (id === undefined) continue;
      const p = this.postings[id]!;
      if (p.df === 0) continue;
      const w = channelWeight[p.channel]! * qw * Math.log(1 + (n - p.df + 0.5) / (p.df + 0.5));
      if (w === 0) continue;
      const lengths = this.lengths[p.channel]!;
      const norm = k1 / avg[p.channel]!;
      const { docs, tfs } = p;
      for (let i = 0; i < p.length; i++) {
        const d = docs[i]!;
        const tf = tfs[i]!;
        const s = (w * tf * (k1 + 1)) / (tf + k1 * (1 - b) + b * norm * lengths[d]!);
        if (stamp[d] !== gen) {
          stamp[d] = gen;
          scores[d] = s;
          touched.push(d);
        } else scores[d]! += s;
      }
    }
    return this.topK(touched, limit, accept);
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
      const idf = Math.log(1 + (n - p.df + 0.5) / (p.df + 0.5));
      const tf = f.tfs[i]!;
      const s =
        (options.weights[channel] * qw * idf * tf * (k1 + 1)) /
        (tf + k1 * (1 - b + (b * this.lengths[p.channel]![slot]!) / avg));
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

  private topK(candidates: number[], limit: number, accept?: (slot: number) => boolean): SearchHit[] {
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
    for (const d of candidates) {
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
    const saved = live.map(({ key, slot }) => ({ key, features: this.features(slot) }));
    this.postings = this.postings.map((p) => ({ channel: p.channel, docs: new Int32Array(4), tfs: new Float32Array(4), length: 0, df: 0 }));
    this.keys = [];
    this.docFeatures = [];
    this.lengths = CHANNELS.map(() => new Float64Array(this.scores.length));
    this.totalLength.fill(0);
    this.slotOf.clear();
    this.dead = 0;
    for (const { key, features } of saved) this.upsert(key, features);
  }
}
