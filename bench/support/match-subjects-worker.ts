/**
 * Worker for bench/match.bench.ts: generates synthetic organisations [from, to) and analyses
 * them into match subjects, so the two cores share the analysis. Features travel as parallel
 * arrays (keys, weights), which clone far cheaper than Maps.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { organisationSubject, opportunitySubject, type OrganisationFacts } from '../../src/server/domain/matching/subjects';
import { synthOrganisation } from '../../src/server/domain/synth/synth-generator';
import { loadMatchingResources } from '../../src/server/features/matching/matching-resources';

const { from, to, seed, now } = workerData as { from: number; to: number; seed: number; now: number };
const res = loadMatchingResources();
const out: unknown[] = [];
const flush = () => {
  parentPort!.postMessage({ subjects: out.splice(0) });
};
for (let i = from; i < to; i++) {
  const o = synthOrganisation(i, { seed, opportunitiesPerOrg: 3 });
  const id = `o${i}`;
  const facts: OrganisationFacts = {
    id,
    kind: o.input.kind,
    country: o.input.country,
    region: o.input.region ?? null,
    sizeBand: o.input.sizeBand ?? null,
    certifications: o.input.certifications,
    texts: [o.input.legalName, ...Object.values(o.input.names), ...Object.values(o.input.description)],
    sectors: o.input.sectors,
    products: o.input.products,
    // Spread over the last year, so freshness varies.
    updatedAt: now - (i % 365) * 86_400_000,
    listed: true,
  };
  const subjects = [organisationSubject(res, facts)];
  o.opportunities.forEach((p, j) => {
    subjects.push(
      opportunitySubject(res, {
        id: `${id}-${j}`,
        organisation: facts,
        direction: p.input.direction,
        type: p.input.type,
        texts: [...Object.values(p.input.title), ...Object.values(p.input.description)],
        sectors: p.input.sectors,
        products: p.input.products,
        requiredCertifications: p.input.requiredCertifications,
        status: 'open',
        expiresOn: p.input.expiresOn ?? null,
        updatedAt: facts.updatedAt,
      }),
    );
  });
  for (const s of subjects) {
    const { features, ...rest } = s;
    out.push({ ...rest, keys: [...features.keys()], weights: Float32Array.from(features.values()) });
  }
  if (out.length >= 2000) flush();
}
flush();
parentPort!.postMessage({ done: true });
