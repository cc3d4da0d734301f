import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, TestClient, createTestContext, type TestContext } from '../../test-support/test-context';
import { buildOpportunityInput, createOrganisation, signedUpClient } from '../../test-support/factories';

describe.each(DB_KINDS)('concept corrections of opportunities on %s', (kind) => {
  let ctx: TestContext;
  let client: TestClient;
  let orgId: string;

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    ({ client } = await signedUpClient(ctx));
    orgId = (await createOrganisation(client)).id;
  });
  afterAll(async () => ctx.close());

  it('stores added and removed concepts and returns them', async () => {
    const res = await client.post('/api/v1/opportunities', buildOpportunityInput(orgId, {
      conceptsAdded: ['material.cashmere', 'process.flat-knitting'],
      conceptsRemoved: ['product.cashmere-sweater'],
    }));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.conceptsAdded).toEqual(['material.cashmere', 'process.flat-knitting']);
    expect(created.conceptsRemoved).toEqual(['product.cashmere-sweater']);
    expect((await client.get(`/api/v1/opportunities/${created.id}`)).json().conceptsAdded).toEqual(['material.cashmere', 'process.flat-knitting']);
  });

  it('defaults to no corrections', async () => {
    const res = await client.post('/api/v1/opportunities', buildOpportunityInput(orgId));
    expect(res.json()).toMatchObject({ conceptsAdded: [], conceptsRemoved: [] });
  });

  it('refuses a concept id that is not in the taxonomy, naming the field', async () => {
    const res = await client.post('/api/v1/opportunities', buildOpportunityInput(orgId, {
      conceptsAdded: ['material.cashmere', 'material.unobtainium'],
    }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'conceptsAdded.1', code: 'unknown_concept' })]);
    const patched = await client.post('/api/v1/opportunities', buildOpportunityInput(orgId));
    const edit = await client.patch(`/api/v1/opportunities/${patched.json().id}`, { conceptsRemoved: ['nope'] });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().errors[0].path).toBe('conceptsRemoved.0');
  });

  it('refuses more than 30 corrections', async () => {
    const res = await client.post('/api/v1/opportunities', buildOpportunityInput(orgId, {
      conceptsRemoved: Array.from({ length: 31 }, () => 'material.cashmere'),
    }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('conceptsRemoved');
  });

  it('an edit replaces the corrections, and null clears them', async () => {
    const { id } = (await client.post('/api/v1/opportunities', buildOpportunityInput(orgId, { conceptsAdded: ['material.cashmere'] }))).json();
    const replaced = await client.patch(`/api/v1/opportunities/${id}`, { conceptsAdded: ['material.silk'], conceptsRemoved: ['product.knitwear'] });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ conceptsAdded: ['material.silk'], conceptsRemoved: ['product.knitwear'] });
    const untouched = await client.patch(`/api/v1/opportunities/${id}`, { title: { en: 'Knitwear partner' } });
    expect(untouched.json()).toMatchObject({ conceptsAdded: ['material.silk'], conceptsRemoved: ['product.knitwear'] });
    const cleared = await client.patch(`/api/v1/opportunities/${id}`, { conceptsAdded: null, conceptsRemoved: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ conceptsAdded: [], conceptsRemoved: [] });
  });
});
