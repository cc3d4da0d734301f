import { describe, expect, it } from 'vitest';
import { MAX_ANALYSED_CHARS, tokenise } from './tokenise';

describe('tokenise', () => {
  it('keeps exact spans for every token in mixed Italian and Chinese text', () => {
    const text = "Cerchiamo un'azienda di maglieria. 我们提供針織羊絨衫代工。";
    const tokens = tokenise(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.surface);
    expect(tokens.map((t) => t.surface)).toContain('azienda');
    const zh = tokens.filter((t) => t.lang === 'zh').map((t) => t.norm);
    expect(zh.join('')).toContain('针织羊绒衫');
  });

  it('stems Italian and English with their own stemmers and marks stop words', () => {
    const it = tokenise('I maglioni di cachemire');
    expect(it.find((t) => t.surface === 'maglioni')).toMatchObject({ lang: 'it', stem: 'maglion', stop: false });
    expect(it.find((t) => t.surface === 'di')?.stop).toBe(true);
    const en = tokenise('We are looking for knitted sweaters');
    expect(en.find((t) => t.surface === 'sweaters')).toMatchObject({ lang: 'en', stem: 'sweater' });
  });

  it('folds full-width forms and accents', () => {
    const [t] = tokenise('ＱＵＡＬＩＴÀ');
    expect(t!.norm).toBe('qualita');
  });

  it('analyses empty, huge, binary-looking and emoji text without throwing', () => {
    expect(tokenise('')).toEqual([]);
    const huge = 'maglia '.repeat(200_000);
    const t0 = performance.now();
    const tokens = tokenise(huge);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(tokens.at(-1)!.end).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    expect(() => tokenise('\u0000\u0001\uFFFD\uD83D\uDE00 ��� 👗👠 \u202E')).not.toThrow();
  });
});
