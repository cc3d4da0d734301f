import { beforeAll, describe, expect, it } from 'vitest';
import { loadMatchingResources } from '../../features/matching/matching-resources';
import { diversify, MatchEngine, type MatchSubject } from './match-engine';
import { opportunitySubject, organisationSubject, type OrganisationFacts } from './subjects';
import type { MatchingResources } from './text-features';
import { Rng } from '../synth/prng';

let res: MatchingResources;
beforeAll(() => {
  res = loadMatchingResources();
});

const NOW = Date.parse('2026-11-23T00:00:00Z');
const TODAY = '2026-11-23';

function org(id: string, over: Partial<OrganisationFacts> = {}): OrganisationFacts {
  return {
    id,
    kind: 'company',
    country: 'CN',
    region: null,
    sizeBand: 'medium',
    certifications: [],
    texts: [],
    sectors: [],
    products: [],
    updatedAt: NOW,
    listed: true,
    ...over,
  };
}

function opp(id: string, o: OrganisationFacts, direction: 'offer' | 'request', text: string, over: Partial<Parameters<typeof opportunitySubject>[1]> = {}) {
  return opportunitySubject(res, {
    id,
    organisation: o,
    direction,
    type: 'sourcing_manufacturing',
    texts: [text],
    sectors: [],
    products: [],
    requiredCertifications: [],
    status: 'open',
    expiresOn: null,
    updatedAt: NOW,
    ...over,
  });
}

describe('MatchEngine', () => {
  let engine: MatchEngine;
  let italianRequest: MatchSubject;
  beforeAll(() => {
    engine = new MatchEngine(res.analysis.taxonomy);
    const tongxiang = org('tongxiang', { certifications: ['GOTS'] });
    const ordos = org('ordos');
    const buyer = org('cn-buyer');
    const sofa = org('sofa');
    engine.upsert(opp('knit-offer', tongxiang, 'offer', '浙江桐乡羊绒针织厂，提供羊绒衫OEM代工生产，起订量300件，通过GOTS认证。'));
    engine.upsert(opp('knit-offer-no-cert', ordos, 'offer', '内蒙古羊绒衫工厂，承接羊绒针织衫代工，小批量起订。'));
    engine.upsert(opp('knit-request', buyer, 'request', '我们在寻找羊绒针织衫代工厂，需要OEM生产。'));
    engine.upsert(opp('sofa-offer', sofa, 'offer', '广东佛山沙发工厂，提供真皮沙发OEM生产。'));
    engine.upsert(opp('expired-offer', org('old'), 'offer', '羊绒针织衫代工，OEM生产。', { expiresOn: '2026-01-31' }));
    italianRequest = opp('it-request', org('biella', { country: 'IT' }), 'request',
      'Cerchiamo un produttore OEM di maglioni in cashmere, ordine minimo 300 capi.');
  });

  it('finds Chinese offers for an Italian request, offers before other requests, and explains why', () => {
    const results = engine.recommend(italianRequest, { today: TODAY, now: NOW });
    const keys = results.map((r) => r.key);
    expect(keys[0]).toMatch(/^opp:knit-offer/);
    expect(keys.indexOf('opp:knit-request')).toBeGreaterThan(keys.indexOf('opp:knit-offer'));
    expect(keys.indexOf('opp:sofa-offer') === -1 || keys.indexOf('opp:sofa-offer') > keys.indexOf('opp:knit-offer-no-cert')).toBe(true);
    const top = results[0]!;
    expect(top.explanation.sharedConcepts).toContain('product.cashmere-sweater');
    expect(top.explanation.directions).toEqual(['request', 'offer']);
    expect(top.components.complementarity).toBeGreaterThan(results.find((r) => r.key === 'opp:knit-request')!.components.complementarity);
    for (const r of results) expect(r.components.relevance).toBeGreaterThan(0);
  });

  it('never recommends an expired opportunity or the asker itself', () => {
    const keys = engine.recommend(italianRequest, { today: TODAY, now: NOW }).map((r) => r.key);
    expect(keys).not.toContain('opp:expired-offer');
    const own = engine.recommend(engine.get('opp:knit-offer')!, { today: TODAY, now: NOW }).map((r) => r.subject.organisationId);
    expect(own).not.toContain('tongxiang');
  });

  it('honours a required certification as a hard constraint', () => {
    const strict = { ...italianRequest, requiredCertifications: ['gots'] };
    const keys = engine.recommend(strict, { today: TODAY, now: NOW }).map((r) => r.key);
    expect(keys).toContain('opp:knit-offer');
    expect(keys).not.toContain('opp:knit-offer-no-cert');
  });

  it('applies filters and agrees with exhaustive scoring', () => {
    const fast = engine.recommend(italianRequest, { today: TODAY, now: NOW, pool: 2 });
    const exact = engine.recommend(italianRequest, { today: TODAY, now: NOW, exhaustive: true });
    expect(fast.map((r) => r.key)).toEqual(exact.map((r) => r.key));
    const onlyRequests = engine.recommend(italianRequest, { today: TODAY, now: NOW, filters: { countries: ['IT'] } });
    expect(onlyRequests).toEqual([]);
  });

  it('shows an edit at once', () => {
    const buyer = org('cn-buyer');
    engine.upsert(opp('knit-request', buyer, 'request', '寻找意大利家具设计师。'));
    const keys = engine.recommend(italianRequest, { today: TODAY, now: NOW }).map((r) => r.key);
    expect(keys).not.toContain('opp:knit-request');
  });

  it('ranks by learned weights when they are set: relevance alone here', () => {
    engine.learned = { bias: 0, logRelevance: 1, complementarity: 0, reciprocity: 0, freshness: 0, responsiveness: 0 };
    try {
      const results = engine.recommend(italianRequest, { today: TODAY, now: NOW });
      const relevances = results.map((r) => r.components.relevance);
      expect(relevances).toEqual([...relevances].sort((a, b) => b - a));
      for (const r of results) expect(r.score).toBeCloseTo(r.components.relevance, 9);
    } finally {
      engine.learned = null;
    }
  });

  it('recommends complementary organisations across languages', () => {
    const e = new MatchEngine(res.analysis.taxonomy);
    const spinner = organisationSubject(res, org('spinner', { country: 'IT', texts: ['Filatura di cashmere e lana a Biella: filati pettinati per maglieria.'] }));
    const knitter = organisationSubject(res, org('knitter', { texts: ['羊绒针织服装工厂，采购高品质纱线。'] }));
    const tannery = organisationSubject(res, org('tannery', { texts: ['真皮鞣制厂，生产牛皮革。'] }));
    for (const s of [spinner, knitter, tannery]) e.upsert(s);
    const results = e.recommend(spinner, { today: TODAY, now: NOW });
    expect(results[0]?.key).toBe('org:knitter');
  });
});

describe('diversify', () => {
  it('keeps at most two results of one organisation in the top ten', () => {
    const make = (org: string, score: number) => ({ subject: { organisationId: org } as MatchSubject, score });
    const ranked = [...Array.from({ length: 6 }, (_, i) => make('a', 10 - i)), ...Array.from({ length: 10 }, (_, i) => make(`o${i}`, 3 - i * 0.1))];
    const out = diversify(ranked, 14);
    expect(out.slice(0, 10).filter((r) => r.subject.organisationId === 'a')).toHaveLength(2);
    expect(out).toHaveLength(14);
  });
});

describe('the writer\'s concept corrections', () => {
  const asker = org('it-brand', { country: 'IT' });
  const mill = org('cn-mill');
  const tannery = org('cn-tannery');
  const request = 'Cerchiamo un produttore di maglioni in cashmere.';
  const offers = () => [
    opp('knit', mill, 'offer', '我们生产羊绒衫，接受OEM订单。'),
    opp('leather', tannery, 'offer', '我们是一家制革厂，生产小牛皮革。'),
  ];
  const recommend = (query: MatchSubject) => {
    const engine = new MatchEngine(res.analysis.taxonomy);
    for (const s of offers()) engine.upsert(s);
    return engine.recommend(query, { limit: 10, today: TODAY, now: NOW, filters: {} });
  };
  const find = (results: ReturnType<typeof recommend>, id: string) => results.find((r) => r.subject.id === id);

  it('a removed concept no longer matches', () => {
    const before = find(recommend(opp('q', asker, 'request', request)), 'knit');
    expect(before?.explanation.sharedConcepts).toContain('product.cashmere-sweater');
    const corrected = opp('q', asker, 'request', request, { conceptsRemoved: ['product.cashmere-sweater'] });
    expect(corrected.features.has('c:product.cashmere-sweater')).toBe(false);
    const after = find(recommend(corrected), 'knit');
    expect(after?.explanation.sharedConcepts ?? []).not.toContain('product.cashmere-sweater');
    expect(after?.components.relevance ?? 0).toBeLessThan(before!.components.relevance);
  });

  it('an added concept matches, with its broader concepts', () => {
    expect(find(recommend(opp('q', asker, 'request', request)), 'leather')).toBeUndefined();
    const corrected = opp('q', asker, 'request', request, { conceptsAdded: ['material.calfskin'] });
    expect(corrected.features.get('c:material.calfskin')).toBeGreaterThanOrEqual(1);
    for (const ancestor of res.analysis.taxonomy.ancestors('material.calfskin')) expect(corrected.features.has(`c:${ancestor}`)).toBe(true);
    expect(find(recommend(corrected), 'leather')?.explanation.sharedConcepts).toContain('material.calfskin');
  });
});

describe('text features on hostile input', () => {
  it('analyses empty, huge, binary-looking and mixed-script text without failing', async () => {
    const { textFeatures } = await import('./text-features');
    expect(textFeatures(res, '').weights.size).toBe(0);
    const huge = textFeatures(res, 'maglieria in cashmere '.repeat(50_000)); // ~1 MB
    expect(huge.analysis.truncated).toBe(true);
    expect([...huge.weights.keys()].some((k) => k.startsWith('c:') && k.includes('cashmere'))).toBe(true);
    let binary = '';
    for (let i = 0; i < 20_000; i++) binary += String.fromCharCode((i * 7919) % 0xd7ff);
    expect(() => textFeatures(res, binary)).not.toThrow();
    const mixed = textFeatures(res, 'Cashmere 羊绒 cachemire ＯＥＭ 代工 Biella 比耶拉');
    expect(mixed.weights.get('c:place:biella')).toBeGreaterThan(0);
    expect([...mixed.weights.keys()].some((k) => k.startsWith('c:') && k.includes('cashmere'))).toBe(true);
  });
});

describe('MatchEngine candidates', () => {
  it('return exactly what scoring every subject returns: filters, expiry, closed subjects, boosts and diversity included', () => {
    const rng = new Rng(2026);
    const engine = new MatchEngine(res.analysis.taxonomy);
    // Real concept ids, so that roles and complementarity take part.
    const concepts = res.analysis.taxonomy.concepts.slice(0, 120).map((c) => `c:${c.id}`);
    const features = () => {
      const f = new Map<string, number>();
      const n = 3 + rng.int(0, 12);
      while (f.size < n) f.set(concepts[Math.floor(Math.pow(rng.float(), 2) * concepts.length)]!, [0.5, 1, 1, 2][rng.int(0, 3)]!);
      return f;
    };
    const subjects: MatchSubject[] = [];
    for (let i = 0; i < 400; i++) {
      const subject: MatchSubject = {
        key: `opp:${i}`,
        kind: 'opportunity',
        id: String(i),
        organisationId: `org${i % 90}`,
        orgKind: 'company',
        country: i % 2 ? 'IT' : 'CN',
        region: null,
        sizeBand: null,
        certifications: i % 5 ? [] : ['gots'],
        direction: i % 3 ? 'offer' : 'request',
        type: (['sourcing_manufacturing', 'commercial_partnership', 'joint_venture'] as const)[i % 3]!,
        requiredCertifications: i % 7 ? [] : ['gots'],
        open: i % 11 !== 0,
        expiresOn: i % 4 ? null : ['2026-11-22', '2026-11-23', '2027-01-01'][i % 3]!,
        updatedAt: NOW - rng.int(0, 400) * 86_400_000,
        responsiveness: rng.float(),
        features: features(),
      };
      subjects.push(subject);
      engine.upsert(subject);
    }
    for (let i = 0; i < 40; i++) {
      const query = subjects[rng.int(0, subjects.length - 1)]!;
      const filters = i % 4 === 0 ? { countries: ['IT'] } : undefined;
      const fast = engine.recommend(query, { today: TODAY, now: NOW, limit: 10, filters });
      const exact = engine.recommend(query, { today: TODAY, now: NOW, limit: 10, filters, exhaustive: true });
      expect(fast.map((r) => [r.key, r.score])).toEqual(exact.map((r) => [r.key, r.score]));
    }
  });
});
