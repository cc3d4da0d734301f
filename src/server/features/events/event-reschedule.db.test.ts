import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, signedUpClient } from '../../test-support/factories';
import { DB_KINDS, type TestClient, createTestContext, type TestContext } from '../../test-support/test-context';

describe.each(DB_KINDS)('rescheduling a late participant on %s', (kind) => {
  let ctx: TestContext;
  let organiser: TestClient;
  let event: { id: string; slots: Array<{ id: string; startsAt: string }>; tables: Array<{ id: string }> };
  const pids: Record<string, string> = {};
  const api = (path: string) => `/api/v1/events/${event.id}${path}`;

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    ctx.now.value = new Date('2026-04-01T09:00:00Z');
    organiser = (await signedUpClient(ctx)).client;
    const org = await createOrganisation(organiser, { names: { en: 'Organiser' } });
    // One table, five slots: every move is visible.
    event = (
      await organiser.post('/api/v1/events', {
        organiserOrganisationId: org.id,
        title: { en: 'Small forum' },
        venue: 'Milano',
        timeZone: 'Europe/Rome',
        status: 'open',
        approvalRequired: false,
        grid: { days: ['2026-04-14'], sessions: [{ session: 'morning', start: '09:00', end: '11:30' }], slotMinutes: 30 },
        tables: [{ name: 'T1' }],
      })
    ).json();
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) {
      const { client } = await signedUpClient(ctx);
      const o = await createOrganisation(client, { names: { it: `Azienda ${name}` }, languages: ['it'] });
      pids[name] = (await client.post(api('/participants'), { organisationId: o.id })).json().id;
    }
    await organiser.patch(api(`/participants/${pids.B}`), { availableSlotIds: event.slots.slice(0, 4).map((s) => s.id) });
  });
  afterAll(async () => ctx.close());

  const add = async (a: string, b: string, slot: number, pinned: boolean) => {
    const res = await organiser.post(api('/meetings'), { participantA: pids[a], participantB: pids[b], slotId: event.slots[slot]!.id, tableId: event.tables[0]!.id, pinned });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  it('moves one other meeting to make room and never a pinned one', async () => {
    const ab = await add('A', 'B', 0, false); // A is late: missed
    const cd = await add('C', 'D', 1, false);
    const ef = await add('E', 'F', 2, true);
    const bg = await add('B', 'G', 3, false);
    ctx.now.value = new Date(event.slots[1]!.startsAt);
    const res = await organiser.post(api(`/participants/${pids.A}/reschedule`), {});
    expect(res.statusCode).toBe(200);
    const out = res.json() as { moved: number; cancelled: number; kept: number; meetings: Array<{ id: string; slotId: string; status: string; sequence: number }> };
    const slotOf = (id: string) => event.slots.findIndex((s) => s.id === out.meetings.find((m) => m.id === id)!.slotId);
    // B is free only in slot 1 (slot 3 is B–G, slot 4 outside B's availability): C–D makes room by going to slot 4.
    expect({ ab: slotOf(ab), cd: slotOf(cd), ef: slotOf(ef), bg: slotOf(bg) }).toEqual({ ab: 1, cd: 4, ef: 2, bg: 3 });
    expect(out).toMatchObject({ moved: 2, cancelled: 0, kept: 0 });
    expect(out.meetings.find((m) => m.id === ab)!.sequence).toBe(1);
  });

  it('marks a missed meeting that fits nowhere as no-show', async () => {
    // A–G in slot 0 (freed when A–B moved), which A missed too; every later slot is full and pinned.
    const missed = await organiser.post(api('/meetings'), { participantA: pids.A, participantB: pids.G, slotId: event.slots[0]!.id, tableId: event.tables[0]!.id, pinned: false });
    expect(missed.statusCode).toBe(201);
    for (const m of (await organiser.get(api('/meetings'))).json().items as Array<{ id: string; status: string }>) {
      if (m.id !== missed.json().id && m.status === 'scheduled') await organiser.patch(api(`/meetings/${m.id}`), { pinned: true });
    }
    const res = await organiser.post(api(`/participants/${pids.A}/reschedule`), {});
    expect(res.json()).toMatchObject({ moved: 0, cancelled: 1 });
    expect(res.json().meetings.find((m: { id: string }) => m.id === missed.json().id).status).toBe('no_show');
  });
});
