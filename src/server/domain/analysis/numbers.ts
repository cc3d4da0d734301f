/**
 * Numbers as people write them in Italian, English and Chinese: "5.000" and "12,50" in Italian,
 * "5,000" and "12.50" in English, "50万", "1.5亿", "三千" in Chinese, with scale words
 * (mila, milioni, mln, k, million, bn, 千, 万, 亿).
 */

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Parses a number written with Chinese numerals (三千五百, 十二, 两万). */
export function parseChineseNumeral(s: string): number | null {
  if (!s || ![...s].every((c) => c in CN_DIGITS || c in CN_UNITS || c in CN_BIG)) return null;
  let total = 0;
  let section = 0;
  let digit = 0;
  let sawDigit = false;
  for (const c of s) {
    if (c in CN_DIGITS) {
      digit = CN_DIGITS[c]!;
      sawDigit = true;
    } else if (c in CN_UNITS) {
      section += (sawDigit ? digit : 1) * CN_UNITS[c]!;
      digit = 0;
      sawDigit = false;
    } else {
      section += digit;
      total += (section || 1) * CN_BIG[c]!;
      section = 0;
      digit = 0;
      sawDigit = false;
    }
  }
  return total + section + digit;
}

/**
 * Parses an Arabic-digit number. `style` says which separator is the decimal one when the text
 * alone cannot tell ("1.500" is 1500 in Italian and 1.5 in English).
 */
export function parseDigits(raw: string, style: 'it' | 'en'): number | null {
  const s = raw.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let normalised: string;
  if (dots && commas) {
    // Whichever comes last is the decimal separator: 1.234,5 or 1,234.5.
    normalised = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (dots > 1 || commas > 1) {
    normalised = s.replace(/[.,]/g, '');
  } else if (dots === 1 || commas === 1) {
    const sep = dots ? '.' : ',';
    const [int, frac] = s.split(sep) as [string, string];
    const thousandsShape = frac.length === 3 && int.length <= 3 && int !== '0';
    const decimalSep = style === 'it' ? ',' : '.';
    normalised = thousandsShape && sep !== decimalSep ? int + frac : `${int}.${frac}`;
  } else {
    normalised = s;
  }
  const n = Number(normalised);
  return Number.isFinite(n) ? n : null;
}

/** Multipliers for scale words that follow a number, in the three languages. */
export const SCALE_WORDS: Record<string, number> = {
  k: 1e3, mila: 1e3, mille: 1e3, thousand: 1e3, thousands: 1e3, 千: 1e3,
  m: 1e6, mln: 1e6, mio: 1e6, milione: 1e6, milioni: 1e6, million: 1e6, millions: 1e6, mn: 1e6,
  mld: 1e9, mrd: 1e9, miliardo: 1e9, miliardi: 1e9, billion: 1e9, billions: 1e9, bn: 1e9, b: 1e9,
  万: 1e4, 亿: 1e8, 百万: 1e6, 千万: 1e7, 万亿: 1e12,
};
