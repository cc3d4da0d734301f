import type { Locale } from '../../../contracts/common';

/**
 * Language identification for the three languages Ponte reads. Chinese is told by script; Italian
 * and English by function words and letter patterns, which are reliable even on short business
 * texts where character n-gram models trained on general prose are not.
 */

const HAN = /\p{Script=Han}/u;
const HAN_G = /\p{Script=Han}/gu;
const LATIN_WORD = /[\p{Script=Latin}]+(?:['’][\p{Script=Latin}]+)*/gu;

const IT_WORDS = new Set(
  ('il lo la i gli le un una uno di da del della dei delle degli dello nel nella nei nelle con per tra fra ' +
    'su sul sulla che non è e ed o anche come più sono siamo cerchiamo offriamo nostra nostro nostri ' +
    'azienda aziende prodotti produzione settore qualità anni mercato ricerca partner cerca al alla ai alle').split(' '),
);
const EN_WORDS = new Set(
  ('the a an of and or to in on for with from by at is are be we our you your that this these those ' +
    'it its as not looking seek seeking offer offering company companies products production market ' +
    'quality years partner partners into which who has have').split(' '),
);
/** Endings frequent in Italian and rare in English. */
const IT_ENDINGS = /(zione|zioni|mente|ità|ia|ie|are|ere|ire|ato|ata|ati|ate|etto|etta|oni|ini|li|gli)$/;
const EN_ENDINGS = /(tion|ing|ed|ly|ness|ment|ship|ers|ies|th|ck|w|y)$/;

export interface LanguageGuess {
  /** The dominant language. */
  language: Locale;
  /** Share of the text's letters in each language (sums to 1 for non-empty text). */
  shares: Record<Locale, number>;
  /** True when a second language holds at least 20 % of the letters. */
  mixed: boolean;
}

/** Scores a Latin-script passage as Italian (positive) or English (negative). */
export function italianScore(words: string[]): number {
  let score = 0;
  for (const raw of words) {
    const w = raw.toLowerCase().replace(/['’].*$/, '');
    if (IT_WORDS.has(w)) score += 2;
    if (EN_WORDS.has(w)) score -= 2;
    if (/[àèéìòù]/.test(raw)) score += 2;
    if (/['’]$/.test(raw) || /^(l|un|dell|all|nell|sull|dall|d|c)['’]/i.test(raw)) score += 1.5;
    if (w.length > 3 && IT_ENDINGS.test(w)) score += 0.5;
    if (w.length > 2 && EN_ENDINGS.test(w)) score -= 0.5;
    if (/[kwy]/.test(w)) score -= 0.3;
  }
  return score;
}

export function detectLanguage(text: string): LanguageGuess {
  const han = text.match(HAN_G)?.length ?? 0;
  let it = 0;
  let en = 0;
  // Classify each sentence separately so a text mixing Italian and English gets both shares.
  for (const sentence of text.split(/(?<=[.!?。！？;\n])/u)) {
    const words = sentence.match(LATIN_WORD) ?? [];
    if (words.length === 0) continue;
    const letters = words.reduce((n, w) => n + w.length, 0);
    if (italianScore(words) >= 0) it += letters;
    else en += letters;
  }
  // Han characters carry about as much meaning as two Latin letters each.
  const zh = han * 2;
  const total = it + en + zh;
  if (total === 0) return { language: 'en', shares: { it: 0, en: 0, zh: 0 }, mixed: false };
  const shares = { it: it / total, en: en / total, zh: zh / total };
  const ranked = (Object.entries(shares) as Array<[Locale, number]>).sort((a, b) => b[1] - a[1]);
  return { language: ranked[0]![0], shares, mixed: ranked[1]![1] >= 0.2 };
}

export const hasHan = (s: string): boolean => HAN.test(s);
