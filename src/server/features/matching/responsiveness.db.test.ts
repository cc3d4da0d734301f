import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, createTestContext, type TestContext } from '../../test-support/test-context';
import { buildOpportunityInput, createOrganisation, signedUpClient } from '../../test-support/factories';

/** Responsiveness comes from how each organisation answered contact requests (issue 3 item 5). */
describe.each(DB_KINDS)('responsiveness on %s', (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => ctx.close());

  it('ranks the counterpart that answers its contact requests above one that leaves them waiting', async () => {
    const asker = await signedUpClient(ctx, { locale: 'it' });
    const askerOrg = await createOrganisation(asker.client, { names: { it: 'Maglificio Toscano' }, country: 'IT' });
    const request = (await asker.client.post('/api/v1/opportunities', buildOpportunityInput(askerOrg.id, {
      title: { it: 'Cerchiamo filato di cashmere' }, description: { it: 'Acquistiamo filato di cashmere per maglieria.' },
      sectors: [], products: [], targetCountries: [],
    }))).json();
    const offers: Record<string, string> = {};
    for (const name of ['responsive', 'silent']) {
      const seller = await signedUpClient(ctx, { locale: 'zh' });
      const org = await createOrganisation(seller.client, { names: { zh: `${name}羊绒纺纱厂` }, legalName: `${name} Cashmere Spinning`, country: 'CN', sectors: [], products: [] });
      await seller.client.post('/api/v1/opportunities', buildOpportunityInput(org.id, {
        direction: 'offer', title: { zh: '羊绒纱线供应' }, description: { zh: '供应羊绒纱线，用于针织。' }, sectors: [], products: [], targetCountries: [],
      }));
      offers[name] = org.id;
      // Four requests each, ten days old: one organisation answered them all, the other none.
      for (let i = 0; i < 4; i++) {
        const other = await createOrganisation(asker.client, { names: { it: `Richiedente ${name} ${i}` }, country: 'IT' });
        await ctx.db.query(
          `insert into contact_requests (from_organisation_id, to_organisation_id, from_user_id, message, status, responded_at, created_at)
           values ($1, $2, $3, 'Buongiorno', $4, $5, now() - interval '10 days')`,
          [other.id, org.id, asker.user.id, name === 'responsive' ? 'accepted' : 'pending', name === 'responsive' ? new Date() : null],
        );
      }
    }
    await ctx.services.matching.ready();
    await ctx.services.matching.sync();
    const items = (await asker.client.get(`/api/v1/opportunities/${request.id}/matches?kind=opportunity`)).json().items as Array<{
      organisation: { id: string };
      components: { responsiveness: number };
    }>;
    const of = (orgId: string) => items.find((i) => i.organisation.id === orgId);
    expect(of(offers.responsive!)?.components.responsiveness).toBeCloseTo(5 / 6, 3);
    expect(of(offers.silent!)?.components.responsiveness).toBeCloseTo(1 / 6, 3);
    // Same text, same freshness: only responsiveness tells them apart.
    expect(items.findIndex((i) => i.organisation.id === offers.responsive)).toBeLessThan(items.findIndex((i) => i.organisation.id === offers.silent));
  });
});
