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

const ENGLISH_NOUN_RULES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ies', ['y']],
  ['ves', ['f', 'fe']],
  ['ses', ['s', 'se']],
  ['xes', ['x']],
  ['zes', ['z', 'ze']],
  ['ches', ['ch', 'che']],
  ['shes', ['sh']],
  ['s', ['']],
];

const ENGLISH_RULES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ...ENGLISH_NOUN_RULES,
  // Participles and gerunds, which product descriptions are full of (recycled, knitted, dyeing).
  ['ied', ['y']],
  ['ed', ['e', '']],
  ['ing', ['e', '']],
];

const MIN_STEM = 2;

/**
 * Lemma candidates for an inflected Italian or English word form (plural → singular, Italian
 * feminine → masculine, English participles and gerunds → the verb): "maglioni" → magliono,
 * maglione, …; "dresses" → dress, dresse; "recycled" → recycle, recycl; "knitted" → knitte, knitt, knit.
 * Chinese does not inflect and gets none.
 */
export function deinflectionCandidates(word: string, lang: LexiconLang, options: { nounsOnly?: boolean } = {}): string[] {
  const rules = lang === 'it' ? ITALIAN_RULES : lang === 'en' ? (options.nounsOnly ? ENGLISH_NOUN_RULES : ENGLISH_RULES) : [];
  if (lang === 'en' && word.endsWith('ss')) return [];
  const out: string[] = [];
  for (const [suffix, replacements] of rules) {
    if (!word.endsWith(suffix) || word.length - suffix.length < MIN_STEM) continue;
    const stem = word.slice(0, -suffix.length);
    for (const r of replacements) {
      const candidate = stem + r;
      if (candidate !== word && !out.includes(candidate)) out.push(candidate);
    }
    // knitted → knit, shipping → ship
    if (lang === 'en' && (suffix === 'ed' || suffix === 'ing') && /([^aeiou])\1$/.test(stem) && !out.includes(stem.slice(0, -1))) out.push(stem.slice(0, -1));
  }
  return out;
}
