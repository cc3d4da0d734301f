/**
 * Ranks a corpus of texts for each query with Ponte's text relevance and, over the very same
 * surface tokens, plain BM25 — the comparison `ponte eval retrieval` prints. Pure: the caller
 * reads the files and loads the resources.
 */
import { tokenise } from '../analysis/tokenise';
import { buildBm25, searchBm25 } from '../retrieval/bm25';
import { DEFAULT_SCORE_OPTIONS, type ScoreOptions } from './feature-index';
import { cosine, denseTopK, fuse } from './dense';
import { MatchEngine } from './match-engine';
import { textSubject } from './subjects';
import { surfaceTerms, type MatchingResources } from './text-features';

export interface IdText {
  id: string;
  text: string;
}

export interface RetrievalRuns {
  ponte: Map<string, string[]>;
  /** Ponte's scores per query, best first (for fusing with the dense layer). */
  scored: Map<string, Array<{ id: string; score: number }>>;
  bm25: Map<string, string[]>;
  timings: { analyseSeconds: number; rankSeconds: number };
}

export interface RetrievalOptions {
  depth?: number;
  score?: ScoreOptions;
  /** Progress callback: (done, total) while the corpus is analysed. */
  progress?: (done: number, total: number) => void;
}

export function rankCorpus(
  res: MatchingResources,
  corpus: readonly IdText[],
  queries: readonly IdText[],
  options: RetrievalOptions = {},
): RetrievalRuns {
  const depth = options.depth ?? 100;
  const t0 = performance.now();
  // The production engine ranks: text relevance with the two-sided boosts (an offer meets a
  // request), each document standing for its own organisation.
  const engine = new MatchEngine(res.analysis.taxonomy, options.score ?? DEFAULT_SCORE_OPTIONS);
  const bm25Docs: Array<{ id: string; terms: string[] }> = [];
  corpus.forEach((doc, i) => {
    engine.upsert(textSubject(res, doc.text, doc.id));
    bm25Docs.push({ id: doc.id, terms: surfaceTerms(tokenise(doc.text)) });
    if (options.progress && (i + 1) % 200 === 0) options.progress(i + 1, corpus.length);
  });
  const bm25 = buildBm25(bm25Docs);
  const t1 = performance.now();
  const runs: RetrievalRuns = { ponte: new Map(), scored: new Map(), bm25: new Map(), timings: { analyseSeconds: (t1 - t0) / 1000, rankSeconds: 0 } };
  for (const q of queries) {
    const query = textSubject(res, q.text, `query:${q.id}`, { asker: true });
    const results = engine.recommend(query, { limit: depth, today: '0000-01-01', now: 0, pool: depth * 4 });
    runs.ponte.set(q.id, results.map((r) => r.subject.id));
    runs.scored.set(q.id, results.map((r) => ({ id: r.subject.id, score: r.score })));
    runs.bm25.set(q.id, searchBm25(bm25, surfaceTerms(tokenise(q.text)), depth).map((h) => h.id));
  }
  runs.timings.rankSeconds = (performance.now() - t1) / 1000;
  return runs;
}

/**
 * The dense layer's rankings for the same queries: `dense` by cosine alone, `hybrid` fusing
 * Ponte's score with the cosine over the union of both candidate lists (dense.ts).
 */
export async function denseRuns(
  embed: (texts: readonly string[]) => Promise<Float32Array[]>,
  corpus: readonly IdText[],
  queries: readonly IdText[],
  scored: Map<string, Array<{ id: string; score: number }>>,
  depth = 100,
): Promise<{ dense: Map<string, string[]>; hybrid: Map<string, string[]> }> {
  const docVectors = await embed(corpus.map((d) => d.text));
  const vectors = new Map(corpus.map((d, i) => [d.id, docVectors[i]!]));
  const queryVectors = await embed(queries.map((q) => q.text));
  const dense = new Map<string, string[]>();
  const hybrid = new Map<string, string[]>();
  queries.forEach((q, i) => {
    const top = denseTopK(queryVectors[i]!, vectors, depth);
    dense.set(q.id, top.map((t) => t.key));
    const fused = new Map<string, number>();
    // Ponte's scores are scaled to the query's best, so fusion does not depend on their range.
    const list = scored.get(q.id) ?? [];
    const best = list[0]?.score || 1;
    const ponte = new Map(list.map((s) => [s.id, s.score / best]));
    for (const id of new Set([...ponte.keys(), ...top.map((t) => t.key)])) {
      fused.set(id, fuse(ponte.get(id) ?? 0, cosine(queryVectors[i]!, vectors.get(id)!)));
    }
    hybrid.set(q.id, [...fused].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, depth).map(([id]) => id));
  });
  return { dense, hybrid };
}
