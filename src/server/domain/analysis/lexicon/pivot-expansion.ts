/**
 * Dictionary-based cross-language query expansion: a token sequence in Italian, Chinese or
 * English → weighted WordNet synsets and English pivot terms.
 *
 * Weighting (also in src/server/lexicon/general/README.md). Every matched term t (a word or a
 * multi-word lemma) carries mass 1, split over its senses in proportion to n_σ, the number of
 * sources (WordNet, Wiktionary, CC-CEDICT) that list sense σ, and each sense splits its share
 * evenly over its pivots P_σ:
 *
 *   w(synset s) = Σ_t Σ_{σ ∈ senses(t), synset(σ) = s} n_σ / N_t        (N_t = Σ_{σ ∈ senses(t)} n_σ)
 *   w(pivot p)  = Σ_t Σ_{σ ∈ senses(t), p ∈ P_σ} n_σ / (N_t · |P_σ|)
 *
 * So a term adds at most 1 to the pivot vector however many senses or synonyms it has: an
 * ambiguous word ("pesca": peach, fishing, …) cannot flood the query, and a pivot reached by
 * several senses of the same term is not counted more than that term's mass. With a pivot
 * map, senses keep their share even when none of their pivots survive (the mass is lost, not
 * handed to the other senses). IDF over the matched corpus is left to the matching engine,
 * which knows the documents.
 */
import { FUNCTION_WORDS } from './function-words';
import { deinflectionCandidates } from './inflection';
import { hasExactSenses, lookupTerm, type Lexicon, type Sense } from './lexicon';
import { lexiconKey, type LexiconLang } from './lexicon-key';

export interface WeightedPivot {
  term: string;
  weight: number;
}

export interface WeightedSynset {
  synset: number;
  weight: number;
}

export interface TermMatch {
  /** Token range [start, end) in the normalised token list. */
  start: number;
  end: number;
  lemma: string;
  senseCount: number;
}

export interface PivotExpansion {
  /** Sorted by weight, then term. */
  pivots: WeightedPivot[];
  synsets: WeightedSynset[];
  matches: TermMatch[];
  /** Normalised tokens that matched nothing (and were not stopwords). */
  unmatched: string[];
}

export interface ExpandOptions {
  /** Longest phrase tried, in tokens (default 4 for it/en, 3 for zh). */
  maxPhraseTokens?: number;
  /**
   * Lexicon keys never matched on their own (they may still sit inside a phrase, "macchina da
   * cucire"). Default FUNCTION_WORDS[lang]; pass an empty set to match everything.
   */
  stopwords?: ReadonlySet<string>;
  /**
   * Maps each pivot term to the term to use, or null to drop it (default: every term as it is).
   * A term or phrase left with no pivot in any sense is not matched: the phrase falls back to its
   * words, the word is reported unmatched.
   */
  pivotMap?: (term: string) => string | null;
}

const DEFAULT_MAX_PHRASE: Record<LexiconLang, number> = { it: 4, en: 4, zh: 3 };
// Longest word tried when an unknown Chinese token is split against the lexicon.
const MAX_HAN_WORD = 4;

/**
 * Expands tokens (Italian/English words, or jieba words for Chinese) greedily, longest phrase
 * first. Chinese tokens are also joined with their neighbours, since segmenters split words
 * the lexicon holds whole (参展 + 商); an unknown Chinese token is split into known words of two
 * or more characters.
 */
export function expandToPivots(
  lex: Lexicon,
  lang: LexiconLang,
  tokens: readonly string[],
  options: ExpandOptions = {},
): PivotExpansion {
  const words = normaliseTokens(tokens, lang);
  const maxPhrase = options.maxPhraseTokens ?? DEFAULT_MAX_PHRASE[lang];
  const stopwords = options.stopwords ?? FUNCTION_WORDS[lang];
  const pivots = new Map<string, number>();
  const synsets = new Map<number, number>();
  const matches: TermMatch[] = [];
  const unmatched: string[] = [];

  const map = options.pivotMap;
  const mapPivots = (pivots: readonly string[]) => {
    const out: string[] = [];
    for (const p of pivots) {
      const mapped = map!(p);
      if (mapped !== null && !out.includes(mapped)) out.push(mapped);
    }
    return out;
  };
  // A term's senses are the same every time, so their mapped form is kept per map function.
  const memo = map ? mappedSenses(map) : null;
  const sensesOf = (lemma: string, found: readonly Sense[]): UsableSenses => {
    if (!memo) return { lemma, senses: found };
    const key = `${lang}\u0000${lemma}`;
    let usable = memo.get(key);
    if (!usable) memo.set(key, (usable = { lemma, senses: found.map((s) => ({ ...s, pivots: mapPivots(s.pivots) })) }));
    return usable;
  };
  // A sense whose pivots were all filtered still counts among the term's k senses (its share of
  // the mass is not handed to the others); a term with no pivot left is not matched at all.
  const expressible = (found: UsableSenses | null): found is UsableSenses => found !== null && found.senses.some((x) => x.pivots.length > 0);
  const add = (start: number, end: number, found: UsableSenses) => {
    matches.push({ start, end, lemma: found.lemma, senseCount: found.senses.length });
    const total = found.senses.reduce((sum, sense) => sum + sensePrior(sense), 0);
    for (const sense of found.senses) {
      const w = sensePrior(sense) / total;
      if (sense.synset !== null) synsets.set(sense.synset, (synsets.get(sense.synset) ?? 0) + w);
      for (const p of sense.pivots) pivots.set(p, (pivots.get(p) ?? 0) + w / sense.pivots.length);
    }
  };

  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let n = Math.min(maxPhrase, words.length - i); n >= 2 && !matched; n--) {
      const phrase = phraseLemma(lex, lang, words.slice(i, i + n));
      const found = phrase ? sensesOf(phrase, lookupTerm(lex, lang, phrase, { deinflect: false }).senses) : null;
      if (expressible(found)) {
        add(i, i + n, found);
        i += n;
        matched = true;
      }
    }
    if (matched) continue;
    const word = words[i]!;
    // A lone Latin letter is an elision ("l'", "d'") or a list marker, not a word.
    const isLetter = lang !== 'zh' && word.length === 1 && /\p{L}/u.test(word);
    if (!stopwords.has(word) && !isLetter) {
      const looked = lookupTerm(lex, lang, word);
      const found = sensesOf(looked.lemma, looked.senses);
      if (expressible(found)) add(i, i + 1, found);
      else if (lang !== 'zh' || !splitHan(lex, word, i, (w) => sensesOf(w, lookupTerm(lex, 'zh', w, { deinflect: false }).senses), add)) {
        unmatched.push(word);
      }
    }
    i++;
  }
  return {
    pivots: [...pivots].map(([term, weight]) => ({ term, weight })).sort(byWeightDesc((x) => x.term)),
    synsets: [...synsets].map(([synset, weight]) => ({ synset, weight })).sort(byWeightDesc((x) => x.synset)),
    matches,
    unmatched,
  };
}

/**
 * The lexicon key of a multi-word phrase, or null: as written, else with its head de-inflected
 * (Italian heads come first, "macchine da cucire"; English heads last, "sewing machines").
 */
function phraseLemma(lex: Lexicon, lang: LexiconLang, words: string[]): string | null {
  const joined = words.join(lang === 'zh' ? '' : ' ');
  if (hasExactSenses(lex, lang, joined)) return joined;
  if (lang === 'zh') return null;
  const head = lang === 'it' ? 0 : words.length - 1;
  // A phrase's head is a noun ("sewing machines"): only plural rules, not participles.
  for (const candidate of deinflectionCandidates(words[head]!, lang, { nounsOnly: true })) {
    const phrase = words.map((w, j) => (j === head ? candidate : w)).join(' ');
    if (hasExactSenses(lex, lang, phrase)) return phrase;
  }
  return null;
}

function normaliseTokens(tokens: readonly string[], lang: LexiconLang): string[] {
  // A caller's token may hold an apostrophe or hyphen ("dell'abbigliamento"); keys split there.
  return tokens.flatMap((t) => {
    const key = lexiconKey(t, lang);
    return key ? key.split(' ') : [];
  });
}

/**
 * A sense's share of its term's mass before normalising: the number of independent sources
 * (WordNet, Wiktionary, CC-CEDICT) that list it. A meaning two dictionaries agree on is more
 * likely the common one than a meaning only one of them records: 金 is gold in both, Venus or
 * the Jurchen dynasty in one.
 */
function sensePrior(sense: Sense): number {
  return sense.sources.length;
}

const mappedSensesByMap = new WeakMap<(term: string) => string | null, Map<string, UsableSenses>>();

function mappedSenses(map: (term: string) => string | null): Map<string, UsableSenses> {
  let memo = mappedSensesByMap.get(map);
  if (!memo) mappedSensesByMap.set(map, (memo = new Map()));
  return memo;
}

interface UsableSenses {
  lemma: string;
  senses: readonly Sense[];
}

/** Greedy longest-known-word split of an unknown Chinese token; false when nothing was found. */
function splitHan(
  lex: Lexicon,
  token: string,
  at: number,
  sensesOf: (word: string) => UsableSenses,
  add: (s: number, e: number, f: UsableSenses) => void,
): boolean {
  const chars = [...token];
  let found = false;
  for (let i = 0; i < chars.length; ) {
    let n = Math.min(MAX_HAN_WORD, chars.length - i);
    for (; n >= 2; n--) {
      const word = chars.slice(i, i + n).join('');
      const usable = hasExactSenses(lex, 'zh', word) ? sensesOf(word) : null;
      if (usable?.senses.some((x) => x.pivots.length)) {
        add(at, at + 1, usable);
        found = true;
        break;
      }
    }
    i += Math.max(n, 1);
  }
  return found;
}

function byWeightDesc<T extends { weight: number }>(key: (x: T) => string | number) {
  return (a: T, b: T) => b.weight - a.weight || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}
