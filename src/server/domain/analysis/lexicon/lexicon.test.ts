import { beforeAll, describe, expect, it } from 'vitest';
import { loadGeneralLexicon } from '../../../lexicon/general/load-general-lexicon';
import { lookupTerm, synsetId, synsetNumber, type Lexicon } from './lexicon';
import { LEXICON_LANGS, lexiconKey, type LexiconLang } from './lexicon-key';

let lex: Lexicon;
let loadMs: number;

beforeAll(() => {
  const started = performance.now();
  lex = loadGeneralLexicon();
  loadMs = performance.now() - started;
});

const FABRIC = '03309808-n';
const EXHIBITION = '08407619-n';
const LEATHER = '14759722-n';

function synsetsOf(lang: LexiconLang, term: string): string[] {
  return lookupTerm(lex, lang, term).synsets.map((s) => synsetId(lex, s));
}

describe('general lexicon (shipped files)', () => {
  it('loads all parts fast from the prebuilt files', () => {
    // Measured around 80–150 ms on a 2-core CI box; the bound only catches a broken format.
    console.info(`general lexicon loaded in ${loadMs.toFixed(0)} ms`);
    expect(loadMs).toBeLessThan(2000);
    expect(lex.attributions.map((a) => a.part)).toEqual(['wordnet', 'wiktionary', 'cedict']);
  });

  it('puts tessuto, 面料, 织物 and fabric on one concept and one pivot', () => {
    for (const [lang, term] of [['it', 'tessuto'], ['zh', '面料'], ['zh', '织物'], ['en', 'fabric']] as const) {
      expect(synsetsOf(lang, term)).toContain(FABRIC);
      expect(lookupTerm(lex, lang, term).pivots).toContain('fabric');
    }
  });

  it('puts fiera, 展览会 and exhibition on one concept', () => {
    for (const [lang, term] of [['it', 'fiera'], ['zh', '展览会'], ['en', 'exhibition']] as const) {
      expect(synsetsOf(lang, term)).toContain(EXHIBITION);
    }
  });

  it('puts pelle, 皮革 and leather on one concept', () => {
    for (const [lang, term] of [['it', 'pelle'], ['zh', '皮革'], ['en', 'Leather']] as const) {
      expect(synsetsOf(lang, term)).toContain(LEATHER);
    }
  });

  it('de-inflects maglioni to maglione, which means sweater or pullover', () => {
    const found = lookupTerm(lex, 'it', 'Maglioni');
    expect(found.lemma).toBe('maglione');
    expect(found.pivots).toEqual(expect.arrayContaining(['sweater', 'pullover']));
  });

  it('de-inflects English plurals only to words the lexicon knows', () => {
    expect(lookupTerm(lex, 'en', 'factories').lemma).toBe('factory');
    expect(lookupTerm(lex, 'en', 'dresses').lemma).toBe('dress');
  });

  it('keeps multi-word lemmas, keyed with single spaces', () => {
    expect(lookupTerm(lex, 'it', 'macchina da cucire').pivots).toContain('sewing machine');
    expect(lookupTerm(lex, 'it', "all'ingrosso").pivots).toContain('wholesale');
  });

  it('covers Chinese trade words the wordnet lacks through the dictionaries', () => {
    expect(lookupTerm(lex, 'zh', '展会').pivots).toContain('exhibition');
    expect(lookupTerm(lex, 'zh', '皮具').pivots.length).toBeGreaterThan(0);
  });

  it('returns no senses for unknown or empty terms without throwing', () => {
    for (const lang of LEXICON_LANGS) {
      for (const term of ['xqzvtrwp', '', '   ', '!!!', '\u0000']) {
        expect(lookupTerm(lex, lang, term).senses).toEqual([]);
      }
    }
  });

  it('maps synset ids to numbers and back', () => {
    const n = synsetNumber(lex, FABRIC);
    expect(n).toBeGreaterThanOrEqual(0);
    expect(synsetId(lex, n)).toBe(FABRIC);
    expect(synsetNumber(lex, '99999999-n')).toBe(-1);
  });

  it('stores every term under its own lexicon key (build and runtime fold alike)', () => {
    for (const lang of LEXICON_LANGS) {
      const tables = [lex.wordnet[lang].terms, ...lex.dictionaries.flatMap((d) => d.byLang[lang]?.terms ?? [])];
      for (const terms of tables) {
        const step = Math.max(1, Math.floor(terms.size / 500));
        for (let i = 0; i < terms.size; i += step) expect(lexiconKey(terms.at(i), lang)).toBe(terms.at(i));
      }
    }
  });
});
