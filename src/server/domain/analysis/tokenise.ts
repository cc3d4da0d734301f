import * as snowball from 'snowball-stemmers';
import * as stopword from 'stopword';
import type { Locale } from '../../../contracts/common';
import { segmentHan, toSimplified } from './chinese';
import { italianScore } from './language';

export interface Token {
  /** As written. */
  surface: string;
  /** Folded: NFKC, lower case, no diacritics; Chinese in simplified characters. */
  norm: string;
  /** Snowball stem for Italian and English; the folded word for Chinese. */
  stem: string;
  lang: Locale;
  /** UTF-16 offsets into the original text: text.slice(start, end) === surface. */
  start: number;
  end: number;
  stop: boolean;
  kind: 'han' | 'word' | 'number';
}

const STOP: Record<Locale, Set<string>> = {
  it: new Set(stopword.ita.map(fold)),
  en: new Set(stopword.eng.map(fold)),
  zh: new Set(stopword.zho),
};
const stemmers = { it: snowball.newStemmer('italian'), en: snowball.newStemmer('english') };

export function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

export function stem(lang: 'it' | 'en', norm: string): string {
  return stemmers[lang].stem(norm);
}

const HAN_RUN = /\p{Script=Han}+/gu;
const SENTENCE_END = /[.!?。！？;；\n]/u;

/** Most texts are short; this guards the analysis against pasted books. */
export const MAX_ANALYSED_CHARS = 20_000;

/**
 * Splits text into tokens with exact character spans. Han runs are segmented by jieba; other
 * text by Intl.Segmenter word boundaries, with Italian elisions split (un'azienda → un' azienda).
 * The language of Latin words is decided per sentence, so mixed Italian and English text stems
 * each part with its own stemmer.
 */
export function tokenise(text: string): Token[] {
  const src = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  const tokens: Token[] = [];
  let sentenceStart = 0;
  const sentences: Array<[number, number]> = [];
  for (let i = 0; i <= src.length; i++) {
    if (i === src.length || SENTENCE_END.test(src[i]!)) {
      if (i > sentenceStart) sentences.push([sentenceStart, i]);
      sentenceStart = i + 1;
    }
  }
  const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
  for (const [from, to] of sentences) {
    const sentence = src.slice(from, to);
    // Han runs first, then the Latin words between them.
    let cursor = 0;
    const latin: Array<{ text: string; at: number }> = [];
    for (const m of sentence.matchAll(HAN_RUN)) {
      if (m.index! > cursor) latin.push({ text: sentence.slice(cursor, m.index), at: cursor });
      const simplified = toSimplified(m[0]);
      let offset = 0;
      for (const word of segmentHan(simplified)) {
        const start = from + m.index! + offset;
        const surface = src.slice(start, start + word.length);
        tokens.push({ surface, norm: word, stem: word, lang: 'zh', start, end: start + word.length, stop: STOP.zh.has(word), kind: 'han' });
        offset += word.length;
      }
      cursor = m.index! + m[0].length;
    }
    if (cursor < sentence.length) latin.push({ text: sentence.slice(cursor), at: cursor });

    const words: Array<{ surface: string; start: number }> = [];
    for (const part of latin) {
      for (const seg of segmenter.segment(part.text)) {
        if (!seg.isWordLike) continue;
        for (const piece of splitElision(seg.segment)) {
          words.push({ surface: piece.text, start: from + part.at + seg.index + piece.offset });
        }
      }
    }
    const lang: 'it' | 'en' = italianScore(words.map((w) => w.surface)) >= 0 ? 'it' : 'en';
    for (const w of words) {
      const norm = fold(w.surface);
      const isNumber = /^[\d.,]+$/.test(norm);
      tokens.push({
        surface: w.surface,
        norm,
        stem: isNumber ? norm : stem(lang, norm.replace(/['’]$/, '')),
        lang,
        start: w.start,
        end: w.start + w.surface.length,
        stop: !isNumber && (STOP[lang].has(norm) || /['’]$/.test(norm)),
        kind: isNumber ? 'number' : 'word',
      });
    }
  }
  return tokens.sort((a, b) => a.start - b.start);
}

function splitElision(word: string): Array<{ text: string; offset: number }> {
  const m = word.match(/^([\p{L}]{1,5}['’])([\p{L}].*)$/u);
  if (!m) return [{ text: word, offset: 0 }];
  return [
    { text: m[1]!, offset: 0 },
    { text: m[2]!, offset: m[1]!.length },
  ];
}
