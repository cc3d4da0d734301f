import { describe, expect, it } from 'vitest';
import { foldText, indexTerms, queryTsquery } from './search-terms';

describe('search terms', () => {
  it('folds accents, case and full-width forms', () => {
    expect(foldText('Qualità ＡＢＣ')).toBe('qualita abc');
  });

  it('indexes Chinese as bigrams and characters so any substring of two characters matches', () => {
    const terms = indexTerms(['临平艺尚小镇']);
    expect(terms).toEqual(expect.arrayContaining(['临平', '平艺', '小镇', '临']));
    const q = queryTsquery('艺尚小镇');
    expect(q).toBe("'艺尚' & '尚小' & '小镇'");
    for (const t of ['艺尚', '尚小', '小镇']) expect(terms).toContain(t);
  });

  it('makes the last Latin word a prefix and requires every word', () => {
    expect(queryTsquery('Maglieria cash')).toBe("'maglieria' & 'cash':*");
  });

  it('returns null for a query with nothing searchable', () => {
    expect(queryTsquery(' ,;!? ')).toBeNull();
  });

  it('mixes scripts in one text', () => {
    expect(indexTerms(['Cashmere 羊绒'])).toEqual(expect.arrayContaining(['cashmere', '羊绒']));
  });
});
