import { describe, expect, it } from 'vitest';
import { findTimeFrames } from './time-frames';

describe('findTimeFrames', () => {
  it.each([
    ['Consegna entro marzo 2026', { relation: 'by', date: '2026-03' }],
    ['available from September 2026', { relation: 'from', date: '2026-09' }],
    ['progetto nel Q3 2026', { relation: 'during', date: '2026-Q3' }],
    ['2026年3月前完成', { relation: 'by', date: '2026-03' }],
    ['2027年起合作', { relation: 'from', date: '2027' }],
    ['entro 6 mesi', { relation: 'within', months: 6 }],
    ['within one year', { relation: 'within', months: 12 }],
    ['三个月内交货', { relation: 'within', months: 3 }],
    ['collezione autunno-inverno 2026', { relation: 'during', date: '2026' }],
    ['2026秋冬系列', { relation: 'during', date: '2026' }],
  ] as const)('reads %s', (text, expected) => {
    const [t] = findTimeFrames(text);
    expect(t).toMatchObject(expected);
    expect(text.slice(t!.start, t!.end)).toBe(t!.surface);
  });

  it('finds nothing in a text without time references', () => {
    expect(findTimeFrames('Cerchiamo un partner per la distribuzione')).toEqual([]);
  });
});
