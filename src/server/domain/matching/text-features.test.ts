import { beforeAll, describe, expect, it } from 'vitest';
import { loadMatchingResources } from '../../features/matching/matching-resources';
import { textFeatures, type MatchingResources } from './text-features';

let res: MatchingResources;
beforeAll(() => {
  res = loadMatchingResources();
});

const keys = (text: string) => textFeatures(res, text).weights;

describe('textFeatures', () => {
  it('keeps only English lemmas as pivots: a gloss only one language writes cannot cross languages', () => {
    const zh = keys('意大利金链条生产厂家');
    expect(zh.has('p:factory owner')).toBe(false);
    expect(zh.has('p:factory')).toBe(true);
  });

  it('looks an English loanword in an Italian text up as English', () => {
    expect(keys('Maglificio specializzato in cashmere').get('p:cashmere')).toBeGreaterThan(0);
    expect(keys('羊绒针织厂').get('p:cashmere')).toBeGreaterThan(0);
  });

  it('gives a town its region and country in full: containment is certain, IDF rewards the specific name', () => {
    const f = keys('Lanificio a Biella');
    expect(f.get('c:place:biella')).toBe(1);
    expect(f.get('c:place:italy')).toBe(1);
  });

  it('counts a word that the lexicon or a concept explains only lightly on the surface', () => {
    const f = keys('Produttore di tessuti a Prato, marchio Zorbaflex');
    expect(f.get('s:zorbaflex')).toBe(1);
    expect(f.get('s:tess')).toBeLessThan(0.25);
  });
});
