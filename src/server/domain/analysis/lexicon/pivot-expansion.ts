/**
 * Dictionary-based cross-language query expansion: a token sequence in Italian, Chinese or
 * English → weighted WordNet synsets and English pivot terms.
 *
 * Weighting (also in src/server/lexicon/general/README.md). Every matched term t (a word or a
 * multi-word lemma) carries mass 1, split evenly over its k_t senses, and each sense σ splits its
 * share evenly over its pivots P_σ:
 *
 *   w(synset s) = Σ_t [s ∈ senses(t)] / k_t
 *   w(pivot p)  = Σ_t Σ_{σ ∈ senses(t), p ∈ P_σ} 1 / (k_t · |P_σ|)
 *
 * So a term adds at most 1 to the pivot vector however many senses or synonyms it has: an
 * ambiguous word ("pesca": peach, fishing, …) cannot flood the query, and a pivot reached by
 * several senses of the same term is not counted more than that term's mass. IDF over the
 * matched corpus is left to the matching engine, which knows the documents.
 */
import { FUNCTION_WORDS } from './function-words';
import { deinflectionCandidates } from './inflection';
import { hasExactSenses, lookupTerm, type Lexicon, type TermSenses } from './lexicon';
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

  const add = (start: number, end: number, found: TermSenses) => {
    const k = found.senses.length;
    matches.push({ start, end, lemma: found.lemma, senseCount: k });
    for (const sense of found.senses) {
      if (sense.synset !== null) synsets.set(sense.synset, (synsets.get(sense.synset) ?? 0) + 1 / k);
      for (const p of sense.pivots) pivots.set(p, (pivots.get(p) ?? 0) + 1 / (k * sense.pivots.length));
    }
  };

  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let n = Math.min(maxPhrase, words.length - i); n >= 2 && !matched; n--) {
      const phrase = phraseLemma(lex, lang, words.slice(i, i + n));
      if (phrase) {
        add(i, i + n, lookupTerm(lex, lang, phrase, { deinflect: false }));
        i += n;
        matched = true;
      }
    }
    if (matched) continue;
    const word = words[i]!;
    // A lone Latin letter is an elision ("l'", "d'") or a list marker, not a word.
    const isLetter = lang !== 'zh' && word.length === 1 && /\p{L}/u.test(word);
    if (!stopwords.has(word) && !isLetter) {
      const found = lookupTerm(lex, lang, word);
      if (found.senses.length) add(i, i + 1, found);
      else if (lang !== 'zh' || !splitHan(lex, word, i, add)) unmatched.push(word);
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
  for (const candidate of deinflectionCandidates(words[head]!, lang)) {
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

/** Greedy longest-known-word split of an unknown Chinese token; false when nothing was found. */
function splitHan(lex: Lexicon, token: string, at: number, add: (s: number, e: number, f: TermSenses) => void): boolean {
  const chars = [...token];
  let found = false;
  for (let i = 0; i < chars.length; ) {
    let n = Math.min(MAX_HAN_WORD, chars.length - i);
    for (; n >= 2; n--) {
      const word = chars.slice(i, i + n).join('');
      if (hasExactSenses(lex, 'zh', word)) {
        add(at, at + 1, lookupTerm(lex, 'zh', word, { deinflect: false }));
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
