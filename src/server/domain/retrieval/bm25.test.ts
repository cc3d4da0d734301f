import { describe, expect, it } from 'vitest';
import { buildBm25, searchBm25 } from './bm25';

describe('BM25', () => {
  const index = buildBm25([
    { id: 'a', terms: ['cashmere', 'knitwear', 'factory'] },
    { id: 'b', terms: ['leather', 'bags'] },
    { id: 'c', terms: ['cashmere', 'cashmere', 'yarn', 'spinning', 'mill', 'italy'] },
  ]);

  it('ranks documents sharing rarer query terms higher', () => {
    expect(searchBm25(index, ['knitwear', 'cashmere'], 10).map((r) => r.id)).toEqual(['a', 'c']);
  });

  it('returns nothing for unknown terms', () => {
    expect(searchBm25(index, ['sofa'], 10)).toEqual([]);
  });
});
