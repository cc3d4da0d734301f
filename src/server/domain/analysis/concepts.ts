import type { TaxonomyIndex, TaxonomyLang } from './taxonomy/taxonomy';
import { foldLabel, labelsOf } from './taxonomy/taxonomy';
import { stem, tokenise, type Token } from './tokenise';

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
 * Phrase index over taxonomy labels. Italian and English labels are keyed by their Snowball
 * stems ("maglioni in cachemire" and "maglione di cachemire" both reach the same key only through
 * their content words, so stop words are dropped from keys); Chinese labels by their characters.
 */
export interface ConceptMatcher {
  latin: Record<'it' | 'en', Map<string, Set<string>>>;
  han: Map<string, Set<string>>;
  maxLatinTokens: number;
  maxHanChars: number;
}

function latinKey(tokens: readonly Token[], lang: 'it' | 'en', memo?: Map<string, string>): string {
  return tokens
    .filter((t) => !t.stop)
    .map((t) => {
      if (t.kind === 'number') return t.norm;
      const key = `${lang}:${t.norm}`;
      let s = memo?.get(key);
      if (s === undefined) {
        s = stem(lang, t.norm.replace(/['’]$/, ''));
        memo?.set(key, s);
      }
      return s;
    })
    .join(' ');
}

export function buildConceptMatcher(taxonomy: TaxonomyIndex): ConceptMatcher {
  const latin = { it: new Map<string, Set<string>>(), en: new Map<string, Set<string>>() };
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
        add(latin[lang], latinKey(tokens, lang), c.id);
      }
    }
    for (const label of labelsOf(c, 'zh')) {
      const key = foldLabel(label).replace(/\s+/g, '');
      maxHanChars = Math.max(maxHanChars, [...key].length);
      add(han, key, c.id);
    }
  }
  return { latin, han, maxLatinTokens, maxHanChars };
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
    if (t.stop || t.kind === 'number') {
      i++;
      continue;
    }
    let advanced = false;
    for (let k = Math.min(matcher.maxLatinTokens, tokens.length - i); k >= 1; k--) {
      const window = tokens.slice(i, i + k);
      if (window.some((w) => w.kind === 'han') || window[window.length - 1]!.stop) continue;
      // Try the sentence's language first, then the other: Italian texts quote English terms.
      const order: Array<'it' | 'en'> = t.lang === 'en' ? ['en', 'it'] : ['it', 'en'];
      for (const lang of order) {
        const ids = matcher.latin[lang].get(latinKey(window, lang, memo));
        if (!ids) continue;
        push(ids, lang, window[0]!.start, window[window.length - 1]!.end);
        i += k;
        advanced = true;
        break;
      }
      if (advanced) break;
    }
    if (!advanced) i++;
  }
  return out;
}

