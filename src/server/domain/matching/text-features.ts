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
import type { Lexicon } from '../analysis/lexicon/lexicon';
import { expandToPivots } from '../analysis/lexicon/pivot-expansion';
import { tokenise, type Token } from '../analysis/tokenise';

export interface MatchingResources {
  analysis: AnalysisResources;
  /** The general lexicon; null runs on the taxonomy and surface words alone. */
  lexicon: Lexicon | null;
}

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
const ANCESTOR_DECAY = 0.5;

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

export function textFeatures(res: MatchingResources, text: string): TextFeatures {
  const tokens = tokenise(text);
  const analysis = analyseText(res.analysis, text, tokens);
  const weights = new Map<string, number>();
  const add = (key: string, w: number) => weights.set(key, (weights.get(key) ?? 0) + w);

  for (const mention of analysis.concepts) {
    const share = 1 / mention.ids.length;
    for (const id of mention.ids) {
      add(CHANNEL_PREFIX.concept + id, share);
      let w = share;
      for (const ancestor of res.analysis.taxonomy.ancestors(id)) {
        w *= ANCESTOR_DECAY;
        add(CHANNEL_PREFIX.concept + ancestor, w);
      }
    }
  }

  if (res.lexicon) {
    // The lexicon is keyed per language, so expand each run of same-language tokens on its own.
    for (const run of languageRuns(tokens)) {
      const expansion = expandToPivots(res.lexicon, run.lang, run.tokens.map((t) => t.norm));
      for (const p of expansion.pivots) add(CHANNEL_PREFIX.pivot + p.term, p.weight);
    }
  }

  for (const term of surfaceTerms(tokens)) add(CHANNEL_PREFIX.surface + term, 1);
  return { weights, analysis };
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
