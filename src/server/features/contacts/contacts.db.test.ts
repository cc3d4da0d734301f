import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, TestClient, createTestContext, type TestContext } from '../../test-support/test-context';
import { buildOpportunityInput, createOrganisation, readOutbox, signedUpClient } from '../../test-support/factories';

describe.each(DB_KINDS)('contact flow on %s', (kind) => {
  let ctx: TestContext;
  let buyer: { client: TestClient; email: string; orgId: string };
  let maker: { client: TestClient; email: string; orgId: string; oppId: string };

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    const b = await signedUpClient(ctx, { locale: 'it' });
    const bOrg = await createOrganisation(b.client, { names: { it: 'Maglificio Umbro' }, contactEmail: 'info@umbro.example' });
    buyer = { client: b.client, email: b.email, orgId: bOrg.id };
    const m = await signedUpClient(ctx, { locale: 'zh' });
    const mOrg = await createOrganisation(m.client, { names: { zh: '桐乡羊绒厂' }, country: 'CN', contactPhone: '+86 573 0000 0000' });
    const opp = await m.client.post('/api/v1/opportunities', buildOpportunityInput(mOrg.id, { direction: 'offer' }));
    maker = { client: m.client, email: m.email, orgId: mOrg.id, oppId: opp.json().id };
  });
  afterAll(async () => ctx.close());

  it('sends a request about an opportunity, hides contact details until it is accepted, then shows them both ways', async () => {
    const sent = await buyer.client.post('/api/v1/contacts', {
      fromOrganisationId: buyer.orgId,
      opportunityId: maker.oppId,
      message: 'Vorremmo un campione di maglieria in cashmere.',
    });
    expect(sent.statusCode).toBe(201);
    const request = sent.json();
    expect(request).toMatchObject({ status: 'pending', box: 'sent', counterpartContact: null });
    expect(request.to.id).toBe(maker.orgId);

    const again = await buyer.client.post('/api/v1/contacts', { fromOrganisationId: buyer.orgId, opportunityId: maker.oppId, message: 'Ancora' });
    expect(again.statusCode).toBe(409);

    const inbox = (await maker.client.get('/api/v1/contacts?box=inbox')).json();
    expect(inbox.pendingInbox).toBe(1);
    expect(inbox.items[0]).toMatchObject({ id: request.id, box: 'inbox', counterpartContact: null });
    expect(JSON.stringify(inbox)).not.toContain(buyer.email);
    // The maker was told, in Chinese (subject is encoded; the body carries the inbox link).
    expect((await readOutbox(ctx.outboxDir, maker.email)).some((m) => m.includes('http://ponte.test/inbox'))).toBe(true);

    // The sender cannot accept its own request; a stranger cannot see it.
    expect((await buyer.client.post(`/api/v1/contacts/${request.id}/accept`)).statusCode).toBe(403);
    const { client: stranger } = await signedUpClient(ctx);
    expect((await stranger.post(`/api/v1/contacts/${request.id}/accept`)).statusCode).toBe(404);

    const accepted = (await maker.client.post(`/api/v1/contacts/${request.id}/accept`)).json();
    expect(accepted.status).toBe('accepted');
    expect(accepted.counterpartContact).toMatchObject({ personEmail: buyer.email, organisationEmail: 'info@umbro.example' });
    const mine = (await buyer.client.get('/api/v1/contacts?box=sent')).json().items[0];
    expect(mine.counterpartContact).toMatchObject({ personEmail: maker.email, organisationPhone: '+86 573 0000 0000' });
    expect((await maker.client.post(`/api/v1/contacts/${request.id}/decline`)).statusCode).toBe(409);
    expect((await readOutbox(ctx.outboxDir, buyer.email)).length).toBeGreaterThanOrEqual(2);
  });

  it('reminds once when a request waits longer than the configured days', async () => {
    const sent = (await maker.client.post('/api/v1/contacts', { fromOrganisationId: maker.orgId, toOrganisationId: buyer.orgId, message: '您好' })).json();
    const before = (await readOutbox(ctx.outboxDir, buyer.email)).length;
    // Nothing is due yet; four days later, one reminder, and only one.
    expect(await ctx.services.contacts.remindPending()).toBe(0);
    const start = ctx.now.value;
    ctx.now.value = new Date(start.getTime() + 4 * 86_400_000);
    try {
      expect(await ctx.services.contacts.remindPending()).toBe(1);
      expect(await ctx.services.contacts.remindPending()).toBe(0);
    } finally {
      ctx.now.value = start;
    }
    expect((await readOutbox(ctx.outboxDir, buyer.email)).length).toBe(before + 1);
    expect(sent.status).toBe('pending');
  });

  it('validates: one target, not yourself, only for your own organisation, signed in', async () => {
    const both = await buyer.client.post('/api/v1/contacts', { fromOrganisationId: buyer.orgId, toOrganisationId: maker.orgId, opportunityId: maker.oppId, message: 'x' });
    expect(both.statusCode).toBe(400);
    const self = await buyer.client.post('/api/v1/contacts', { fromOrganisationId: buyer.orgId, toOrganisationId: buyer.orgId, message: 'x' });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].path).toBe('toOrganisationId');
    const notMine = await buyer.client.post('/api/v1/contacts', { fromOrganisationId: maker.orgId, toOrganisationId: buyer.orgId, message: 'x' });
    expect(notMine.statusCode).toBe(403);
    expect((await new TestClient(ctx.app).get('/api/v1/contacts')).statusCode).toBe(401);
    const empty = await buyer.client.post('/api/v1/contacts', { fromOrganisationId: buyer.orgId, toOrganisationId: maker.orgId, message: '   ' });
    expect(empty.statusCode).toBe(400);
  });

  it('records what people do with recommendations', async () => {
    const res = await buyer.client.post('/api/v1/matching/events', {
      events: [{ subjectKey: `org:${buyer.orgId}`, candidateKey: `opp:${maker.oppId}`, event: 'dismiss', components: { relevance: 0.4 } }],
    });
    expect(res.statusCode).toBe(204);
    const bad = await buyer.client.post('/api/v1/matching/events', { events: [{ subjectKey: 'x', candidateKey: 'y', event: 'contact' }] });
    expect(bad.statusCode).toBe(400);
    const { rows } = await ctx.db.query<{ event: string }>('select event from match_events order by id');
    expect(rows.map((r) => r.event)).toEqual(expect.arrayContaining(['contact', 'accept', 'dismiss']));
  });
});
