import { describe, expect, it } from 'vitest';
import { deinflectionCandidates } from './inflection';

describe('de-inflection candidates', () => {
  it('turns Italian plurals into singular candidates, most plausible first', () => {
    expect(deinflectionCandidates('maglioni', 'it')).toContain('maglione');
    expect(deinflectionCandidates('tessuti', 'it')[0]).toBe('tessuto');
    expect(deinflectionCandidates('tasche', 'it')[0]).toBe('tasca');
    expect(deinflectionCandidates('cataloghi', 'it')[0]).toBe('catalogo');
    expect(deinflectionCandidates('valigie', 'it')).toContain('valigia');
    expect(deinflectionCandidates('negozi', 'it')).toContain('negozio');
  });

  it('turns English plurals into singular candidates', () => {
    expect(deinflectionCandidates('factories', 'en')[0]).toBe('factory');
    expect(deinflectionCandidates('dresses', 'en')).toContain('dress');
    expect(deinflectionCandidates('shoes', 'en')).toContain('shoe');
  });

  it('turns English participles and gerunds into verb candidates, but not for phrase heads', () => {
    expect(deinflectionCandidates('recycled', 'en')).toContain('recycle');
    expect(deinflectionCandidates('knitted', 'en')).toContain('knit');
    expect(deinflectionCandidates('dyeing', 'en')).toContain('dye');
    expect(deinflectionCandidates('recycled', 'en', { nounsOnly: true })).toEqual([]);
  });

  it('leaves words without an inflection ending, Chinese and very short words alone', () => {
    expect(deinflectionCandidates('dress', 'en')).toEqual([]);
    expect(deinflectionCandidates('面料', 'zh')).toEqual([]);
    expect(deinflectionCandidates('si', 'it')).toEqual([]);
  });
});
