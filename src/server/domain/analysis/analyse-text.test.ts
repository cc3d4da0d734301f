import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseText, buildAnalysisResources, type AnalysisResources } from './analyse-text';

let res: AnalysisResources;
beforeAll(() => {
  const lexicon = path.resolve(__dirname, '../../lexicon');
  res = buildAnalysisResources(
    JSON.parse(fs.readFileSync(path.join(lexicon, 'taxonomy/taxonomy.built.json'), 'utf8')),
    JSON.parse(fs.readFileSync(path.join(lexicon, 'places/places.json'), 'utf8')),
  );
});

describe('analyseText', () => {
  it('understands an Italian sourcing request', () => {
    const text =
      'Cerchiamo un produttore OEM di maglioni in cachemire in Zhejiang, certificazione GOTS, ordine minimo 300 capi, budget tra 20.000 e 50.000 euro, consegna entro marzo 2027.';
    const a = analyseText(res, text);
    expect(a.language.language).toBe('it');
    expect(a.direction).toBe('request');
    expect(a.types[0]!.type).toBe('sourcing_manufacturing');
    expect(a.concepts.flatMap((c) => c.ids)).toEqual(expect.arrayContaining(['material.cashmere', 'process.oem']));
    expect(a.certifications.flatMap((c) => c.ids)).toContain('cert.gots');
    expect(a.quantities[0]).toMatchObject({ role: 'minimum_order', value: 300, unit: 'piece' });
    expect(a.money[0]).toMatchObject({ currency: 'EUR', min: 20000, max: 50000 });
    expect(a.places.map((p) => p.id)).toContain('zhejiang');
    expect(a.timeFrames[0]).toMatchObject({ relation: 'by', date: '2027-03' });
  });

  it('reads a place name as the place, not as a label it happens to share', () => {
    const a = analyseText(res, 'Falegnameria a Matera: cucine e armadi su misura.');
    expect(a.places.map((p) => p.id)).toContain('matera');
    expect(a.concepts.flatMap((c) => c.ids)).not.toContain('product.mattresses');
    expect(analyseText(res, 'Produciamo materassi in memory foam.').concepts.flatMap((c) => c.ids)).toContain('product.mattresses');
  });

  it('understands a Chinese offer', () => {
    const a = analyseText(res, '常熟工厂提供羊绒针织代工，起订量500件，三个月内交货。');
    expect(a.language.language).toBe('zh');
    expect(a.direction).toBe('offer');
    expect(a.concepts.flatMap((c) => c.ids)).toEqual(expect.arrayContaining(['material.cashmere', 'product.knitwear']));
    expect(a.places.map((p) => p.id)).toContain('changshu');
    expect(a.quantities[0]).toMatchObject({ role: 'minimum_order', value: 500 });
    expect(a.timeFrames[0]).toMatchObject({ relation: 'within', months: 3 });
  });

  it('reads only the start of a very long text and says so', () => {
    const a = analyseText(res, 'cashmere '.repeat(10_000));
    expect(a.truncated).toBe(true);
    expect(a.concepts.at(-1)!.end).toBeLessThanOrEqual(20_000);
  });
});
