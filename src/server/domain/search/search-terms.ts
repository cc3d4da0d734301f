/**
 * Directory search terms for Italian, Chinese and English text.
 *
 * Latin-script words are folded (NFKC, lower case, accents stripped: "qualità" = "qualita").
 * Chinese runs are indexed as overlapping character bigrams plus single characters, the
 * CJKAnalyzer approach: any query of two or more characters matches wherever it occurs as a
 * substring, which word segmentation cannot promise (jieba may split 临平 in one text and not in
 * another). Word segmentation with jieba belongs to requirement analysis, not to this filter.
 */

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{Script=Han}]+|[\p{L}\p{N}]+/gu;
const MAX_TERM_LENGTH = 60;

/** Folds a string for matching: full-width → half-width, lower case, no diacritics. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
}

function hanTerms(run: string, withUnigrams: boolean): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  if (withUnigrams) out.push(...chars);
  return out;
}

/** Terms to index for a set of texts (names, descriptions in any language). Deduplicated. */
export function indexTerms(texts: Iterable<string | null | undefined>): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const m of foldText(text).matchAll(WORD)) {
      const run = m[0];
      if (HAN.test(run)) for (const t of hanTerms(run, true)) terms.add(t);
      else if (run.length <= MAX_TERM_LENGTH) terms.add(run);
    }
  }
  return [...terms];
}

/** One query word: matched exactly, or as a prefix (the last Latin word, so results follow typing). */
export interface QueryTerm {
  term: string;
  prefix: boolean;
}

/** The words a directory query requires, in the form `indexTerms` wrote them. Deduplicated. */
export function queryTerms(query: string): QueryTerm[] {
  const out = new Map<string, QueryTerm>();
  const runs = [...foldText(query).matchAll(WORD)].map((m) => m[0]);
  runs.forEach((run, i) => {
    if (HAN.test(run)) {
      for (const term of hanTerms(run, false)) out.set(term, { term, prefix: false });
    } else if (run.length <= MAX_TERM_LENGTH) {
      const prefix = i === runs.length - 1;
      out.set(prefix ? `${run}:*` : run, { term: run, prefix });
    }
  });
  return [...out.values()];
}

/**
 * A PostgreSQL tsquery (text form) that requires every query word; the last Latin word matches
 * as a prefix so results follow typing. Returns null when the query has no searchable word.
 */
export function queryTsquery(query: string): string | null {
  const parts = queryTerms(query).map((t) => (t.prefix ? `${quote(t.term)}:*` : quote(t.term)));
  return parts.length ? parts.join(' & ') : null;
}

function quote(term: string): string {
  // Terms hold only letters and digits (see WORD), so no quote or backslash can appear.
  return `'${term}'`;
}
