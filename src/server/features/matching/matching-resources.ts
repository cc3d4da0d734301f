/**
 * Loads what matching needs from the shipped data files: the taxonomy, the places gazetteer and
 * the general lexicon (prebuilt PLX parts, ~0.1 s). The analysis code itself is pure.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAnalysisResources } from '../../domain/analysis/analyse-text';
import type { MatchingResources } from '../../domain/matching/text-features';
import { loadGeneralLexicon } from '../../lexicon/general/load-general-lexicon';

const LEXICON_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../lexicon');

export interface ResourceOptions {
  /** Leave the general lexicon out (taxonomy and surface words only). Default true. */
  lexicon?: boolean;
}

export function loadMatchingResources(options: ResourceOptions = {}): MatchingResources {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(LEXICON_ROOT, file), 'utf8'));
  const analysis = buildAnalysisResources(
    read('taxonomy/taxonomy.built.json') as Parameters<typeof buildAnalysisResources>[0],
    read('places/places.json') as Parameters<typeof buildAnalysisResources>[1],
  );
  return { analysis, lexicon: options.lexicon === false ? null : loadGeneralLexicon() };
}
