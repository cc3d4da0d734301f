import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, TestClient, createTestContext, type TestContext } from '../../test-support/test-context';
import { buildOpportunityInput, createOrganisation, signedUpClient } from '../../test-support/factories';

describe.each(DB_KINDS)('opportunities on %s', (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => ctx.close());

  it('publishes an opportunity that anyone finds by type, sector and Chinese text', async () => {
    const { client } = await signedUpClient(ctx);
    const org = await createOrganisation(client, { country: 'CN', region: 'Zhejiang' });
    const res = await client.post('/api/v1/opportunities', buildOpportunityInput(org.id, {
      direction: 'offer',
      title: { zh: '羊绒针织代工', en: 'Cashmere knitwear OEM' },
      description: { zh: '常熟工厂，提供羊绒衫代工生产。' },
      sectors: ['14.39'],
    }));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.canEdit).toBe(true);
    const anon = new TestClient(ctx.app);
    const found = (await anon.get('/api/v1/opportunities?type=sourcing_manufacturing&sector=14&q=羊绒衫')).json();
    expect(found.items.map((o: { id: string }) => o.id)).toContain(created.id);
    expect(found.items[0].canEdit).toBe(false);
    const byRegion = (await anon.get('/api/v1/opportunities?region=zhejiang&direction=offer')).json();
    expect(byRegion.items.map((o: { id: string }) => o.id)).toContain(created.id);
  });

  it('keeps drafts private to the organisation', async () => {
    const { client } = await signedUpClient(ctx);
    const org = await createOrganisation(client);
    const draft = (await client.post('/api/v1/opportunities', buildOpportunityInput(org.id, { status: 'draft' }))).json();
    const outsider = await signedUpClient(ctx);
    expect((await outsider.client.get(`/api/v1/opportunities/${draft.id}`)).statusCode).toBe(404);
    expect((await outsider.client.patch(`/api/v1/opportunities/${draft.id}`, { status: 'open' })).statusCode).toBe(404);
    const mine = (await client.get(`/api/v1/opportunities?organisation=${org.id}&status=draft`)).json();
    expect(mine.items.map((o: { id: string }) => o.id)).toEqual([draft.id]);
    const theirs = (await outsider.client.get(`/api/v1/opportunities?organisation=${org.id}&status=draft`)).json();
    expect(theirs.items).toEqual([]);
  });

  it('reads an open opportunity past its expiry date as expired and hides it from the default list', async () => {
    const { client } = await signedUpClient(ctx);
    const org = await createOrganisation(client);
    const opp = (await client.post('/api/v1/opportunities', buildOpportunityInput(org.id, { expiresOn: '2026-03-10' }))).json();
    expect(opp.status).toBe('open');
    ctx.now.value = new Date('2026-03-11T00:00:01Z');
    try {
      expect((await client.get(`/api/v1/opportunities/${opp.id}`)).json().status).toBe('expired');
      const open = (await client.get(`/api/v1/opportunities?organisation=${org.id}`)).json();
      expect(open.items).toEqual([]);
      const expired = (await client.get(`/api/v1/opportunities?organisation=${org.id}&status=expired`)).json();
      expect(expired.items.map((o: { id: string }) => o.id)).toEqual([opp.id]);
    } finally {
      ctx.now.value = new Date('2026-03-01T09:00:00Z');
    }
  });

  it('refuses to publish for an organisation the user does not belong to', async () => {
    const owner = await signedUpClient(ctx);
    const org = await createOrganisation(owner.client);
    const other = await signedUpClient(ctx);
    expect((await other.client.post('/api/v1/opportunities', buildOpportunityInput(org.id))).statusCode).toBe(403);
    expect((await new TestClient(ctx.app).post('/api/v1/opportunities', buildOpportunityInput(org.id))).statusCode).toBe(401);
  });

  it('checks cross-field rules on create and on the merged result of an edit', async () => {
    const { client } = await signedUpClient(ctx, { locale: 'zh' });
    const org = await createOrganisation(client);
    const bad = await client.post('/api/v1/opportunities', buildOpportunityInput(org.id, { budgetMin: 5000, budgetMax: 100, budgetCurrency: 'EUR' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'budgetMax', code: 'budget_max_below_min', message: '最高预算不能低于最低预算。' }]);
    const ok = (await client.post('/api/v1/opportunities', buildOpportunityInput(org.id, { budgetMin: 100, budgetMax: 5000, budgetCurrency: 'EUR' }))).json();
    const patch = await client.patch(`/api/v1/opportunities/${ok.id}`, { budgetMin: 9000 });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().errors[0]).toMatchObject({ path: 'budgetMax', code: 'budget_max_below_min' });
    const good = await client.patch(`/api/v1/opportunities/${ok.id}`, { budgetMax: 12000, budgetMin: 9000 });
    expect(good.json()).toMatchObject({ budgetMin: 9000, budgetMax: 12000, budgetCurrency: 'EUR' });
  });

  it('clears optional fields sent as null and keeps the status a patch leaves out', async () => {
    const { client } = await signedUpClient(ctx);
    const org = await createOrganisation(client);
    const created = (await client.post('/api/v1/opportunities', buildOpportunityInput(org.id, {
      status: 'open', budgetMin: 100, budgetMax: 5000, budgetCurrency: 'EUR', minOrderQuantity: 500, minOrderUnit: 'pieces',
      expiresOn: '2026-12-31',
    }))).json();
    const res = await client.patch(`/api/v1/opportunities/${created.id}`, {
      budgetMin: null, budgetMax: null, budgetCurrency: null, minOrderQuantity: null, minOrderUnit: null, expiresOn: null,
      description: { en: null },
    });
    expect(res.statusCode).toBe(200);
    const stored = (await client.get(`/api/v1/opportunities/${created.id}`)).json();
    expect(stored).toMatchObject({
      status: 'open', budgetMin: null, budgetMax: null, budgetCurrency: null, minOrderQuantity: null, minOrderUnit: null, expiresOn: null,
    });
    expect(stored.description).toEqual({ it: 'Produzione OEM di maglioni in cachemire.' });
  });

  it('refuses to null a required field or the last language of a title, with the field path', async () => {
    const { client } = await signedUpClient(ctx);
    const org = await createOrganisation(client);
    const created = (await client.post('/api/v1/opportunities', buildOpportunityInput(org.id))).json();
    const type = await client.patch(`/api/v1/opportunities/${created.id}`, { type: null });
    expect(type.statusCode).toBe(400);
    expect(type.json().errors[0].path).toBe('type');
    const title = await client.patch(`/api/v1/opportunities/${created.id}`, { title: { it: null, en: null } });
    expect(title.statusCode).toBe(400);
    expect(title.json().errors).toEqual([expect.objectContaining({ path: 'title', code: 'at_least_one_language' })]);
    // A budget left without its currency breaks the merged result's rules, not the patch's.
    await client.patch(`/api/v1/opportunities/${created.id}`, { budgetMin: 10, budgetCurrency: 'EUR' });
    const currency = await client.patch(`/api/v1/opportunities/${created.id}`, { budgetCurrency: null });
    expect(currency.statusCode).toBe(400);
    expect(currency.json().errors[0]).toMatchObject({ path: 'budgetCurrency', code: 'currency_required' });
  });

  it('rejects a budget range the database cannot hold even when the service is bypassed', async () => {
    const { client } = await signedUpClient(ctx);
    const org = await createOrganisation(client);
    await expect(
      ctx.db.query(
        `insert into opportunities (organisation_id, direction, type, title, description, budget_min, budget_max, budget_currency)
         values ($1, 'offer', 'investment', '{"en":"x"}', '{"en":"y"}', 10, 5, 'EUR')`,
        [org.id],
      ),
    ).rejects.toThrow(/check constraint/i);
  });

  it('pages newest first with a cursor', async () => {
    const { client } = await signedUpClient(ctx);
    const org = await createOrganisation(client);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await client.post('/api/v1/opportunities', buildOpportunityInput(org.id))).json().id);
    const first = (await client.get(`/api/v1/opportunities?organisation=${org.id}&limit=2`)).json();
    const second = (await client.get(`/api/v1/opportunities?organisation=${org.id}&limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((o: { id: string }) => o.id)).toEqual([...ids].reverse());
    expect(second.nextCursor).toBeNull();
    expect((await client.get('/api/v1/opportunities?cursor=garbage')).statusCode).toBe(400);
  });
});
