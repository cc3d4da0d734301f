import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, TestClient, createTestContext, type TestContext } from '../../test-support/test-context';
import { buildOpportunityInput, createOrganisation, signedUpClient } from '../../test-support/factories';

describe.each(DB_KINDS)('saved recommendations on %s', (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => ctx.close());

  it('saves, lists newest first, records a save event, hides what the viewer may no longer see, and unsaves', async () => {
    const seller = await signedUpClient(ctx, { locale: 'zh' });
    const sellerOrg = await createOrganisation(seller.client, { names: { zh: '桐乡羊绒厂' }, country: 'CN' });
    const offer = (await seller.client.post('/api/v1/opportunities', buildOpportunityInput(sellerOrg.id, { direction: 'offer', title: { zh: '羊绒衫代工' } }))).json();
    const buyer = await signedUpClient(ctx, { locale: 'it' });
    const buyerOrg = await createOrganisation(buyer.client, { names: { it: 'Maglificio' }, country: 'IT' });
    const subjectKey = `org:${buyerOrg.id}`;

    expect((await buyer.client.put('/api/v1/matching/saved', { candidateKey: `org:${sellerOrg.id}`, subjectKey })).statusCode).toBe(204);
    ctx.now.value = new Date(ctx.now.value.getTime() + 1000);
    expect((await buyer.client.put('/api/v1/matching/saved', { candidateKey: `opp:${offer.id}`, subjectKey, components: { relevance: 0.5 } })).statusCode).toBe(204);

    const list = (await buyer.client.get('/api/v1/matching/saved')).json();
    expect(list.items.map((i: { candidateKey: string }) => i.candidateKey).sort()).toEqual([`opp:${offer.id}`, `org:${sellerOrg.id}`].sort());
    const saved = list.items.find((i: { candidateKey: string }) => i.candidateKey === `opp:${offer.id}`);
    expect(saved.opportunity.title.zh).toBe('羊绒衫代工');
    expect(saved.organisation.id).toBe(sellerOrg.id);
    expect((await buyer.client.get('/api/v1/matching/saved/keys')).json().keys).toHaveLength(2);
    const events = await ctx.db.query<{ event: string }>(`select event from match_events where subject_key = $1 and event = 'save'`, [subjectKey]);
    expect(events.rows).toHaveLength(2);

    // Someone else's list is their own; anonymous callers have none.
    expect((await seller.client.get('/api/v1/matching/saved')).json().items).toEqual([]);
    expect((await new TestClient(ctx.app).get('/api/v1/matching/saved')).statusCode).toBe(401);
    expect((await buyer.client.put('/api/v1/matching/saved', { candidateKey: 'opp:not-a-uuid' })).statusCode).toBe(400);

    // Back to draft: the opportunity is no longer the buyer's to see, so it drops out of the list.
    await seller.client.patch(`/api/v1/opportunities/${offer.id}`, { status: 'draft' });
    expect((await buyer.client.get('/api/v1/matching/saved')).json().items.map((i: { candidateKey: string }) => i.candidateKey)).toEqual([`org:${sellerOrg.id}`]);

    expect((await buyer.client.delete(`/api/v1/matching/saved?candidate=org:${sellerOrg.id}`)).statusCode).toBe(204);
    expect((await buyer.client.get('/api/v1/matching/saved/keys')).json().keys).toEqual([`opp:${offer.id}`]);
  });
});
