import { describe, expect, it } from 'vitest';
import { OpportunityInput } from '../../../contracts/opportunity';
import { OrganisationInput } from '../../../contracts/organisation';
import { loadReferenceData } from '../../features/reference/reference-data';
import { Rng, mulberry32 } from './prng';
import { synthOrganisation } from './synth-generator';

const opts = { seed: 42, opportunitiesPerOrg: 3 };
const batch = (seed: number, n: number) => Array.from({ length: n }, (_, i) => synthOrganisation(i, { ...opts, seed }));

describe('mulberry32', () => {
  it('repeats the same stream for the same seed and differs for another seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws weighted choices roughly in proportion', () => {
    const rng = new Rng(1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.weighted([['a', 9], ['b', 1]] as const)]++;
    expect(counts.a / 10_000).toBeGreaterThan(0.87);
    expect(counts.a / 10_000).toBeLessThan(0.93);
  });
});

describe('synthetic organisations', () => {
  it('generates identical records for the same seed', () => {
    expect(batch(42, 50)).toEqual(batch(42, 50));
  });

  it('generates different records for a different seed', () => {
    const a = batch(42, 20).map((o) => o.input.legalName);
    const b = batch(43, 20).map((o) => o.input.legalName);
    expect(a).not.toEqual(b);
  });

  it('generates record n the same way alone or within a batch', () => {
    expect(synthOrganisation(17, opts)).toEqual(batch(42, 18)[17]);
  });

  it('uses the synth-<seed>-<n> slug and opportunity refs', () => {
    const org = synthOrganisation(5, { seed: 9, opportunitiesPerOrg: 3 });
    expect(org.slug).toBe('synth-9-5');
    expect(org.opportunities.map((o) => o.ref)).toEqual(org.opportunities.map((_, k) => `synth:9-5-${k}`));
  });

  it('produces rows that satisfy the contracts and the shipped nomenclatures', () => {
    const reference = loadReferenceData();
    for (const org of batch(3, 1500)) {
      const parsed = OrganisationInput.safeParse(org.input);
      expect(parsed.success, `${org.slug}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(org.input.sectors.every(reference.hasSector), org.slug).toBe(true);
      expect(org.input.products.every(reference.hasProduct), org.slug).toBe(true);
      for (const opp of org.opportunities) {
        const p = OpportunityInput.safeParse({ ...opp.input, organisationId: '00000000-0000-4000-8000-000000000000' });
        expect(p.success, `${opp.ref}: ${JSON.stringify(p.error?.issues)}`).toBe(true);
      }
    }
  });

  it('mixes mostly Italian and Chinese companies with some other kinds, countries and about three opportunities each', () => {
    const orgs = batch(11, 4000);
    const share = (pred: (o: (typeof orgs)[number]) => boolean) => orgs.filter(pred).length / orgs.length;
    expect(share((o) => o.input.kind === 'company')).toBeGreaterThan(0.6);
    expect(share((o) => o.input.kind === 'district' || o.input.kind === 'science_park')).toBeLessThan(0.06);
    expect(share((o) => o.input.kind === 'district')).toBeGreaterThan(0);
    expect(share((o) => o.input.country === 'IT' || o.input.country === 'CN')).toBeGreaterThan(0.8);
    expect(share((o) => !['IT', 'CN'].includes(o.input.country))).toBeGreaterThan(0.05);
    const opportunities = orgs.reduce((n, o) => n + o.opportunities.length, 0) / orgs.length;
    expect(opportunities).toBeGreaterThan(2.8);
    expect(opportunities).toBeLessThan(3.2);
  });

  it('writes Italian for Italian firms, Chinese for Chinese firms, and sometimes a second language', () => {
    const orgs = batch(5, 2000);
    const it = orgs.filter((o) => o.input.country === 'IT');
    const cn = orgs.filter((o) => o.input.country === 'CN');
    expect(it.every((o) => o.input.description.it)).toBe(true);
    expect(cn.every((o) => o.input.description.zh && /\p{Script=Han}/u.test(o.input.description.zh))).toBe(true);
    expect(it.some((o) => o.input.description.en)).toBe(true);
    expect(cn.some((o) => o.input.description.en)).toBe(true);
    expect(new Set(it.map((o) => o.input.description.it)).size).toBeGreaterThan(it.length * 0.9);
  });
});
