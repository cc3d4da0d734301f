/**
 * Ranks a corpus of texts for each query with Ponte's text relevance and, over the very same
 * surface tokens, plain BM25 — the comparison `ponte eval retrieval` prints. Pure: the caller
 * reads the files and loads the resources.
 */
import { tokenise } from '../analysis/tokenise';
import { buildBm25, searchBm25 } from '../retrieval/bm25';
import { DEFAULT_SCORE_OPTIONS, type ScoreOptions } from './feature-index';
import { MatchEngine } from './match-engine';
import { textSubject } from './subjects';
import { surfaceTerms, type MatchingResources } from './text-features';

export interface IdText {
  id: string;
  text: string;
}

export interface RetrievalRuns {
  ponte: Map<string, string[]>;
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
  const runs: RetrievalRuns = { ponte: new Map(), bm25: new Map(), timings: { analyseSeconds: (t1 - t0) / 1000, rankSeconds: 0 } };
  for (const q of queries) {
    const query = textSubject(res, q.text, `query:${q.id}`);
    const results = engine.recommend(query, { limit: depth, today: '0000-01-01', now: 0, pool: depth * 4 });
    runs.ponte.set(q.id, results.map((r) => r.subject.id));
    runs.bm25.set(q.id, searchBm25(bm25, surfaceTerms(tokenise(q.text)), depth).map((h) => h.id));
  }
  runs.timings.rankSeconds = (performance.now() - t1) / 1000;
  return runs;
}
