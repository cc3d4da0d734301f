import fs from 'node:fs/promises';
import path from 'node:path';
import type { OrganisationInput } from '../../contracts/organisation';
import type { OpportunityInput } from '../../contracts/opportunity';
import { TestClient, type TestContext } from './test-context';

let counter = 0;
const next = () => ++counter;

export function buildOrganisationInput(overrides: Partial<OrganisationInput> = {}): OrganisationInput {
  const n = next();
  return {
    kind: 'company',
    legalName: `Maglificio Test ${n} S.r.l.`,
    names: { it: `Maglificio Test ${n}`, en: `Test Knitwear ${n}` },
    country: 'IT',
    region: 'Lombardy',
    city: 'Bergamo',
    sectors: ['14.39'],
    products: ['6110'],
    languages: ['it', 'en'],
    certifications: [],
    description: { it: 'Maglieria in cachemire di alta qualità.', en: 'High-quality cashmere knitwear.' },
    dataRegion: 'eu',
    listed: true,
    hiddenFields: [],
    ...overrides,
  };
}

export function buildOpportunityInput(organisationId: string, overrides: Partial<OpportunityInput> = {}): OpportunityInput {
  return {
    organisationId,
    direction: 'request',
    type: 'sourcing_manufacturing',
    title: { it: 'Cerchiamo produttore di maglieria', en: 'Looking for a knitwear manufacturer' },
    description: { it: 'Produzione OEM di maglioni in cachemire.', en: 'OEM production of cashmere sweaters.' },
    sectors: ['14.39'],
    products: ['6110'],
    targetCountries: ['CN'],
    targetRegions: [],
    requiredCertifications: [],
    status: 'open',
    ...overrides,
  };
}

/** Signs up a fresh user through the API and returns a client holding their session. */
export async function signedUpClient(ctx: TestContext, overrides: { email?: string; locale?: 'it' | 'zh' | 'en' } = {}) {
  const client = new TestClient(ctx.app, overrides.locale);
  const email = overrides.email ?? `user${next()}@example.com`;
  const res = await client.post('/api/v1/auth/sign-up', {
    email,
    password: 'a long enough password',
    displayName: `User ${email}`,
    locale: overrides.locale ?? 'en',
    timeZone: 'Europe/Rome',
  });
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  return { client, email, user: res.json().user as { id: string } };
}

/** Creates an organisation owned by the client's user. */
export async function createOrganisation(client: TestClient, overrides: Partial<OrganisationInput> = {}) {
  const res = await client.post('/api/v1/organisations', buildOrganisationInput(overrides));
  if (res.statusCode !== 201) throw new Error(`create organisation failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; slug: string };
}

/** The .eml files the outbox mailer wrote to one address, oldest first. */
export async function readOutbox(dir: string, to: string): Promise<string[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.eml') && f.includes(to.replace(/[^a-zA-Z0-9@._-]/g, '_')));
  return Promise.all(files.sort().map((f) => fs.readFile(path.join(dir, f), 'utf8')));
}
