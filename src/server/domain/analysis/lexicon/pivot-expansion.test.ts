import { beforeAll, describe, expect, it } from 'vitest';
import { loadGeneralLexicon } from '../../../lexicon/general/load-general-lexicon';
import { lookupTerm, synsetNumber, type Lexicon } from './lexicon';
import { latinTokens } from './lexicon-key';
import { expandToPivots, type PivotExpansion } from './pivot-expansion';

let lex: Lexicon;

beforeAll(() => {
  lex = loadGeneralLexicon();
});

const total = (e: PivotExpansion) => e.pivots.reduce((sum, p) => sum + p.weight, 0);

describe('expandToPivots (shipped lexicon)', () => {
  it('gives each matched term a pivot mass of exactly 1', () => {
    const e = expandToPivots(lex, 'it', latinTokens('tessuto pelle fiera'));
    expect(e.matches).toHaveLength(3);
    expect(total(e)).toBeCloseTo(3, 9);
  });

  it('spreads an ambiguous Italian word over its senses by how many sources list each', () => {
    const senses = lookupTerm(lex, 'it', 'pesca').senses;
    expect(senses.length).toBeGreaterThanOrEqual(3);
    const n = senses.reduce((sum, s) => sum + s.sources.length, 0);
    const e = expandToPivots(lex, 'it', ['pesca']);
    expect(e.pivots.map((p) => p.term)).toEqual(expect.arrayContaining(['peach', 'fishing']));
    for (const p of e.pivots) {
      const share = senses.filter((s) => s.pivots.includes(p.term)).reduce((sum, s) => sum + s.sources.length, 0) / n;
      expect(p.weight).toBeLessThanOrEqual(share + 1e-9);
    }
    for (const s of e.synsets) {
      const sense = senses.find((x) => x.synset === s.synset)!;
      expect(s.weight).toBeCloseTo(sense.sources.length / n, 9);
    }
  });

  it('weights a sense two dictionaries agree on above one only a single source lists', () => {
    const e = expandToPivots(lex, 'zh', ['金']);
    const weight = (term: string) => e.pivots.find((p) => p.term === term)?.weight ?? 0;
    const gold = e.synsets.find((s) => s.synset === synsetNumber(lex, '14638799-n'))!;
    expect(gold.weight).toBeGreaterThan(Math.max(...e.synsets.filter((s) => s !== gold).map((s) => s.weight)));
    expect(weight('gold')).toBeGreaterThan(0);
  });

  it('drops pivots a map rejects and falls back from a phrase that keeps none to its words', () => {
    const onlyPasta = (t: string) => (t === 'pasta' ? t : null);
    const e = expandToPivots(lex, 'it', latinTokens('pasta fresca'), { pivotMap: onlyPasta });
    expect(e.pivots.map((p) => p.term)).toEqual(['pasta']);
    expect(e.matches.map((m) => m.lemma)).toEqual(['pasta']);
    expect(e.unmatched).toEqual(['fresca']);
  });

  it('keeps English bank from flooding the query: each sense-specific pivot gets at most 1/k', () => {
    const senses = lookupTerm(lex, 'en', 'bank').senses;
    const k = senses.length;
    const e = expandToPivots(lex, 'en', ['bank']);
    expect(total(e)).toBeCloseTo(1, 9);
    for (const p of e.pivots) {
      const containing = senses.filter((s) => s.pivots.includes(p.term)).length;
      expect(p.weight).toBeLessThanOrEqual(containing / k + 1e-9);
    }
    const institution = e.pivots.find((p) => p.term === 'depository financial institution');
    expect(institution!.weight).toBeLessThan(0.1);
  });

  it('weights an unambiguous word fully on its concept', () => {
    const e = expandToPivots(lex, 'zh', ['皮革']);
    expect(e.synsets).toEqual([{ synset: synsetNumber(lex, '14759722-n'), weight: 1 }]);
  });

  it('matches multi-word lemmas greedily, longest first, with an inflected head', () => {
    const e = expandToPivots(lex, 'it', latinTokens('Vendiamo macchine da cucire industriali'));
    expect(e.matches.map((m) => m.lemma)).toContain('macchina da cucire');
    expect(e.pivots[0]!.term).toBe('sewing machine');
  });

  it('joins Chinese tokens a segmenter split and splits an unknown compound', () => {
    const joined = expandToPivots(lex, 'zh', ['展览', '会']);
    expect(joined.matches).toEqual([{ start: 0, end: 2, lemma: '展览会', senseCount: expect.any(Number) }]);
    const split = expandToPivots(lex, 'zh', ['服装面料']);
    expect(split.matches.map((m) => m.lemma)).toEqual(['服装', '面料']);
  });

  it('skips function words and reports unknown tokens without throwing', () => {
    const e = expandToPivots(lex, 'it', latinTokens("il tessuto dell'azienda xqzvtrwp"));
    expect(e.matches.map((m) => m.lemma)).toEqual(['tessuto', 'azienda']);
    expect(e.unmatched).toEqual(['xqzvtrwp']);
    expect(expandToPivots(lex, 'zh', ['', '𠀀𠀁', '的'])).toEqual({ pivots: [], synsets: [], matches: [], unmatched: ['𠀀𠀁'] });
  });

  it('lets Italian, Chinese and English descriptions meet on shared pivots', () => {
    const it_ = expandToPivots(lex, 'it', latinTokens('tessuti e pelle per fiere'));
    const zh = expandToPivots(lex, 'zh', ['面料', '和', '皮革', '展览会']);
    const en = expandToPivots(lex, 'en', latinTokens('fabrics and leather for exhibitions'));
    const terms = (e: PivotExpansion) => new Set(e.pivots.map((p) => p.term));
    for (const pivot of ['fabric', 'leather', 'exhibition']) {
      expect(terms(it_).has(pivot) && terms(zh).has(pivot) && terms(en).has(pivot)).toBe(true);
    }
  });
});
