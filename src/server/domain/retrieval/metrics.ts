/**
 * Standard retrieval metrics over graded relevance judgements (TREC qrels).
 * nDCG uses the exponential gain 2^rel − 1 and log2 discount, as trec_eval's ndcg_cut.
 */

export type Qrels = Map<string, Map<string, number>>;

/** Parses TREC qrels lines: `qid 0 docid relevance` (whitespace separated; # comments allowed). */
export function parseQrels(text: string): Qrels {
  const qrels: Qrels = new Map();
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const parts = trimmed.split(/\s+/);
    if (parts.length !== 4 || !/^-?\d+$/.test(parts[3]!)) {
      throw new Error(`qrels line ${i + 1}: expected "qid 0 docid relevance", got "${trimmed}"`);
    }
    const [qid, , docid, rel] = parts as [string, string, string, string];
    if (!qrels.has(qid)) qrels.set(qid, new Map());
    qrels.get(qid)!.set(docid, Number(rel));
  });
  return qrels;
}

/** Parses `id<TAB>text` lines (UTF-8; a BOM and blank lines are ignored). */
export function parseIdText(text: string): Array<{ id: string; text: string }> {
  const out: Array<{ id: string; text: string }> = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const tab = line.indexOf('\t');
    if (tab <= 0) throw new Error(`line ${i + 1}: expected "id<TAB>text"`);
    out.push({ id: line.slice(0, tab).trim(), text: line.slice(tab + 1) });
  });
  return out;
}

export function reciprocalRank(ranking: string[], relevant: Map<string, number>): number {
  const i = ranking.findIndex((d) => (relevant.get(d) ?? 0) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}

export function ndcgAt(ranking: string[], relevant: Map<string, number>, k: number): number {
  const gain = (rel: number) => 2 ** rel - 1;
  let dcg = 0;
  ranking.slice(0, k).forEach((d, i) => {
    dcg += gain(Math.max(0, relevant.get(d) ?? 0)) / Math.log2(i + 2);
  });
  const ideal = [...relevant.values()].filter((r) => r > 0).sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((s, r, i) => s + gain(r) / Math.log2(i + 2), 0);
  return idcg === 0 ? 0 : dcg / idcg;
}

export function recallAt(ranking: string[], relevant: Map<string, number>, k: number): number {
  const rel = [...relevant].filter(([, r]) => r > 0).map(([d]) => d);
  if (rel.length === 0) return 0;
  const top = new Set(ranking.slice(0, k));
  return rel.filter((d) => top.has(d)).length / rel.length;
}

export interface RetrievalScores {
  queries: number;
  mrr: number;
  ndcg10: number;
  recall10: number;
  recall100: number;
}

/** Averages over queries that have at least one relevant document. */
export function evaluateRuns(runs: Map<string, string[]>, qrels: Qrels): RetrievalScores {
  let n = 0;
  const sum = { mrr: 0, ndcg10: 0, recall10: 0, recall100: 0 };
  for (const [qid, rels] of qrels) {
    if (![...rels.values()].some((r) => r > 0)) continue;
    const ranking = runs.get(qid) ?? [];
    n++;
    sum.mrr += reciprocalRank(ranking, rels);
    sum.ndcg10 += ndcgAt(ranking, rels, 10);
    sum.recall10 += recallAt(ranking, rels, 10);
    sum.recall100 += recallAt(ranking, rels, 100);
  }
  const avg = (v: number) => (n ? v / n : 0);
  return { queries: n, mrr: avg(sum.mrr), ndcg10: avg(sum.ndcg10), recall10: avg(sum.recall10), recall100: avg(sum.recall100) };
}
