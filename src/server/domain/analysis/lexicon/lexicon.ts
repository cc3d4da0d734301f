/**
 * The general lexicon: Italian, Chinese and English words mapped into one space of concepts
 * (WordNet 3.0 synsets, as integers) and English pivot terms.
 *
 * Built from the PLX1 parts in src/server/lexicon/general/ (see its README): the wordnet part
 * gives lemma → synsets and synset → English lemmas; dictionary parts (Wiktionary, CC-CEDICT)
 * give headword → senses, each a list of English gloss terms and, where the build could link it,
 * a synset. A dictionary sense linked to a synset the word already has is merged into it.
 * Pure: the caller reads the files and passes their bytes.
 */
import { deinflectionCandidates } from './inflection';
import { LEXICON_LANGS, lexiconKey, type LexiconLang } from './lexicon-key';
import { decodePlx, PlxFormatError, StringTable, type PlxContainer } from './plx-container';

interface PostingIndex {
  terms: StringTable;
  off: Uint32Array;
  values: Uint32Array;
}

interface DictionaryIndex {
  terms: StringTable;
  off: Uint32Array;
  /** Per sense: 0 = no synset, otherwise local synset index + 1. */
  senseSynset: Uint32Array;
  senseOff: Uint32Array;
  senseGlosses: Uint32Array;
}

interface LinkIndex {
  forms: StringTable;
  lemmas: StringTable;
}

interface DictionaryPart {
  name: string;
  glosses: StringTable;
  /** Local synset index → global synset number, -1 when the wordnet part lacks it. */
  synsetToGlobal: Int32Array;
  byLang: Partial<Record<LexiconLang, DictionaryIndex>>;
  links: Partial<Record<LexiconLang, LinkIndex>>;
}

export interface Lexicon {
  /** Global synset number → WordNet 3.0 id such as "03309808-n" (sorted: numbers follow ids). */
  synsetIds: StringTable;
  wordnet: Record<LexiconLang, PostingIndex>;
  pivotOff: Uint32Array;
  /** Indices into wordnet.en.terms. */
  pivotTerms: Uint32Array;
  dictionaries: DictionaryPart[];
  /** Attribution lines of the loaded parts, for an "about" page or logs. */
  attributions: Array<{ part: string; licence: string; attribution: string }>;
}

export type SenseSource = 'wordnet' | 'wiktionary' | 'cedict';

export interface Sense {
  synset: number | null;
  /** English pivot terms (lexicon keys): the synset's English lemmas plus dictionary glosses. */
  pivots: string[];
  sources: SenseSource[];
}

export interface TermSenses {
  /** The key the senses belong to: the term itself, or the lemma it was de-inflected to. */
  lemma: string;
  senses: Sense[];
  /** Union over senses, in sense order. */
  synsets: number[];
  pivots: string[];
}

/** Decodes the prebuilt parts. Exactly one must be the wordnet part; dictionary parts are optional. */
export function decodeLexicon(parts: Uint8Array[]): Lexicon {
  const containers = parts.map(decodePlx);
  const wordnetParts = containers.filter((c) => c.header.part === 'wordnet');
  if (wordnetParts.length !== 1) throw new PlxFormatError('expected exactly one wordnet part');
  const wn = wordnetParts[0]!;
  const synsetIds = wn.strings('synsets');
  const wordnet = Object.fromEntries(
    LEXICON_LANGS.map((lang) => [
      lang,
      { terms: wn.strings(`${lang}.terms`), off: wn.u32(`${lang}.off`), values: wn.u32(`${lang}.synsets`) },
    ]),
  ) as Record<LexiconLang, PostingIndex>;
  return {
    synsetIds,
    wordnet,
    pivotOff: wn.u32('pivots.off'),
    pivotTerms: wn.u32('pivots.terms'),
    dictionaries: containers.filter((c) => c !== wn).map((c) => decodeDictionary(c, synsetIds)),
    attributions: containers.map(({ header: { part, licence, attribution } }) => ({ part, licence, attribution })),
  };
}

function decodeDictionary(c: PlxContainer, globalSynsets: StringTable): DictionaryPart {
  const local = c.strings('synsets');
  const synsetToGlobal = Int32Array.from({ length: local.size }, (_, i) => globalSynsets.find(local.at(i)));
  const byLang: DictionaryPart['byLang'] = {};
  const links: DictionaryPart['links'] = {};
  for (const lang of LEXICON_LANGS) {
    if (c.has(`${lang}.terms`)) {
      byLang[lang] = {
        terms: c.strings(`${lang}.terms`),
        off: c.u32(`${lang}.off`),
        senseSynset: c.u32(`${lang}.sense.synset`),
        senseOff: c.u32(`${lang}.sense.off`),
        senseGlosses: c.u32(`${lang}.sense.glosses`),
      };
    }
    if (c.has(`${lang}.link.forms`)) {
      links[lang] = { forms: c.strings(`${lang}.link.forms`), lemmas: c.strings(`${lang}.link.lemmas`) };
    }
  }
  return { name: c.header.part, glosses: c.strings('glosses'), synsetToGlobal, byLang, links };
}

/** WordNet 3.0 id of a synset number, e.g. "03309808-n". */
export function synsetId(lex: Lexicon, synset: number): string {
  return lex.synsetIds.at(synset);
}

/** Synset number of a WordNet 3.0 id, or -1. */
export function synsetNumber(lex: Lexicon, id: string): number {
  return lex.synsetIds.find(id);
}

/** English lemmas of a synset (the pivots every sense of it carries). */
export function synsetPivots(lex: Lexicon, synset: number): string[] {
  const out: string[] = [];
  const en = lex.wordnet.en.terms;
  for (let i = lex.pivotOff[synset]!; i < lex.pivotOff[synset + 1]!; i++) out.push(en.at(lex.pivotTerms[i]!));
  return out;
}

/** Senses stored under exactly this key, wordnet first, dictionaries merged in. */
function exactSenses(lex: Lexicon, lang: LexiconLang, key: string): Sense[] {
  const senses: Sense[] = [];
  const bySynset = new Map<number, Sense>();
  const addSynset = (synset: number, source: SenseSource): Sense => {
    let sense = bySynset.get(synset);
    if (!sense) {
      sense = { synset, pivots: synsetPivots(lex, synset), sources: [] };
      bySynset.set(synset, sense);
      senses.push(sense);
    }
    if (!sense.sources.includes(source)) sense.sources.push(source);
    return sense;
  };

  const index = lex.wordnet[lang];
  const at = index.terms.find(key);
  if (at >= 0) for (let i = index.off[at]!; i < index.off[at + 1]!; i++) addSynset(index.values[i]!, 'wordnet');

  // Linked dictionary senses first, so unlinked ones can be recognised as repeats of them.
  const unlinked: Array<{ glosses: string[]; source: SenseSource }> = [];
  for (const dict of lex.dictionaries) {
    const d = dict.byLang[lang];
    const row = d ? d.terms.find(key) : -1;
    if (!d || row < 0) continue;
    const source = dict.name as SenseSource;
    for (let s = d.off[row]!; s < d.off[row + 1]!; s++) {
      const glosses: string[] = [];
      for (let g = d.senseOff[s]!; g < d.senseOff[s + 1]!; g++) glosses.push(dict.glosses.at(d.senseGlosses[g]!));
      const localSynset = d.senseSynset[s]!;
      const synset = localSynset ? dict.synsetToGlobal[localSynset - 1]! : -1;
      if (synset >= 0) {
        const sense = addSynset(synset, source);
        for (const g of glosses) if (!sense.pivots.includes(g)) sense.pivots.push(g);
      } else if (glosses.length) {
        unlinked.push({ glosses, source });
      }
    }
  }
  for (const { glosses, source } of unlinked) {
    // The same meaning in other words: every gloss already there, or a synset whose lemmas hold
    // the gloss's head term ("exhibition | show" is the exhibition synset, listed once more).
    const covering =
      senses.find((s) => glosses.every((g) => s.pivots.includes(g))) ??
      senses.find((s) => s.synset !== null && s.pivots.includes(glosses[0]!));
    if (covering) {
      if (!covering.sources.includes(source)) covering.sources.push(source);
    } else {
      senses.push({ synset: null, pivots: glosses, sources: [source] });
    }
  }
  return senses;
}

function linkedLemma(lex: Lexicon, lang: LexiconLang, key: string): string | null {
  for (const dict of lex.dictionaries) {
    const links = dict.links[lang];
    const at = links ? links.forms.find(key) : -1;
    if (links && at >= 0) return links.lemmas.at(at);
  }
  return null;
}

function toTermSenses(lemma: string, senses: Sense[]): TermSenses {
  const synsets: number[] = [];
  const pivots = new Set<string>();
  for (const s of senses) {
    if (s.synset !== null) synsets.push(s.synset);
    for (const p of s.pivots) pivots.add(p);
  }
  return { lemma, senses, synsets, pivots: [...pivots] };
}

export interface LookupOptions {
  /** Try dictionary links and suffix rules when the form itself is unknown (default true). */
  deinflect?: boolean;
}

/**
 * Senses of one term (a word or a multi-word lemma) in Italian, Chinese or English.
 * Unknown forms fall back to a dictionary link ("plural of X", "alternative form of X"), then to
 * de-inflection candidates that the lexicon knows ("maglioni" → "maglione"). Never throws on
 * unknown input: it returns no senses.
 */
export function lookupTerm(lex: Lexicon, lang: LexiconLang, term: string, options: LookupOptions = {}): TermSenses {
  const key = lexiconKey(term, lang);
  if (!key) return toTermSenses(key, []);
  const direct = exactSenses(lex, lang, key);
  if (direct.length || options.deinflect === false) return toTermSenses(key, direct);
  const candidates = [linkedLemma(lex, lang, key), ...deinflectionCandidates(key, lang)];
  for (const candidate of candidates) {
    if (!candidate || candidate === key) continue;
    let senses = exactSenses(lex, lang, candidate);
    let lemma = candidate;
    if (!senses.length) {
      // One more hop: an inflected form whose lemma is itself a variant ("belle" → "bella" → "bello").
      const next = linkedLemma(lex, lang, candidate);
      if (next) [senses, lemma] = [exactSenses(lex, lang, next), next];
    }
    if (senses.length) return toTermSenses(lemma, senses);
  }
  return toTermSenses(key, []);
}

/** True when the key has senses of its own, without fallbacks (used for phrase matching). */
export function hasExactSenses(lex: Lexicon, lang: LexiconLang, key: string): boolean {
  if (lex.wordnet[lang].terms.find(key) >= 0) return true;
  return lex.dictionaries.some((d) => {
    const index = d.byLang[lang];
    return index !== undefined && index.terms.find(key) >= 0;
  });
}

const pivotLemmaMemo = new WeakMap<Lexicon, Map<string, boolean>>();

/**
 * The pivot term itself when it is an English lemma of the lexicon, else null. English lemmas
 * are the points of the shared space that text in any of the three languages reaches (English
 * text through its own words). A gloss that is no lemma ("factory owner" for 厂家, "some people"
 * for 或者) is a description only the same word of the same language produces: as a feature it
 * can never carry a match across languages, and it re-counts same-language words that the
 * surface channel already has. (Mapping inflected glosses to their lemma, "recycled" → recycle,
 * was tried and did not help: dev set cross-lingual nDCG@10 0.492 → 0.489.)
 */
export function pivotLemma(lex: Lexicon, term: string): string | null {
  let memo = pivotLemmaMemo.get(lex);
  if (!memo) pivotLemmaMemo.set(lex, (memo = new Map()));
  let known = memo.get(term);
  if (known === undefined) {
    known = lex.wordnet.en.terms.find(term) >= 0 || lex.dictionaries.some((d) => (d.byLang.en?.terms.find(term) ?? -1) >= 0);
    memo.set(term, known);
  }
  return known ? term : null;
}
