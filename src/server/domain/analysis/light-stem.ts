/**
 * The key a word matches taxonomy labels by. Snowball stems let inflected and closely derived
 * forms meet (maglioni / maglione, knitted / knitting / knit, robot / robotics), but they also
 * strip the suffixes that make a different kind of word, and whole families then read as one
 * label: "design" as designer, "research" and "ricerca" (also "looking for") as researcher,
 * "macchine" as macchiniste (sewing machinists), "negozi" (shops) as negoziazione, "macchine per
 * il confezionamento" (packaging) as confezione (garment making). Words ending in such a suffix
 * (agent nouns, Italian action nouns) therefore keep a light, inflection-only stem.
 */
import { stem } from './tokenise';

const DERIVED: Record<'it' | 'en', RegExp> = {
  // -tore/-trice/-ista/-zione/-mento and their plurals; -sione (professione) is not a suffix here.
  it: /(?:tor[ei]|tric[ei]|ist[aei]|zion[ei]|ment[oi])$/,
  en: /(?:[^aeiou]er|or)s?$/,
};

/** Italian inflection only: a final vowel, an -i left by -io/-ia plurals, the h of -chi/-ghi. */
function italianLight(word: string): string {
  let w = word;
  if (w.length > 3 && /[aeiou]$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('i')) w = w.slice(0, -1);
  if (/[cg]h$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** English plural only: -s, -es, -ies (dresses → dress, factories → factori). */
function englishLight(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}i`;
  else if (/(?:ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** The label-matching key of a folded Italian or English word. */
export function labelStem(lang: 'it' | 'en', norm: string): string {
  if (norm.length > 5 && DERIVED[lang].test(norm)) return lang === 'it' ? italianLight(norm) : englishLight(norm);
  return stem(lang, norm);
}
