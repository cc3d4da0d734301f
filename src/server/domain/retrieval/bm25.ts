/**
 * Okapi BM25 (k1 = 1.2, b = 0.75, Lucene's idf) over pre-tokenised documents. It is the baseline
 * Ponte's ranking is compared with, and the lexical component inside it.
 */
export interface Bm25Index {
  docIds: string[];
  /** term → postings as parallel arrays of document numbers and term frequencies */
  postings: Map<string, { docs: number[]; tfs: number[] }>;
  lengths: Float64Array;
  avgLength: number;
}

export function buildBm25(docs: Array<{ id: string; terms: string[] }>): Bm25Index {
  const postings = new Map<string, { docs: number[]; tfs: number[] }>();
  const lengths = new Float64Array(docs.length);
  docs.forEach((d, i) => {
    lengths[i] = d.terms.length;
    const tf = new Map<string, number>();
    for (const t of d.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let p = postings.get(t);
      if (!p) postings.set(t, (p = { docs: [], tfs: [] }));
      p.docs.push(i);
      p.tfs.push(n);
    }
  });
  const total = lengths.reduce((a, b) => a + b, 0);
  return { docIds: docs.map((d) => d.id), postings, lengths, avgLength: docs.length ? total / docs.length : 0 };
}

export function bm25Idf(index: Bm25Index, term: string): number {
  const df = index.postings.get(term)?.docs.length ?? 0;
  const n = index.docIds.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Scores every document sharing a term with the query; returns the top `k` ids, best first. */
export function searchBm25(index: Bm25Index, queryTerms: string[], k: number, k1 = 1.2, b = 0.75): Array<{ id: string; score: number }> {
  const scores = new Map<number, number>();
  const qtf = new Map<string, number>();
  for (const t of queryTerms) qtf.set(t, (qtf.get(t) ?? 0) + 1);
  for (const [term, qn] of qtf) {
    const p = index.postings.get(term);
    if (!p) continue;
    const idf = bm25Idf(index, term);
    for (let j = 0; j < p.docs.length; j++) {
      const d = p.docs[j]!;
      const tf = p.tfs[j]!;
      const norm = tf + k1 * (1 - b + (b * index.lengths[d]!) / (index.avgLength || 1));
      scores.set(d, (scores.get(d) ?? 0) + qn * idf * ((tf * (k1 + 1)) / norm));
    }
  }
  return [...scores]
    .sort((a, b2) => b2[1] - a[1] || a[0] - b2[0])
    .slice(0, k)
    .map(([d, score]) => ({ id: index.docIds[d]!, score }));
}
