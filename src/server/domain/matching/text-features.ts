/**
 * The language-neutral representation that matching compares: what a text is about as taxonomy
 * concepts and English pivot terms, next to its own surface words.
 *
 * Three channels, scored separately (see feature-index.ts):
 * - concepts: taxonomy concept ids found in the text (ambiguous labels split their weight), plus
 *   each concept's ancestors at half the weight per level, so "maglioni in cachemire" also speaks
 *   to "maglieria" and "abbigliamento";
 * - pivots: the general lexicon's English pivot terms for every word and phrase, weighted so that
 *   a word with k senses adds at most 1 in total (pivot-expansion.ts). This is what lets an
 *   everyday Italian sentence meet a Chinese one that the domain taxonomy knows nothing about;
 * - surface: the words themselves (Snowball stems for Italian and English, jieba words for
 *   Chinese), exactly the tokens the BM25 baseline sees, so a same-language match is never
 *   weaker than plain BM25.
 */
import type { Locale } from '../../../contracts/common';
import { analyseText, type AnalysisResources, type TextAnalysis } from '../analysis/analyse-text';
import { innerConcepts } from '../analysis/concepts';
import { pivotLemma, type Lexicon } from '../analysis/lexicon/lexicon';
import { lexiconKey } from '../analysis/lexicon/lexicon-key';
import { expandToPivots } from '../analysis/lexicon/pivot-expansion';
import { tokenise, type Token } from '../analysis/tokenise';

export interface MatchingResources {
  analysis: AnalysisResources;
  /** The general lexicon; null runs on the taxonomy and surface words alone. */
  lexicon: Lexicon | null;
}

/**
 * Bumped whenever feature extraction changes, so stored or cached features (bench:match's cache)
 * are never mistaken for current ones.
 */
export const FEATURES_VERSION = 3;

export type Channel = 'concept' | 'pivot' | 'surface';
export const CHANNELS: readonly Channel[] = ['concept', 'pivot', 'surface'];

/** Feature key prefixes; a key is `<prefix><value>`, so one map holds all three channels. */
export const CHANNEL_PREFIX: Record<Channel, string> = { concept: 'c:', pivot: 'p:', surface: 's:' };

export function channelOf(key: string): Channel {
  return key.startsWith('c:') ? 'concept' : key.startsWith('p:') ? 'pivot' : 'surface';
}

export interface TextFeatures {
  /** Feature key → weight (a fractional term frequency). */
  weights: Map<string, number>;
  analysis: TextAnalysis;
}

/** Weight an ancestor concept gets relative to the concept below it. */
export const ANCESTOR_DECAY = 0.5;
/** Total weight of the concepts named inside a mention's words (concepts.ts, innerConcepts). */
export const INNER_CONCEPT_WEIGHT = 0.5;
/** Snowball stems of nationality adjectives → the country's place id. */
const DEMONYMS: Record<'it' | 'en', Record<string, string>> = {
  it: { cines: 'china', ital: 'italy', italian: 'italy' },
  en: { chines: 'china', italian: 'italy' },
};
const DEMONYM_WEIGHT = 0.5;
/** Weight a place's parent (province, region, country) gets relative to the place. */
const PLACE_DECAY = 1;
/**
 * Pivots lighter than this are dropped: they come from words with ten or more senses, carry
 * almost no mass each, and were two thirds of a text's features — noise that slows every query.
 */
export const PIVOT_MIN_WEIGHT = 0.1;

/** Surface terms of a token list: what both Ponte's surface channel and the BM25 baseline index. */
export function surfaceTerms(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.stop || t.kind === 'number') continue;
    if (t.kind === 'word' && t.stem.length < 2) continue;
    out.push(t.stem);
  }
  return out;
}

export interface FeatureOptions {
  /**
   * Which words enter the surface channel: 'unexplained' (default) only those that neither a
   * concept nor the lexicon understood — names, codes, brands, jargon — since the others are
   * already in the language-neutral channels, and counting them twice would favour documents in
   * the query's own language over equally good ones in another; 'all' every word.
   */
  surface?: 'unexplained' | 'all';
  /** With 'unexplained', the weight the other (understood) words keep; default EXPLAINED_SURFACE_WEIGHT. */
  explainedWeight?: number;
}

/**
 * Understood words keep a little surface weight: two texts in one language that use the very
 * same word should still beat a paraphrase, as BM25 would have it.
 */
export const EXPLAINED_SURFACE_WEIGHT = 0.1;

export function textFeatures(res: MatchingResources, text: string, options: FeatureOptions = {}): TextFeatures {
  const allTokens = tokenise(text);
  const analysis = analyseText(res.analysis, text, allTokens);
  // The words that say who asks and who offers ("seeking", "cerchiamo", 寻找) are about the
  // writer's side, not the subject: as topic words they made every request resemble every
  // other request, the same side of the deal. Direction is matched separately (complementarity).
  const inCue = coveredBy(allTokens, analysis.directionCues);
  const tokens = analysis.directionCues.length ? allTokens.filter((t) => !inCue(t)) : allTokens;
  const weights = new Map<string, number>();
  const add = (key: string, w: number) => weights.set(key, (weights.get(key) ?? 0) + w);

  const addConcept = (id: string, weight: number) => {
    add(CHANNEL_PREFIX.concept + id, weight);
    let w = weight;
    for (const ancestor of res.analysis.taxonomy.ancestors(id)) {
      w *= ANCESTOR_DECAY;
      add(CHANNEL_PREFIX.concept + ancestor, w);
    }
  };
  for (const mention of analysis.concepts) {
    const share = 1 / mention.ids.length;
    for (const id of mention.ids) addConcept(id, share);
    // What the mention's own words name ("cashmere" in "cashmere sweaters"), as much as an ancestor.
    const inner = innerConcepts(res.analysis.concepts, mention, allTokens);
    for (const id of inner) addConcept(id, INNER_CONCEPT_WEIGHT / inner.length);
  }

  // Places are language-neutral too: 比耶拉, Biella and "the Biella district" are one id, and a
  // town also speaks for its province, region and country ("an Italian mill" meets a mill in Biella).
  for (const place of analysis.places) {
    let w = place.confidence === 'low' ? 0.5 : 1;
    for (let id: string | null = place.id; id; id = res.analysis.places.byId.get(id)?.parent ?? null) {
      add(`${CHANNEL_PREFIX.concept}place:${id}`, w);
      w *= PLACE_DECAY;
    }
  }

  // A nationality adjective names a country too: "un fornitore cinese" is a supplier in China.
  for (const t of tokens) {
    const country = t.kind === 'word' && t.lang !== 'zh' ? DEMONYMS[t.lang][t.stem] : undefined;
    if (country) add(`${CHANNEL_PREFIX.concept}place:${country}`, DEMONYM_WEIGHT);
  }

  const unexplained = new Set<string>();
  if (res.lexicon) {
    const pivotMap = pivotMapOf(res.lexicon);
    // The lexicon is keyed per language, so expand each run of same-language tokens on its own.
    // A place name is represented by its place id (and the places containing it); its dictionary
    // senses are noise ("Italia" → Italian Republic, "Carpi" → carp, "Prato" → meadow).
    const inPlace = coveredBy(tokens, analysis.places.filter((p) => p.confidence !== 'low'));
    for (const run of languageRuns(tokens.filter((t) => !inPlace(t)))) {
      const expansion = expandToPivots(res.lexicon, run.lang, run.tokens.map((t) => t.norm), { pivotMap });
      for (const p of expansion.pivots) add(CHANNEL_PREFIX.pivot + p.term, p.weight);
      // Italian business writing borrows English words (cashmere, showroom, outlet, brand): a
      // word the Italian lexicon does not know is looked up as English before it counts as unknown.
      const loans = run.lang === 'it' && expansion.unmatched.length ? expandToPivots(res.lexicon, 'en', expansion.unmatched, { pivotMap }) : null;
      if (loans) for (const p of loans.pivots) add(CHANNEL_PREFIX.pivot + p.term, p.weight);
      const unknown = loans ? loans.unmatched : expansion.unmatched;
      for (const word of unknown) unexplained.add(`${run.lang}:${word}`);
    }
    for (const [key, w] of weights) if (key.startsWith(CHANNEL_PREFIX.pivot) && w < PIVOT_MIN_WEIGHT) weights.delete(key);
  }

  const everyWord = options.surface === 'all' || !res.lexicon;
  const explainedWeight = options.explainedWeight ?? EXPLAINED_SURFACE_WEIGHT;
  const inConcept = coveredBy(tokens, analysis.concepts);
  const isUnexplained = (t: Token) =>
    !inConcept(t) && lexiconKey(t.norm, t.lang).split(' ').some((w) => unexplained.has(`${t.lang}:${w}`));
  for (const t of tokens) {
    const [term] = surfaceTerms([t]);
    if (term === undefined) continue;
    const w = everyWord || isUnexplained(t) ? 1 : explainedWeight;
    if (w > 0) add(CHANNEL_PREFIX.surface + term, w);
  }
  return { weights, analysis };
}

/** Whether a token lies inside one of the spans (one sweep, not a scan of the spans per token). */
function coveredBy(tokens: readonly Token[], spans: ReadonlyArray<{ start: number; end: number }>): (t: Token) => boolean {
  if (spans.length === 0) return () => false;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const covered = new Set<Token>();
  let j = 0;
  let maxEnd = -1;
  for (const t of tokens) {
    // Tokens come sorted by start: every span starting at or before this token is seen once.
    while (j < sorted.length && sorted[j]!.start <= t.start) maxEnd = Math.max(maxEnd, sorted[j++]!.end);
    if (maxEnd >= t.end) covered.add(t);
  }
  return (t) => covered.has(t);
}

const pivotMaps = new WeakMap<Lexicon, (term: string) => string | null>();

/**
 * Only English lemmas are pivots: a free-text gloss can never meet a text in another language
 * (lexicon.ts). One function per lexicon, so expandToPivots can keep the mapped senses.
 */
function pivotMapOf(lexicon: Lexicon): (term: string) => string | null {
  let map = pivotMaps.get(lexicon);
  if (!map) pivotMaps.set(lexicon, (map = (term) => pivotLemma(lexicon, term)));
  return map;
}

function languageRuns(tokens: readonly Token[]): Array<{ lang: Locale; tokens: Token[] }> {
  const runs: Array<{ lang: Locale; tokens: Token[] }> = [];
  for (const t of tokens) {
    if (t.kind === 'number') continue;
    const last = runs[runs.length - 1];
    if (last && last.lang === t.lang) last.tokens.push(t);
    else runs.push({ lang: t.lang, tokens: [t] });
  }
  return runs;
}
