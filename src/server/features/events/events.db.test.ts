import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { validateSchedule } from '../../domain/scheduling/validate-schedule';
import { DB_KINDS, TestClient, createTestContext, type TestContext } from '../../test-support/test-context';
import { createOrganisation, signedUpClient } from '../../test-support/factories';
import type { Viewer } from '../auth/auth-context';
import { createEventService } from './event.service';

interface Side {
  client: TestClient;
  orgId: string;
  participantId?: string;
}

const GRID = {
  days: ['2026-04-14', '2026-04-15'],
  sessions: [
    { session: 'morning', start: '09:00', end: '12:00' },
    { session: 'afternoon', start: '14:00', end: '17:30' },
  ],
  slotMinutes: 30,
  breaks: [{ start: '10:30', end: '10:45' }],
};

async function buildEvent(client: TestClient, organiserOrganisationId: string, overrides: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/events', {
    organiserOrganisationId,
    title: { it: 'Missione a Hangzhou', zh: '杭州对接会', en: 'Hangzhou mission' },
    venue: 'Hangzhou International Expo Center',
    timeZone: 'Asia/Shanghai',
    status: 'open',
    grid: GRID,
    tables: [{ name: 'T1' }, { name: 'T2' }, { name: 'Room 3', videoUrl: 'https://meet.example/room-3' }],
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`create event failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; slots: Array<{ id: string; session: string; startsAt: string; position: number }>; tables: Array<{ id: string; name: string }> };
}

describe.each(DB_KINDS)('events on %s', (kind) => {
  let ctx: TestContext;
  let organiser: Side;
  let rossi: Side; // Italian, on site
  let wang: Side; // Chinese, on site
  let bianchi: Side; // Italian, joins remotely from Rome
  let event: Awaited<ReturnType<typeof buildEvent>>;

  const api = (path: string) => `/api/v1/events/${event.id}${path}`;

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    const side = async (locale: 'it' | 'zh' | 'en', org: Record<string, unknown>): Promise<Side> => {
      const { client } = await signedUpClient(ctx, { locale });
      return { client, orgId: (await createOrganisation(client, org)).id };
    };
    organiser = await side('en', { names: { en: 'Linping Promotion Office' }, country: 'CN', languages: ['zh', 'en'] });
    rossi = await side('it', { names: { it: 'Lanificio Rossi' }, languages: ['it', 'en'], contactEmail: 'secret@rossi.example' });
    wang = await side('zh', { names: { zh: '王氏羊绒' }, country: 'CN', languages: ['zh'] });
    bianchi = await side('it', { names: { it: 'Maglificio Bianchi' }, languages: ['it'] });
    event = await buildEvent(organiser.client, organiser.orgId);
  });
  afterAll(async () => ctx.close());

  it('generates the slot grid from days × sessions, skipping breaks, in the event’s zone', async () => {
    // Per day: 09:00 09:30 10:00 | break | 10:45 11:15 (11:45 would end after 12:00) + 14:00 … 17:00.
    expect(event.slots).toHaveLength(24);
    expect(event.slots[0]).toMatchObject({ session: 'morning', startsAt: '2026-04-14T01:00:00.000Z' });
    expect(event.slots[3]!.startsAt).toBe('2026-04-14T02:45:00.000Z');
    expect(event.slots[5]).toMatchObject({ session: 'afternoon', startsAt: '2026-04-14T06:00:00.000Z' });
    expect(event.slots[12]!.startsAt).toBe('2026-04-15T01:00:00.000Z');
    expect(event.tables.map((t) => t.name)).toEqual(['T1', 'T2', 'Room 3']);
    const bad = await organiser.client.put(api('/grid'), { ...GRID, sessions: [{ session: 'morning', start: '12:00', end: '09:00' }] });
    expect(bad.statusCode).toBe(400);
    // Only the organiser edits the grid.
    expect((await rossi.client.put(api('/grid'), GRID)).statusCode).toBe(403);
    // Two tables of one name are a field error, not a failed insert.
    const twins = await organiser.client.post('/api/v1/events', {
      organiserOrganisationId: organiser.orgId, title: { en: 'Twins' }, online: true, timeZone: 'Asia/Shanghai', tables: [{ name: 'T1' }, { name: 'T1' }],
    });
    expect(twins.statusCode).toBe(400);
    expect(twins.json().errors[0].path).toBe('tables');
  });

  it('registers organisations for their members only, with the organiser approving or rejecting', async () => {
    const notMine = await rossi.client.post(api('/participants'), { organisationId: wang.orgId });
    expect(notMine.statusCode).toBe(403);
    const reg = await rossi.client.post(api('/participants'), { organisationId: rossi.orgId, maxMeetings: 6 });
    expect(reg.statusCode).toBe(201);
    expect(reg.json()).toMatchObject({ status: 'pending', languages: ['it', 'en'], attendance: 'on_site' });
    rossi.participantId = reg.json().id;
    expect((await rossi.client.post(api('/participants'), { organisationId: rossi.orgId })).statusCode).toBe(409);
    wang.participantId = (await wang.client.post(api('/participants'), { organisationId: wang.orgId })).json().id;
    const remote = await bianchi.client.post(api('/participants'), { organisationId: bianchi.orgId, attendance: 'remote', timeZone: 'Europe/Rome' });
    expect(remote.json()).toMatchObject({ attendance: 'remote', timeZone: 'Europe/Rome' });
    bianchi.participantId = remote.json().id;

    // A participant cannot approve itself; the organiser can, once.
    expect((await rossi.client.post(api(`/participants/${rossi.participantId}/approve`))).statusCode).toBe(403);
    for (const p of [rossi, wang, bianchi]) {
      const res = await organiser.client.post(api(`/participants/${p.participantId}/approve`));
      expect(res.json().status).toBe('approved');
    }
    expect((await organiser.client.post(api(`/participants/${rossi.participantId}/approve`))).statusCode).toBe(409);

    // Others see approved participants, but not their availability, people or contact details.
    const seen = (await wang.client.get(api('/participants'))).json().items;
    expect(seen).toHaveLength(3);
    const rossiSeen = seen.find((p: { id: string }) => p.id === rossi.participantId);
    expect(rossiSeen).toMatchObject({ maxMeetings: null, people: [], availableSlotIds: null });
    expect(JSON.stringify(seen)).not.toContain('secret@rossi.example');

    const late = await createOrganisation(rossi.client, { names: { it: 'Ritardataria' } });
    await organiser.client.patch(`/api/v1/events/${event.id}`, { status: 'closed' });
    expect((await rossi.client.post(api('/participants'), { organisationId: late.id })).statusCode).toBe(409);
    await organiser.client.patch(`/api/v1/events/${event.id}`, { status: 'open' });
  });

  it('sends meeting requests that only the asked side accepts or declines; pending ones block nothing', async () => {
    const ask = await rossi.client.post(api('/requests'), { fromParticipantId: rossi.participantId, toParticipantId: wang.participantId, priority: 1, message: 'Cashmere yarns', mustMeet: true });
    expect(ask.statusCode).toBe(201);
    const requestId = ask.json().id;
    expect((await rossi.client.post(api('/requests'), { fromParticipantId: rossi.participantId, toParticipantId: wang.participantId })).statusCode).toBe(409);
    expect((await rossi.client.post(api(`/requests/${requestId}/accept`))).statusCode).toBe(403);
    expect((await bianchi.client.post(api(`/requests/${requestId}/accept`))).statusCode).toBe(404);
    // Wang asks back: the pair is now mutual.
    const back = await wang.client.post(api('/requests'), { fromParticipantId: wang.participantId, toParticipantId: rossi.participantId, priority: 2 });
    expect(back.json().mutual).toBe(true);
    const accepted = await wang.client.post(api(`/requests/${requestId}/accept`));
    expect(accepted.json()).toMatchObject({ status: 'accepted', mutual: true });
    expect((await wang.client.post(api(`/requests/${requestId}/decline`))).statusCode).toBe(409);

    const declined = (await bianchi.client.post(api('/requests'), { fromParticipantId: bianchi.participantId, toParticipantId: rossi.participantId })).json();
    expect((await rossi.client.post(api(`/requests/${declined.id}/decline`))).json().status).toBe('declined');
    // Bianchi → Wang stays pending for now.
    await bianchi.client.post(api('/requests'), { fromParticipantId: bianchi.participantId, toParticipantId: wang.participantId, priority: 1 });

    const { instance } = await ctx.services.events.instanceFor(event.id);
    expect(instance.requests.map((r) => r.id)).toEqual([requestId]);
    expect(instance.requests[0]!.weight).toBeGreaterThan(3);
  });

  it('schedules into a valid schedule, with an interpreter where the sides share no language, and remote working hours', async () => {
    await organiser.client.post(api('/interpreters'), { name: 'Li Na', languages: ['it', 'zh'] });
    const pending = (await wang.client.get(api(`/requests?participant=${wang.participantId}`))).json().items.find((r: { status: string; fromParticipantId: string }) => r.status === 'pending' && r.fromParticipantId === bianchi.participantId);
    expect((await wang.client.post(api(`/requests/${pending.id}/accept`))).statusCode).toBe(200);

    const run = await organiser.client.post(api('/schedule'), { timeLimitSeconds: 1 });
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ status: 'scheduled', before: { meetings: 0 }, after: { meetings: 2, interpretedMeetings: 2 }, unscheduled: [] });
    expect((await rossi.client.post(api('/schedule'), {})).statusCode).toBe(403);

    const ei = await ctx.services.events.instanceFor(event.id);
    const meetings = (await organiser.client.get(api('/meetings'))).json().items as Array<{ id: string; requestId: string; slotId: string; tableId: string; interpreterId: string | null; participantIds: string[] }>;
    const tableNo = new Map(event.tables.map((t, k) => [t.id, k + 1]));
    const schedule = { meetings: meetings.map((m) => ({ request: m.requestId, slot: m.slotId, table: tableNo.get(m.tableId)!, interpreter: m.interpreterId })) };
    expect(validateSchedule(ei.instance, schedule)).toEqual([]);
    // Bianchi joins from Rome: 08:00–19:00 there is 14:00–01:00 in Hangzhou, so afternoons only.
    const remoteMeeting = meetings.find((m) => m.participantIds.includes(bianchi.participantId!))!;
    expect(event.slots.find((s) => s.id === remoteMeeting.slotId)!.session).toBe('afternoon');
  });

  it('shows a remote Italian participant their agenda in Europe/Rome time, with the event’s time alongside', async () => {
    const agenda = (await bianchi.client.get(api(`/agenda?participant=${bianchi.participantId}`))).json();
    expect(agenda).toMatchObject({ timeZone: 'Europe/Rome', eventTimeZone: 'Asia/Shanghai', locale: 'it', event: { title: 'Missione a Hangzhou' } });
    const item = agenda.items[0];
    expect(item.counterpart.names.zh).toBe('王氏羊绒');
    expect(item.interpreter).toEqual({ name: 'Li Na' });
    // Shanghai is six hours ahead of Rome in April (CEST).
    const shanghaiHour = Number(item.eventLocal.start.slice(0, 2));
    expect(Number(item.local.start.slice(0, 2))).toBe(shanghaiHour - 6);
    expect(item.local.start >= '08:00').toBe(true);
    expect(item.local.label).toMatch(/apr/i);
    // An on-site participant sees the event's zone only; strangers see nothing.
    const onSite = (await wang.client.get(api(`/agenda?participant=${wang.participantId}`))).json();
    expect(onSite.timeZone).toBe('Asia/Shanghai');
    expect(onSite.items[0].eventLocal).toBeNull();
    expect((await rossi.client.get(api(`/agenda?participant=${bianchi.participantId}`))).statusCode).toBe(403);
  });

  it('keeps pinned meetings where they are and moves confirmed ones as little as possible', async () => {
    const before = (await organiser.client.get(api('/meetings'))).json().items as Array<{ id: string; slotId: string; tableId: string; requestId: string }>;
    // The organiser pins a new meeting Rossi–Bianchi in the last afternoon slot, at T2.
    const last = event.slots[event.slots.length - 1]!;
    const added = await organiser.client.post(api('/meetings'), { participantA: rossi.participantId, participantB: bianchi.participantId, slotId: last.id, tableId: event.tables[1]!.id });
    expect(added.statusCode).toBe(201);
    expect(added.json().pinned).toBe(true);
    const run = (await organiser.client.post(api('/schedule'), { timeLimitSeconds: 1 })).json();
    expect(run.status).toBe('scheduled');
    expect(run.moved).toBe(0);
    const after = (await organiser.client.get(api('/meetings'))).json().items as Array<{ id: string; slotId: string; tableId: string; requestId: string; pinned: boolean; status: string }>;
    expect(after.find((m) => m.id === added.json().id)).toMatchObject({ slotId: last.id, tableId: event.tables[1]!.id, pinned: true, status: 'scheduled' });
    for (const m of before) expect(after.find((x) => x.id === m.id)).toMatchObject({ slotId: m.slotId, tableId: m.tableId, status: 'scheduled' });
    const ei = await ctx.services.events.instanceFor(event.id);
    const tableNo = new Map(event.tables.map((t, k) => [t.id, k + 1]));
    const live = after.filter((m) => m.status !== 'cancelled');
    expect(validateSchedule(ei.instance, { meetings: live.map((m) => ({ request: m.requestId, slot: m.slotId, table: tableNo.get(m.tableId)!, interpreter: (m as unknown as { interpreterId: string | null }).interpreterId })) })).toEqual([]);
  });

  it('leaves the old schedule intact when writing the new one fails halfway', async () => {
    const snapshot = async () => (await ctx.db.query('select id, slot_id, table_id, status, sequence from event_meetings order by id')).rows;
    const before = await snapshot();
    let inserts = 0;
    // The database fails on the second meeting written, after the old rows were deleted.
    const flaky: Db = {
      ...ctx.db,
      transaction: (fn) =>
        ctx.db.transaction((tx) =>
          fn({
            query: async (sql, params) => {
              if (/^\s*insert into event_meetings /.test(sql) && ++inserts === 2) throw new Error('connection lost');
              return tx.query(sql, params);
            },
          }),
        ),
    };
    const service = createEventService({ db: flaky, clock: () => ctx.now.value });
    const admin: Viewer = { userId: randomUUID(), email: 'ops@ponte.test', displayName: 'Ops', locale: 'en', roles: ['admin'] };
    await expect(service.schedule(event.id, { timeLimitSeconds: 1 }, admin)).rejects.toThrow('connection lost');
    expect(inserts).toBe(2);
    expect(await snapshot()).toEqual(before);
  });

  it('makes double-booking a table impossible when two organisers write at once', async () => {
    const { client: platform, user } = await signedUpClient(ctx);
    await ctx.db.query(`update users set roles = '{organiser}' where id = $1`, [user.id]);
    const newcomer = async (name: string) => {
      const extra = await signedUpClient(ctx);
      // Speaks Chinese as well: the meeting with Wang needs no interpreter, so the table is what collides.
      const org = await createOrganisation(extra.client, { names: { it: name }, languages: ['it', 'zh'] });
      const pid = (await extra.client.post(api('/participants'), { organisationId: org.id })).json().id as string;
      await organiser.client.post(api(`/participants/${pid}/approve`));
      return pid;
    };
    const [p4, p5] = [await newcomer('Quarta'), await newcomer('Quinta')];
    // Two different pairs, everyone free in that slot: the table is the only thing they share.
    const meetings = (await organiser.client.get(api('/meetings'))).json().items as Array<{ slotId: string; participantIds: string[] }>;
    const busy = (slotId: string, pid: string) => meetings.some((m) => m.slotId === slotId && m.participantIds.includes(pid));
    const slot = event.slots.find((s) => !busy(s.id, wang.participantId!) && !busy(s.id, rossi.participantId!))!.id;
    const table = event.tables[2]!.id;
    const [x, y] = await Promise.all([
      organiser.client.post(api('/meetings'), { participantA: p4, participantB: wang.participantId, slotId: slot, tableId: table }),
      platform.post(api('/meetings'), { participantA: p5, participantB: rossi.participantId, slotId: slot, tableId: table }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 409]);
    const loser = x.statusCode === 409 ? x : y;
    expect(loser.headers['content-type']).toContain('application/problem+json');
    expect(loser.json().type).toBe('https://ponte.dev/problems/meeting-table-taken');
    const taken = (await organiser.client.get(api('/meetings'))).json().items.filter((m: { slotId: string; tableId: string; status: string }) => m.slotId === slot && m.tableId === table && m.status !== 'cancelled');
    expect(taken).toHaveLength(1);
    // The database itself refuses, whoever writes.
    const row = (await ctx.db.query<{ request_id: string }>('select request_id from event_meetings where slot_id = $1 and table_id = $2', [slot, table])).rows[0]!;
    await expect(
      ctx.db.query(`insert into event_meetings (event_id, request_id, slot_id, table_id) values ($1, $2, $3, $4)`, [event.id, row.request_id, slot, table]),
    ).rejects.toThrow();
  });

  it('exports an iCal feed whose UIDs stay stable and whose SEQUENCE grows when a meeting moves', async () => {
    const url = api(`/participants/${rossi.participantId}/agenda.ics`);
    const first = await rossi.client.get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/calendar');
    const text = first.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const uids = [...text.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim());
    expect(uids.length).toBeGreaterThanOrEqual(2);
    for (const uid of uids) expect(uid).toMatch(/^meeting-[0-9a-f-]{36}@ponte$/);
    expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(text).toContain('SUMMARY:Incontro con');
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);

    // Re-export: identical. Move one meeting: same UID, SEQUENCE + 1.
    expect((await rossi.client.get(url)).body).toBe(text);
    const meetings = (await organiser.client.get(api('/meetings'))).json().items as Array<{ id: string; slotId: string; participantIds: string[]; status: string; sequence: number }>;
    const mine = meetings.find((m) => m.participantIds.includes(rossi.participantId!) && m.participantIds.includes(wang.participantId!) && m.status === 'scheduled')!;
    const free = event.slots.find((s) => s.session === 'morning' && !meetings.some((m) => m.slotId === s.id))!;
    const moved = await organiser.client.patch(api(`/meetings/${mine.id}`), { slotId: free.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().sequence).toBe(mine.sequence + 1);
    const again = (await rossi.client.get(url)).body;
    expect([...again.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim()).sort()).toEqual([...uids].sort());
    const block = again.split('BEGIN:VEVENT').find((b) => b.includes(`UID:meeting-${mine.id}@ponte`))!;
    expect(block).toContain(`SEQUENCE:${mine.sequence + 1}`);
    // Cancelled meetings stay in the feed as cancelled, so calendars remove them.
    await organiser.client.post(api(`/meetings/${mine.id}/cancel`));
    const cancelled = (await rossi.client.get(url)).body.split('BEGIN:VEVENT').find((b) => b.includes(`UID:meeting-${mine.id}@ponte`))!;
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain(`SEQUENCE:${mine.sequence + 2}`);
    expect((await new TestClient(ctx.app).get(url)).statusCode).toBe(401);
  });

  it('hands out a secret feed link that calendar apps can read without a cookie, and rotates it', async () => {
    const link = await rossi.client.post(api(`/participants/${rossi.participantId}/calendar-link`));
    expect(link.statusCode).toBe(200);
    const { url } = link.json() as { url: string };
    expect(url).toMatch(/^http:\/\/ponte\.test\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const path = url.replace('http://ponte.test', '');
    const anonymous = new TestClient(ctx.app);
    const feed = await anonymous.get(`${path}?lang=zh`);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toMatch(/^UID:meeting-[0-9a-f-]{36}@ponte/m);
    // Only the participant's own members may create a link; a new link retires the old one.
    const { client: stranger } = await signedUpClient(ctx);
    expect((await stranger.post(api(`/participants/${rossi.participantId}/calendar-link`))).statusCode).toBe(403);
    await rossi.client.post(api(`/participants/${rossi.participantId}/calendar-link`));
    expect((await anonymous.get(path)).statusCode).toBe(404);
    expect((await anonymous.get('/api/v1/calendar/not-a-token.ics')).statusCode).toBe(400);
  });
});
