import type { LexiconLang } from './lexicon-key';

// Suffix rewrites, most plausible first. Each candidate is only accepted by the caller when the
// lexicon knows it, which keeps rules this crude from inventing words.
const ITALIAN_RULES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['chi', ['co']],
  ['ghi', ['go']],
  ['che', ['ca']],
  ['ghe', ['ga']],
  ['ci', ['co', 'cio', 'ce']],
  ['gi', ['gio', 'go', 'ge']],
  ['ce', ['cia']],
  ['ge', ['gia']],
  ['ie', ['ia']],
  ['i', ['o', 'e', 'io', 'a']],
  ['e', ['a', 'o']],
  ['a', ['o']],
];

const ENGLISH_RULES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ies', ['y']],
  ['ves', ['f', 'fe']],
  ['ses', ['s', 'se']],
  ['xes', ['x']],
  ['zes', ['z', 'ze']],
  ['ches', ['ch', 'che']],
  ['shes', ['sh']],
  ['s', ['']],
];

const MIN_STEM = 2;

/**
 * Lemma candidates for an inflected Italian or English word form (plural → singular, Italian
 * feminine → masculine): "maglioni" → magliono, maglione, …; "dresses" → dress, dresse, dresse.
 * Chinese does not inflect and gets none.
 */
export function deinflectionCandidates(word: string, lang: LexiconLang): string[] {
  const rules = lang === 'it' ? ITALIAN_RULES : lang === 'en' ? ENGLISH_RULES : [];
  if (lang === 'en' && word.endsWith('ss')) return [];
  const out: string[] = [];
  for (const [suffix, replacements] of rules) {
    if (!word.endsWith(suffix) || word.length - suffix.length < MIN_STEM) continue;
    const stem = word.slice(0, -suffix.length);
    for (const r of replacements) {
      const candidate = stem + r;
      if (candidate !== word && !out.includes(candidate)) out.push(candidate);
    }
  }
  return out;
}
