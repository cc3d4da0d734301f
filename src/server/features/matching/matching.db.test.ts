import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, TestClient, createTestContext, type TestContext } from '../../test-support/test-context';
import { buildOpportunityInput, createOrganisation, signedUpClient } from '../../test-support/factories';

describe.each(DB_KINDS)('matching on %s', (kind) => {
  let ctx: TestContext;
  let italian: { client: TestClient; orgId: string; requestId: string };
  let chineseOfferId: string;
  let chineseClient: TestClient;

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    const it1 = await signedUpClient(ctx, { locale: 'it' });
    const itOrg = await createOrganisation(it1.client, { names: { it: 'Lanificio Biellese' }, country: 'IT', region: 'Piemonte' });
    const request = await it1.client.post('/api/v1/opportunities', buildOpportunityInput(itOrg.id, {
      title: { it: 'Cerchiamo un produttore di maglioni in cashmere' },
      description: { it: 'Produzione OEM di maglieria in cashmere, ordine minimo 300 capi.' },
      sectors: [], products: [], targetCountries: [],
    }));
    expect(request.statusCode).toBe(201);
    italian = { client: it1.client, orgId: itOrg.id, requestId: request.json().id };

    const cn = await signedUpClient(ctx, { locale: 'zh' });
    chineseClient = cn.client;
    const cnOrg = await createOrganisation(cn.client, {
      names: { zh: '桐乡羊绒针织厂' }, legalName: '桐乡羊绒针织有限公司', country: 'CN', region: 'Zhejiang',
      description: { zh: '羊绒针织服装工厂。' }, sectors: [], products: [],
    });
    const offer = await cn.client.post('/api/v1/opportunities', buildOpportunityInput(cnOrg.id, {
      direction: 'offer',
      title: { zh: '羊绒衫OEM代工' },
      description: { zh: '浙江桐乡羊绒针织厂，提供羊绒衫OEM代工生产，起订量300件。' },
      sectors: [], products: [], targetCountries: [],
    }));
    chineseOfferId = offer.json().id;
    const other = await createOrganisation(cn.client, {
      names: { zh: '佛山沙发厂' }, legalName: '佛山沙发有限公司', country: 'CN', description: { zh: '真皮沙发工厂。' }, sectors: [], products: [],
    });
    await cn.client.post('/api/v1/opportunities', buildOpportunityInput(other.id, {
      direction: 'offer', title: { zh: '真皮沙发OEM' }, description: { zh: '广东佛山沙发工厂，提供真皮沙发OEM生产。' },
      sectors: [], products: [], targetCountries: [],
    }));
    await ctx.services.matching.ready();
  });
  afterAll(async () => ctx.close());

  it('finds the Chinese offer for the Italian request and explains it in the reader’s language', async () => {
    const res = await italian.client.get(`/api/v1/opportunities/${italian.requestId}/matches?kind=opportunity`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.index.state).toBe('ready');
    const top = body.items[0];
    expect(top.opportunity.id).toBe(chineseOfferId);
    expect(top.components.relevance).toBeGreaterThan(0);
    expect(Object.keys(top.components).sort()).toEqual(['complementarity', 'freshness', 'reciprocity', 'relevance', 'responsiveness']);
    // The reader is Italian: concept labels and sentences are in Italian.
    expect(top.explanation.sharedConcepts.map((c: { label: string }) => c.label).join(' ')).toMatch(/cashmere|maglie/i);
    expect(top.explanation.reasons.join(' ')).toContain('Offrono ciò che state cercando');
    // Contact details never travel with a recommendation.
    expect(JSON.stringify(top)).not.toMatch(/contactEmail|@example\.com/);
  });

  it('follows an edit: a changed offer leaves the results after the next sync', async () => {
    const patch = await chineseClient.patch(`/api/v1/opportunities/${chineseOfferId}`, {
      title: { zh: '家具设计合作' }, description: { zh: '寻找意大利家具设计师合作。' },
    });
    expect(patch.statusCode).toBe(200);
    await ctx.services.matching.sync();
    const items = (await italian.client.get(`/api/v1/opportunities/${italian.requestId}/matches?kind=opportunity`)).json().items;
    expect(items.map((i: { opportunity: { id: string } }) => i.opportunity.id)).not.toContain(chineseOfferId);
  });

  it('recommends partners for an organisation and hides drafts from outsiders', async () => {
    const partners = await italian.client.get(`/api/v1/organisations/${italian.orgId}/partners`);
    expect(partners.statusCode).toBe(200);
    for (const item of partners.json().items) expect(item.kind).toBe('organisation');

    const draft = await italian.client.post('/api/v1/opportunities', buildOpportunityInput(italian.orgId, { status: 'draft', sectors: [], products: [] }));
    const own = await italian.client.get(`/api/v1/opportunities/${draft.json().id}/matches`);
    expect(own.statusCode).toBe(200);
    const outsider = await new TestClient(ctx.app).get(`/api/v1/opportunities/${draft.json().id}/matches`);
    expect(outsider.statusCode).toBe(404);
  });

  it('says what it understood, labelled in the reader’s language, and refuses oversized text', async () => {
    const client = new TestClient(ctx.app, 'zh');
    const res = await client.post('/api/v1/analysis', {
      text: 'Cerchiamo un produttore OEM di maglioni in cashmere in Zhejiang, certificazione GOTS, ordine minimo 300 capi.',
    });
    expect(res.statusCode).toBe(200);
    const u = res.json();
    expect(u.language).toBe('it');
    expect(u.direction).toBe('request');
    expect(u.certifications.map((c: { concept: { id: string } }) => c.concept.id)).toContain('cert.gots');
    expect(u.places.map((p: { name: string }) => p.name)).toContain('浙江');
    expect(u.quantities[0]).toMatchObject({ role: 'minimum_order', value: 300 });
    for (const c of u.concepts) expect(c.surface).toBe('Cerchiamo un produttore OEM di maglioni in cashmere in Zhejiang, certificazione GOTS, ordine minimo 300 capi.'.slice(c.start, c.end));

    const tooLong = await client.post('/api/v1/analysis', { text: 'a'.repeat(20_001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].path).toBe('text');
    const binary = await client.post('/api/v1/analysis', { text: '\u0000\u0001\uFFFD'.repeat(1000) + '羊绒'.repeat(100) });
    expect(binary.statusCode).toBe(200);
  });
});
