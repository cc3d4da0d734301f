import type { TaxonomyIndex, TaxonomyLang } from './taxonomy/taxonomy';
import { foldLabel, labelsOf } from './taxonomy/taxonomy';
import { labelStem } from './light-stem';
import { tokenise, type Token } from './tokenise';

export interface ConceptMention {
  /** One id, or several when the label is ambiguous (the caller disambiguates). */
  ids: readonly string[];
  ambiguous: boolean;
  lang: TaxonomyLang;
  start: number;
  end: number;
  surface: string;
}

/**
 * Phrase index over taxonomy labels. Italian and English labels are keyed by their stems
 * (labelStem: "maglioni in cachemire" and "maglione di cachemire" both reach the same key only
 * through their content words, so stop words are dropped from keys); Chinese labels by their
 * characters. Two more keys:
 * - `full`: a label that stop-word removal would leave with a single word keeps its stop words
 *   ("IT services", "AI in fashion", "su misura"), or every "service" would read as IT services;
 * - `exact`: the folded words, for a label met in a sentence of the other language. A quoted
 *   foreign term is written as it is ("private label" in Italian), and stemming it with the
 *   wrong language's rules made English "China" the Italian "chino" (trousers).
 */
export interface ConceptMatcher {
  latin: Record<'it' | 'en', Map<string, Set<string>>>;
  full: Record<'it' | 'en', Map<string, Set<string>>>;
  exact: Record<'it' | 'en', Map<string, Set<string>>>;
  /** First words of `full` labels ("su" of "su misura"): the only stop words that start a window. */
  stopStarts: Set<string>;
  han: Map<string, Set<string>>;
  maxLatinTokens: number;
  maxHanChars: number;
}

function stemOf(t: Token, lang: 'it' | 'en', memo?: Map<string, string>): string {
  if (t.kind === 'number') return t.norm;
  const key = `${lang}:${t.norm}`;
  let s = memo?.get(key);
  if (s === undefined) {
    s = labelStem(lang, t.norm.replace(/['’]$/, ''));
    memo?.set(key, s);
  }
  return s;
}

function latinKey(tokens: readonly Token[], lang: 'it' | 'en', memo?: Map<string, string>): string {
  return tokens
    .filter((t) => !t.stop)
    .map((t) => stemOf(t, lang, memo))
    .join(' ');
}

/** Every word, stop words as written (folded), the others stemmed. */
function fullKey(tokens: readonly Token[], lang: 'it' | 'en', memo?: Map<string, string>): string {
  return tokens.map((t) => (t.stop ? t.norm : stemOf(t, lang, memo))).join(' ');
}

function exactKey(tokens: readonly Token[], withStops: boolean): string {
  return tokens
    .filter((t) => withStops || !t.stop)
    .map((t) => t.norm)
    .join(' ');
}

export function buildConceptMatcher(taxonomy: TaxonomyIndex): ConceptMatcher {
  const latin = { it: new Map<string, Set<string>>(), en: new Map<string, Set<string>>() };
  const full = { it: new Map<string, Set<string>>(), en: new Map<string, Set<string>>() };
  const exact = { it: new Map<string, Set<string>>(), en: new Map<string, Set<string>>() };
  const stopStarts = new Set<string>();
  const han = new Map<string, Set<string>>();
  let maxLatinTokens = 1;
  let maxHanChars = 1;
  const add = (map: Map<string, Set<string>>, key: string, id: string) => {
    if (!key) return;
    if (!map.has(key)) map.set(key, new Set());
    map.get(key)!.add(id);
  };
  for (const c of taxonomy.concepts) {
    for (const lang of ['it', 'en'] as const) {
      for (const label of labelsOf(c, lang)) {
        const tokens = tokenise(label).filter((t) => t.kind !== 'han');
        maxLatinTokens = Math.max(maxLatinTokens, tokens.length);
        const degenerate = tokens.length > 1 && tokens.filter((t) => !t.stop).length === 1;
        if (degenerate) add(full[lang], fullKey(tokens, lang), c.id);
        if (degenerate) stopStarts.add(tokens[0]!.norm);
        else add(latin[lang], latinKey(tokens, lang), c.id);
        add(exact[lang], exactKey(tokens, degenerate), c.id);
      }
    }
    for (const label of labelsOf(c, 'zh')) {
      const key = foldLabel(label).replace(/\s+/g, '');
      maxHanChars = Math.max(maxHanChars, [...key].length);
      add(han, key, c.id);
    }
  }
  return { latin, full, exact, stopStarts, han, maxLatinTokens, maxHanChars };
}

/**
 * Finds taxonomy concepts in a text, with the span that justifies each. Left to right, the
 * longest label wins and matches never overlap. Chinese labels of one character count only when
 * jieba segmented exactly that word (布 in 发布 is not fabric).
 */
export function findConcepts(matcher: ConceptMatcher, text: string, tokens: readonly Token[] = tokenise(text)): ConceptMention[] {
  const out: ConceptMention[] = [];
  // Each window re-stems its words in two languages; a text repeats words, so stems are memoised.
  const memo = new Map<string, string>();
  const push = (ids: Set<string>, lang: TaxonomyLang, start: number, end: number) =>
    out.push({ ids: [...ids].sort(), ambiguous: ids.size > 1, lang, start, end, surface: text.slice(start, end) });

  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.kind === 'han') {
      // Rebuild the contiguous Han run from consecutive tokens, then scan it by characters.
      let j = i;
      while (j + 1 < tokens.length && tokens[j + 1]!.kind === 'han' && tokens[j + 1]!.start === tokens[j]!.end) j++;
      const run = tokens.slice(i, j + 1);
      const norm = run.map((r) => r.norm).join('');
      const runStart = run[0]!.start;
      const wordAt = new Map(run.map((r) => [r.start - runStart, r.norm]));
      let p = 0;
      while (p < norm.length) {
        let matched = 0;
        for (let len = Math.min(matcher.maxHanChars, norm.length - p); len >= 1; len--) {
          const key = norm.slice(p, p + len);
          const ids = matcher.han.get(key);
          if (!ids) continue;
          if (len === 1 && wordAt.get(p) !== key) continue;
          push(ids, 'zh', runStart + p, runStart + p + len);
          matched = len;
          break;
        }
        p += matched || 1;
      }
      i = j + 1;
      continue;
    }
    if (t.kind === 'number' || (t.stop && !matcher.stopStarts.has(t.norm))) {
      i++;
      continue;
    }
    // Try the sentence's language first, then the other: Italian texts quote English terms.
    const own: 'it' | 'en' = t.lang === 'en' ? 'en' : 'it';
    const other: 'it' | 'en' = own === 'en' ? 'it' : 'en';
    const lookup = (window: readonly Token[]): [Set<string>, 'it' | 'en'] | null => {
      const hasStop = window.some((w) => w.stop);
      const contentOnly = !window[0]!.stop;
      const hit =
        (hasStop && matcher.full[own].get(fullKey(window, own, memo))) ||
        (contentOnly && matcher.latin[own].get(latinKey(window, own, memo)));
      if (hit) return [hit, own];
      const foreign = (hasStop && matcher.exact[other].get(exactKey(window, true))) || (contentOnly && matcher.exact[other].get(exactKey(window, false)));
      return foreign ? [foreign, other] : null;
    };
    let advanced = false;
    for (let k = Math.min(matcher.maxLatinTokens, tokens.length - i); k >= 1; k--) {
      const window = tokens.slice(i, i + k);
      if (window.some((w) => w.kind === 'han') || window[window.length - 1]!.stop) continue;
      const found = lookup(window);
      if (!found) continue;
      push(found[0], found[1], window[0]!.start, window[window.length - 1]!.end);
      i += k;
      advanced = true;
      break;
    }
    if (!advanced) i++;
  }
  return out;
}


/**
 * Concepts named inside a mention's own words, other than the mention's: "cashmere sweaters" and
 * 羊绒衫 are cashmere-sweater concepts and also speak of cashmere; 羊绒纱线 of cashmere as well
 * as of cashmere yarn. The taxonomy models kinds of things (a sweater is knitwear), not what
 * they are made of, so the longest match alone loses the material. Chinese sub-words need two
 * characters or more.
 */
export function innerConcepts(matcher: ConceptMatcher, mention: ConceptMention, tokens: readonly Token[]): string[] {
  const own = new Set(mention.ids);
  const found = new Set<string>();
  const take = (ids: Set<string> | undefined) => ids?.forEach((id) => own.has(id) || found.add(id));
  if (mention.lang === 'zh') {
    const chars = mention.surface;
    for (let len = chars.length - 1; len >= 2; len--) {
      for (let p = 0; p + len <= chars.length; p++) take(matcher.han.get(chars.slice(p, p + len)));
    }
    return [...found];
  }
  const lang = mention.lang;
  const inside = tokens.filter((t) => t.start >= mention.start && t.end <= mention.end && t.kind === 'word' && !t.stop);
  for (let k = inside.length - 1; k >= 1; k--) {
    for (let i = 0; i + k <= inside.length; i++) take(matcher.latin[lang].get(latinKey(inside.slice(i, i + k), lang)));
  }
  return [...found];
}
