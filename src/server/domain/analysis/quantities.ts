import { SCALE_WORDS, parseChineseNumeral, parseDigits } from './numbers';

export interface MoneyMention {
  kind: 'money';
  currency: string;
  min: number;
  max: number;
  start: number;
  end: number;
  surface: string;
}

export interface QuantityMention {
  kind: 'quantity';
  /** minimum order, production volume, or a plain quantity */
  role: 'minimum_order' | 'volume' | 'plain';
  value: number;
  unit: UnitId;
  /** Per period, when the text says so (e.g. per month). */
  per: 'day' | 'week' | 'month' | 'year' | null;
  start: number;
  end: number;
  surface: string;
}

export type UnitId = 'piece' | 'pair' | 'set' | 'metre' | 'kg' | 'tonne' | 'square_metre' | 'container';

const CURRENCY_WORDS: Array<[RegExp, string]> = [
  [/^(€|eur|euro|euros|欧元)$/i, 'EUR'],
  [/^(\$|usd|us\$|dollari|dollaro|dollars?|美元|美金)$/i, 'USD'],
  [/^(¥|￥|rmb|cny|yuan|元|人民币|元人民币|块)$/i, 'CNY'],
  [/^(£|gbp|sterline|pounds?|英镑)$/i, 'GBP'],
  [/^(chf|franchi svizzeri|swiss francs?|瑞士法郎)$/i, 'CHF'],
  [/^(hk\$|hkd|港币|港元)$/i, 'HKD'],
];

const UNIT_WORDS: Array<[RegExp, UnitId]> = [
  [/^(pezzi|pezzo|pz|pcs?|pieces?|units?|capi|capo|articoli|件|个|只|条|顶|枚|张)$/i, 'piece'],
  [/^(paia|paio|pairs?|双)$/i, 'pair'],
  [/^(set|sets|completi|套)$/i, 'set'],
  [/^(metri|metro|m|mt|mtl|meters?|metres?|yards?|米|码)$/i, 'metre'],
  [/^(mq|m2|m²|sqm|square metres?|square meters?|平方米|平米)$/i, 'square_metre'],
  [/^(kg|chili|chilogrammi|kilos?|kilograms?|公斤|千克)$/i, 'kg'],
  [/^(t|ton|tons|tonnes?|tonnellate|tonnellata|吨)$/i, 'tonne'],
  [/^(container|containers|集装箱|柜)$/i, 'container'],
];

const PERIODS: Array<[RegExp, QuantityMention['per']]> = [
  [/^(\/|al |a |per |每)?(giorno|day|日|天)$/i, 'day'],
  [/^(\/|alla |a |per |每)?(settimana|week|周)$/i, 'week'],
  [/^(\/|al |a |per |每)?(mese|month|月|个月)$/i, 'month'],
  [/^(\/|all'|l'|a |per |每)?(anno|year|年)$/i, 'year'],
];

const MIN_ORDER_CUES = /(ordine minimo|quantit[àa] minima|minimo d'ordine|min\.? ?ordine|moq|minimum order( quantity)?|min\.? order|起订量|最小起订量|起订|最低订量|最少)\s*[:：]?\s*$/i;
const VOLUME_CUES = /(volumi?|capacit[àa] produttiva|produzione|production capacity|capacity|volume|年产量|月产量|日产量|产能|产量)\s*(di|of|[:：])?\s*$/i;

// number: digits with separators, or Chinese numerals
const NUM = String.raw`(\d[\d.,\u00a0\u202f']*\d|\d|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*)`;
const SCALE = String.raw`(?:\s*(k|mila|mille|thousands?|mln|mio|milion[ei]|millions?|mn|mld|mrd|miliard[oi]|billions?|bn|千万|百万|万亿|千|万|亿)(?![\p{Script=Latin}]))?`;
const CUR_BEFORE = String.raw`(€|\$|US\$|HK\$|¥|￥|£|EUR|USD|RMB|CNY|GBP|CHF|HKD)`;
const CUR_AFTER = String.raw`(€|\$|EUR|USD|RMB|CNY|GBP|CHF|HKD|euro|euros|dollari|dollars?|yuan|sterline|pounds?|欧元|美元|美金|元人民币|人民币|元|英镑|港币|港元|块)`;

const MONEY_AFTER = new RegExp(
  String.raw`${NUM}${SCALE}(?:\s*(?:-|–|~|～|至|到|a|to)\s*${NUM}${SCALE})?\s*(?:di\s+|of\s+)?${CUR_AFTER}(?![\p{Script=Latin}])`,
  'giu',
);
const MONEY_BEFORE = new RegExp(
  String.raw`${CUR_BEFORE}\s*${NUM}${SCALE}(?:\s*(?:-|–|~|～|至|到|a|to)\s*(?:${CUR_BEFORE}\s*)?${NUM}${SCALE})?`,
  'giu',
);
const RANGE_WORDS = new RegExp(
  String.raw`(?:tra|fra|between|da|from)\s+${CUR_BEFORE}?\s*${NUM}${SCALE}\s*(?:e|and|a|to)\s+${CUR_BEFORE}?\s*${NUM}${SCALE}\s*(?:di\s+)?${CUR_AFTER}?`,
  'giu',
);
const QUANTITY = new RegExp(
  String.raw`${NUM}${SCALE}\s*(pezzi|pezzo|pz|pcs?|pieces?|units?|capi|capo|articoli|paia|paio|pairs?|sets?|completi|metri|metro|mt|meters?|metres?|yards?|mq|m2|m²|sqm|kg|chili|kilos?|tonnellate|tonnellata|tonnes?|tons?|containers?|件|个|只|条|双|套|米|码|平方米|平米|公斤|千克|吨|集装箱|柜|m|t)(?![\p{L}\d])(\s*(?:\/|al |alla |a |per |每)\s*(?:giorno|settimana|mese|anno|day|week|month|year|日|天|周|月|年))?`,
  'giu',
);

function amount(num: string, scale: string | undefined, style: 'it' | 'en'): number | null {
  const base = parseDigits(num, style) ?? parseChineseNumeral(num);
  if (base === null) return null;
  const mult = scale ? (SCALE_WORDS[scale.toLowerCase()] ?? 1) : 1;
  return base * mult;
}

function currencyOf(word: string | undefined): string | null {
  if (!word) return null;
  return CURRENCY_WORDS.find(([re]) => re.test(word.trim()))?.[1] ?? null;
}

function overlaps(a: { start: number; end: number }, list: Array<{ start: number; end: number }>) {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

/**
 * Money amounts and ranges with their currency, in any of the three languages.
 * `style` is the text's language for ambiguous separators.
 */
export function findMoney(text: string, style: 'it' | 'en'): MoneyMention[] {
  const found: MoneyMention[] = [];
  const push = (m: RegExpMatchArray, cur: string | null, a: number | null, b: number | null) => {
    if (!cur || a === null) return;
    const mention: MoneyMention = {
      kind: 'money', currency: cur, min: Math.min(a, b ?? a), max: Math.max(a, b ?? a),
      start: m.index!, end: m.index! + m[0].length, surface: m[0],
    };
    if (!overlaps(mention, found)) found.push(mention);
  };
  for (const m of text.matchAll(RANGE_WORDS)) {
    const cur = currencyOf(m[1]) ?? currencyOf(m[4]) ?? currencyOf(m[7]);
    const b = amount(m[5]!, m[6], style);
    const a = amount(m[2]!, m[3] ?? m[6], style);
    push(m, cur, a, b);
  }
  for (const m of text.matchAll(MONEY_BEFORE)) {
    const b = m[5] ? amount(m[5], m[6], style) : null;
    // "€100-200k": a scale after the second number applies to the first too.
    push(m, currencyOf(m[1]), amount(m[2]!, m[3] ?? (b !== null ? m[6] : undefined), style), b);
  }
  for (const m of text.matchAll(MONEY_AFTER)) {
    const b = m[3] ? amount(m[3], m[4], style) : null;
    push(m, currencyOf(m[5]), amount(m[1]!, m[2] ?? (b !== null ? m[4] : undefined), style), b);
  }
  return found.sort((x, y) => x.start - y.start);
}

/** Quantities with units; minimum orders and volumes told apart by the words before them. */
export function findQuantities(text: string, style: 'it' | 'en', exclude: Array<{ start: number; end: number }> = []): QuantityMention[] {
  const found: QuantityMention[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const value = amount(m[1]!, m[2], style);
    const unit = UNIT_WORDS.find(([re]) => re.test(m[3]!))?.[1];
    if (value === null || !unit) continue;
    const span = { start: m.index!, end: m.index! + m[0].length };
    if (overlaps(span, exclude) || overlaps(span, found)) continue;
    const before = text.slice(Math.max(0, span.start - 40), span.start);
    const role: QuantityMention['role'] = MIN_ORDER_CUES.test(before) ? 'minimum_order' : VOLUME_CUES.test(before) ? 'volume' : 'plain';
    const perText = m[4]?.trim();
    const per = perText ? (PERIODS.find(([re]) => re.test(perText.replace(/^\/\s*/, '')))?.[1] ?? null) : null;
    found.push({ kind: 'quantity', role, value, unit, per, ...span, surface: m[0] });
  }
  return found;
}
