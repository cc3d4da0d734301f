import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildConceptMatcher, findConcepts, type ConceptMatcher } from './concepts';
import { indexTaxonomy, type BuiltTaxonomy } from './taxonomy/taxonomy';

let matcher: ConceptMatcher;
beforeAll(() => {
  const built = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, '../../lexicon/taxonomy/taxonomy.built.json'), 'utf8'),
  ) as BuiltTaxonomy;
  matcher = buildConceptMatcher(indexTaxonomy(built));
});

const ids = (text: string) => findConcepts(matcher, text).flatMap((m) => m.ids);

describe('findConcepts', () => {
  it('maps cashmere in three languages to one concept', () => {
    expect(ids('羊绒')).toContain('material.cashmere');
    expect(ids('pure cashmere')).toContain('material.cashmere');
    expect(ids('filati di cachemire')).toContain('material.cashmere');
  });

  it('maps knitwear and livestream selling across languages, with exact spans', () => {
    const text = 'Cerchiamo partner per la maglieria e la vendita in diretta. 我们做针织和直播带货。';
    const found = findConcepts(matcher, text);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.surface);
    const all = found.flatMap((m) => m.ids);
    expect(all).toContain('product.knitwear');
    expect(all).toContain('channel.livestream-selling');
    expect(all.filter((id) => id === 'product.knitwear')).toHaveLength(2);
  });

  it('matches inflected Italian and English through stems', () => {
    expect(ids('Produciamo maglioni')).toEqual(expect.arrayContaining([expect.stringMatching(/^product\.sweater/)]));
  });

  it('finds nothing in text without domain words and never throws on odd input', () => {
    expect(ids('Buongiorno a tutti')).toEqual([]);
    expect(() => findConcepts(matcher, '\u0000 👗 ' + 'x'.repeat(50_000))).not.toThrow();
  });
});
