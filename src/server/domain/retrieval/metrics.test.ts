import { describe, expect, it } from 'vitest';
import { evaluateRuns, ndcgAt, parseIdText, parseQrels, recallAt, reciprocalRank } from './metrics';

describe('retrieval metrics', () => {
  const rel = new Map([['d1', 2], ['d3', 1]]);

  it('computes reciprocal rank of the first relevant document', () => {
    expect(reciprocalRank(['d2', 'd3', 'd1'], rel)).toBe(0.5);
    expect(reciprocalRank(['d2'], rel)).toBe(0);
  });

  it('computes nDCG with graded gains against the ideal order', () => {
    expect(ndcgAt(['d1', 'd3'], rel, 10)).toBeCloseTo(1);
    const dcg = 1 / Math.log2(2) + 3 / Math.log2(3);
    const idcg = 3 / Math.log2(2) + 1 / Math.log2(3);
    expect(ndcgAt(['d3', 'd1'], rel, 10)).toBeCloseTo(dcg / idcg);
  });

  it('computes recall at a cut-off', () => {
    expect(recallAt(['d1', 'x', 'y'], rel, 2)).toBe(0.5);
  });

  it('parses qrels and id<TAB>text files and rejects malformed lines', () => {
    const q = parseQrels('q1 0 d1 2\nq1 0 d2 0\n# note\nq2 0 d9 1\n');
    expect(q.get('q1')!.get('d1')).toBe(2);
    expect(() => parseQrels('q1 d1 2')).toThrow(/line 1/);
    expect(parseIdText('\uFEFFq1\tCerco maglieria\n\nq2\t寻找面料')).toEqual([
      { id: 'q1', text: 'Cerco maglieria' },
      { id: 'q2', text: '寻找面料' },
    ]);
  });

  it('averages only over queries with a relevant document', () => {
    const scores = evaluateRuns(new Map([['q1', ['d1']]]), parseQrels('q1 0 d1 1\nq2 0 d2 0\n'));
    expect(scores).toMatchObject({ queries: 1, mrr: 1, ndcg10: 1, recall10: 1 });
  });
});
