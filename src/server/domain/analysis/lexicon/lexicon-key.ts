/**
 * Lexicon keys: how a lemma or a run of tokens is spelled in the prebuilt lexicon files.
 *
 * Fold (NFKC, lower case, no diacritics), then keep only runs of letters and digits: Italian and
 * English join them with one space ("all'ingrosso" → "all ingrosso", "T-shirt" → "t shirt"),
 * Chinese joins them with nothing. scripts/build-lexicon.mjs applies the same rule when it
 * writes the files; change both together (a test re-keys the shipped terms to catch drift).
 */
import { foldText } from '../../search/search-terms';

export type LexiconLang = 'it' | 'zh' | 'en';

export const LEXICON_LANGS: readonly LexiconLang[] = ['it', 'zh', 'en'];

const WORD = /[\p{L}\p{N}]+/gu;

export function lexiconKey(text: string, lang: LexiconLang): string {
  const words = foldText(text).match(WORD) ?? [];
  return words.join(lang === 'zh' ? '' : ' ');
}

/** Folded word tokens of Italian or English text, in the shape expandToPivots expects. */
export function latinTokens(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}
