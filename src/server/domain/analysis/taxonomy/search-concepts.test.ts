import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { searchConcepts } from './search-concepts';
import { indexTaxonomy, type BuiltTaxonomy } from './taxonomy';

const built = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../lexicon/taxonomy/taxonomy.built.json', import.meta.url)), 'utf8'),
) as BuiltTaxonomy;
const taxonomy = indexTaxonomy(built);
const ids = (q: string, limit = 10) => searchConcepts(taxonomy, q, limit).map((c) => c.id);

describe('searchConcepts', () => {
  it('finds a concept by its label in Italian, Chinese or English', () => {
    expect(ids('cashmere')[0]).toBe('material.cashmere');
    expect(ids('羊绒')[0]).toBe('material.cashmere');
    expect(ids('maglieria')[0]).toBe('product.knitwear');
  });

  it('ignores case and accents and matches synonyms', () => {
    expect(ids('CACHEMIRE')).toContain('material.cashmere');
    expect(ids('Cashmère')).toContain('material.cashmere');
  });

  it('puts exact labels before labels that merely contain the words', () => {
    const found = ids('maglieria', 20);
    expect(found.indexOf('product.knitwear')).toBeLessThan(found.indexOf('skill.knitwear-designer'));
  });

  it('honours the limit and answers nothing to an empty query', () => {
    expect(ids('a', 3)).toHaveLength(3);
    expect(ids('   ')).toEqual([]);
    expect(ids('zzzqqqxx')).toEqual([]);
  });
});
