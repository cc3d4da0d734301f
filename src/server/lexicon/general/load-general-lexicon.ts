/**
 * Reads the prebuilt general lexicon (built by scripts/build-lexicon.mjs) from disk and decodes
 * it. The decoder itself is pure and lives in src/server/domain/analysis/lexicon/.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeLexicon, type Lexicon } from '../../domain/analysis/lexicon/lexicon';

export const GENERAL_LEXICON_DIR = dirname(fileURLToPath(import.meta.url));

/** Part files, wordnet first; the share-alike dictionaries can be left out by a deployment. */
export const GENERAL_LEXICON_PARTS = {
  wordnet: 'wordnet/wordnet.plx',
  wiktionary: 'wiktionary/wiktionary.plx',
  cedict: 'cedict/cedict-fashion.plx',
} as const;

export type GeneralLexiconPart = keyof typeof GENERAL_LEXICON_PARTS;

export function loadGeneralLexicon(
  parts: readonly GeneralLexiconPart[] = ['wordnet', 'wiktionary', 'cedict'],
  dir: string = GENERAL_LEXICON_DIR,
): Lexicon {
  return decodeLexicon(parts.map((p) => readFileSync(join(dir, GENERAL_LEXICON_PARTS[p]))));
}
