import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, createTestContext, type TestContext } from '../../test-support/test-context';
import { createOrganisation, signedUpClient } from '../../test-support/factories';

/** An event that cannot be scheduled says why in the organiser's language, naming who and when. */
describe.each(DB_KINDS)('infeasible events on %s', (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => ctx.close());

  it('reports a mandatory meeting beyond a participant’s maximum in Italian, with the organisation’s name, and writes nothing', async () => {
    const organiser = await signedUpClient(ctx, { locale: 'it' });
    const organiserOrg = await createOrganisation(organiser.client, { names: { it: 'Camera di Commercio' }, languages: ['it'] });
    const event = (await organiser.client.post('/api/v1/events', {
      organiserOrganisationId: organiserOrg.id, title: { it: 'Incontri a Biella' }, venue: 'Città Studi', timeZone: 'Europe/Rome', status: 'open',
      grid: { days: ['2026-05-05'], sessions: [{ session: 'morning', start: '09:00', end: '10:00' }], slotMinutes: 30 }, tables: [{ name: 'T1' }],
    })).json();
    const api = (p: string) => `/api/v1/events/${event.id}${p}`;
    const ids: string[] = [];
    for (const name of ['Lanificio Alfa', 'Tessitura Beta']) {
      const member = await signedUpClient(ctx, { locale: 'it' });
      const org = await createOrganisation(member.client, { names: { it: name }, languages: ['it'] });
      const p = (await member.client.post(api('/participants'), { organisationId: org.id })).json();
      await organiser.client.post(api(`/participants/${p.id}/approve`));
      ids.push(p.id);
    }
    const added = await organiser.client.post(api('/meetings'), {
      participantA: ids[0], participantB: ids[1], slotId: event.slots[0].id, tableId: event.tables[0].id, pinned: false, mandatory: true,
    });
    expect(added.statusCode).toBe(201);
    // Alfa may now hold no meeting at all, yet one is mandatory.
    expect((await organiser.client.patch(api(`/participants/${ids[0]}`), { maxMeetings: 0 })).statusCode).toBe(200);

    const run = await organiser.client.post(api('/schedule'), { timeLimitSeconds: 1 });
    expect(run.statusCode).toBe(200);
    expect(run.json().status).toBe('infeasible');
    expect(run.json().after).toBeNull();
    expect(run.json().conflicts).toEqual(['Lanificio Alfa ha 1 incontro obbligatorio, più del suo massimo.']);
    // Nothing written: the hand-added meeting is still where it was.
    const meetings = (await organiser.client.get(api('/meetings'))).json().items;
    expect(meetings).toHaveLength(1);
    expect(meetings[0].slotId).toBe(event.slots[0].id);
  });
});
