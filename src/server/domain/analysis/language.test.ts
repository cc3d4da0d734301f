import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    ['Cerchiamo un produttore di maglieria in cachemire per la collezione autunno-inverno.', 'it'],
    ['Azienda toscana di divani, lavorazione fatta a mano.', 'it'],
    ['We are looking for a knitwear manufacturer with GOTS certification.', 'en'],
    ['Looking for cashmere OEM', 'en'],
    ['常熟服装城提供羊绒针织代工', 'zh'],
    ['寻找意大利设计合作伙伴', 'zh'],
    ['Tessuti tecnici per arredamento', 'it'],
  ])('reads %s as %s', (text, lang) => {
    expect(detectLanguage(text).language).toBe(lang);
  });

  it('flags mixed Chinese and Italian text with both shares', () => {
    const g = detectLanguage('Cerchiamo fornitori di tessuti. 我们提供面料和辅料的一站式采购服务。');
    expect(g.mixed).toBe(true);
    expect(g.shares.it).toBeGreaterThan(0.2);
    expect(g.shares.zh).toBeGreaterThan(0.2);
  });

  it('returns an empty guess for text without letters', () => {
    expect(detectLanguage('  123 — !!').shares).toEqual({ it: 0, en: 0, zh: 0 });
  });
});
