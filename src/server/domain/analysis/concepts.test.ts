import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildConceptMatcher, findConcepts, innerConcepts, type ConceptMatcher } from './concepts';
import { tokenise } from './tokenise';
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

  it('keeps derived words apart from the label they were derived from', () => {
    expect(ids('siamo alla ricerca di un fornitore')).not.toContain('skill.researcher');
    expect(ids('macchine per la stampa digitale')).not.toContain('skill.sewing-operator');
    expect(ids('apertura di negozi monomarca')).not.toContain('skill.negotiation');
    expect(ids('research on textile waste')).not.toContain('skill.researcher');
    expect(ids('cerchiamo ricercatori e designers')).toEqual(expect.arrayContaining(['skill.researcher', 'skill.fashion-designer']));
  });

  it('does not let a label shrink to one common word when its stop words are dropped', () => {
    expect(ids('after-sales service in Europe')).not.toContain('service.it-services');
    expect(ids('we offer IT services to textile mills')).toContain('service.it-services');
    expect(ids('Fashion week in Milan')).not.toContain('process.ai-in-fashion');
    expect(ids('abiti su misura')).toContain('process.made-to-measure');
  });

  it('reads a label of the other language only as it is written', () => {
    expect(ids('distribution partner in mainland China')).not.toContain('product.trousers');
    expect(ids('cerchiamo un produttore in private label')).toContain('process.private-label');
  });

  it('finds the concepts named inside a longer label: a cashmere sweater is also about cashmere', () => {
    const inner = (text: string) => {
      const tokens = tokenise(text);
      return findConcepts(matcher, text, tokens).flatMap((m) => innerConcepts(matcher, m, tokens));
    };
    expect(findConcepts(matcher, '羊绒衫').flatMap((m) => m.ids)).not.toContain('material.cashmere');
    expect(inner('羊绒衫')).toContain('material.cashmere');
    expect(inner('cashmere sweaters')).toContain('material.cashmere');
    expect(inner('cashmere')).toEqual([]);
  });

  it('finds nothing in text without domain words and never throws on odd input', () => {
    expect(ids('Buongiorno a tutti')).toEqual([]);
    expect(() => findConcepts(matcher, '\u0000 👗 ' + 'x'.repeat(50_000))).not.toThrow();
  });
});
