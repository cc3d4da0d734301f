import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, parseDigits } from './numbers';
import { findMoney, findQuantities } from './quantities';

describe('numbers', () => {
  it('reads Italian and English separators by the text language when ambiguous', () => {
    expect(parseDigits('5.000', 'it')).toBe(5000);
    expect(parseDigits('5.000', 'en')).toBe(5);
    expect(parseDigits('5,000', 'en')).toBe(5000);
    expect(parseDigits('12,50', 'it')).toBe(12.5);
    expect(parseDigits('1.234.567,89', 'en')).toBe(1234567.89);
    expect(parseDigits('1,234,567.89', 'it')).toBe(1234567.89);
  });

  it('reads Chinese numerals', () => {
    expect(parseChineseNumeral('三千五百')).toBe(3500);
    expect(parseChineseNumeral('两万')).toBe(20000);
    expect(parseChineseNumeral('十二')).toBe(12);
    expect(parseChineseNumeral('一亿五千万')).toBe(150_000_000);
  });
});

describe('findMoney', () => {
  it.each([
    ['Budget di 2 milioni di euro', 'it', { currency: 'EUR', min: 2e6, max: 2e6 }],
    ['investimento tra 100.000 e 250.000 euro', 'it', { currency: 'EUR', min: 1e5, max: 2.5e5 }],
    ['budget €100-200k', 'en', { currency: 'EUR', min: 1e5, max: 2e5 }],
    ['预算50万元人民币', 'it', { currency: 'CNY', min: 5e5, max: 5e5 }],
    ['投资1.5亿元', 'en', { currency: 'CNY', min: 1.5e8, max: 1.5e8 }],
    ['USD 1.5 million', 'en', { currency: 'USD', min: 1.5e6, max: 1.5e6 }],
  ] as const)('finds %s', (text, style, expected) => {
    const [m] = findMoney(text, style);
    expect(m).toMatchObject(expected);
    expect(text.slice(m!.start, m!.end)).toBe(m!.surface);
  });

  it('finds nothing in text without money', () => {
    expect(findMoney('Cerchiamo 500 pezzi di maglieria', 'it')).toEqual([]);
  });
});

describe('findQuantities', () => {
  it.each([
    ['Ordine minimo 300 capi', 'it', { role: 'minimum_order', value: 300, unit: 'piece' }],
    ['MOQ: 1,000 pcs', 'en', { role: 'minimum_order', value: 1000, unit: 'piece' }],
    ['起订量500件', 'it', { role: 'minimum_order', value: 500, unit: 'piece' }],
    ['capacità produttiva di 10.000 metri al mese', 'it', { role: 'volume', value: 10000, unit: 'metre', per: 'month' }],
    ['年产量100万件', 'en', { role: 'volume', value: 1e6, unit: 'piece' }],
    ['2.000 paia di scarpe', 'it', { role: 'plain', value: 2000, unit: 'pair' }],
  ] as const)('finds %s', (text, style, expected) => {
    const [q] = findQuantities(text, style);
    expect(q).toMatchObject(expected);
    expect(text.slice(q!.start, q!.end)).toBe(q!.surface);
  });
});
