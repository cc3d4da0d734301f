import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSchedule } from '../../domain/scheduling/validate-schedule';
import { readOutbox, signedUpClient } from '../../test-support/factories';
import { DB_KINDS, type TestClient, createTestContext, type TestContext } from '../../test-support/test-context';
import { type EventSide, hangzhouEvent, mailText, type MeetingDto, registerSide } from './event-test-support';

type Side = EventSide;

async function pdfText(pdf: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    out.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  return out.join('\n');
}

describe.each(DB_KINDS)('the day of an event on %s', (kind) => {
  let ctx: TestContext;
  let organiser: TestClient;
  let platform: TestClient;
  let rossi: Side; // Italian, it + en
  let wang: Side; // Chinese, zh only
  let chen: Side; // Chinese, zh + en
  let bianchi: Side; // Italian, it + en
  let quarta: Side; // Italian, it + zh
  let event: { id: string; slots: Array<{ id: string; startsAt: string; position: number }>; tables: Array<{ id: string; name: string }> };
  let liNa: string; // interpreter it–zh
  let mario: string; // interpreter it–en (cannot serve Chinese-only sides)
  const api = (path: string) => `/api/v1/events/${event.id}${path}`;
  const slot = (k: number) => event.slots[k]!.id;
  const table = (k: number) => event.tables[k]!.id;
  const meetings = async () => (await organiser.get(api('/meetings'))).json().items as MeetingDto[];
  const inItalian = (c: TestClient, url: string, body: unknown) => c.request('POST', url, body, { 'x-ponte-locale': 'it' });

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    // Sessions last 30 days of the test clock: hangzhouEvent starts it close enough to the event day.
    ({ organiser, event } = await hangzhouEvent<typeof event>(
      ctx,
      { days: ['2026-04-14'], sessions: [{ session: 'morning', start: '09:00', end: '12:00' }, { session: 'afternoon', start: '14:00', end: '18:00' }], slotMinutes: 30 },
      [{ name: 'T1' }, { name: 'T2' }, { name: 'T3' }],
    ));
    const side = async (locale: 'it' | 'zh' | 'en', org: Record<string, unknown>, settings: Record<string, unknown> = {}): Promise<Side> => {
      const { side: registered, registration } = await registerSide(ctx, event.id, locale, org, settings);
      expect(registration.json().status).toBe('approved');
      return registered;
    };
    rossi = await side('it', { names: { it: 'Lanificio Rossi' }, languages: ['it', 'en'] }, { maxMeetings: 3 });
    wang = await side('zh', { names: { zh: '王氏羊绒' }, country: 'CN', languages: ['zh'] });
    chen = await side('zh', { names: { zh: '陈氏丝绸' }, country: 'CN', languages: ['zh', 'en'] });
    bianchi = await side('it', { names: { it: 'Maglificio Bianchi' }, languages: ['it', 'en'] });
    quarta = await side('it', { names: { it: 'Tessitura Quarta' }, languages: ['it', 'zh'] });
    liNa = (await organiser.post(api('/interpreters'), { name: 'Li Na', languages: ['it', 'zh'] })).json().id;
    mario = (await organiser.post(api('/interpreters'), { name: 'Mario', languages: ['it', 'en'] })).json().id;
    const other = await signedUpClient(ctx);
    platform = other.client;
    await ctx.db.query(`update users set roles = '{organiser}' where id = $1`, [other.user.id]);
  });
  afterAll(async () => ctx.close());

  it('refuses hard-constraint violations with 409 in the caller’s language, and reports them live', async () => {
    const first = await organiser.post(api('/meetings'), { participantA: rossi.pid, participantB: chen.pid, slotId: slot(0), tableId: table(0) });
    expect(first.statusCode).toBe(201);

    const check = await organiser.post(api('/meetings/check'), { participantA: wang.pid, participantB: rossi.pid, slotId: slot(0), tableId: table(0) });
    expect(check.statusCode).toBe(200);
    const codes = check.json().violations.map((v: { code: string }) => v.code);
    expect(check.json().ok).toBe(false);
    expect(codes.sort()).toEqual(['interpreter_needed', 'participant_busy', 'table_taken']);
    expect(check.json().violations.find((v: { code: string }) => v.code === 'participant_busy').message).toBe('Lanificio Rossi already has a meeting in this slot.');

    // The same placement written for real: 409 problem+json, messages in Italian for an Italian caller.
    const refused = await inItalian(organiser, api('/meetings'), { participantA: wang.pid, participantB: rossi.pid, slotId: slot(0), tableId: table(1), interpreterId: liNa });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().type).toBe('https://ponte.dev/problems/meeting-participant-busy');
    expect(refused.json().errors).toEqual([{ path: 'slotId', code: 'participant_busy', message: 'Lanificio Rossi ha già un incontro in questa fascia oraria.' }]);

    const wrongInterpreter = await organiser.post(api('/meetings/check'), { participantA: wang.pid, participantB: rossi.pid, slotId: slot(1), tableId: table(0), interpreterId: mario });
    expect(wrongInterpreter.json().violations.map((v: { code: string }) => v.code)).toEqual(['interpreter_languages']);

    await wang.client.patch(api(`/participants/${wang.pid}`), { availableSlotIds: [slot(0), slot(1), slot(2), slot(3)] });
    const unavailable = await organiser.post(api('/meetings/check'), { participantA: wang.pid, participantB: rossi.pid, slotId: slot(5), tableId: table(0), interpreterId: liNa });
    expect(unavailable.json().violations.map((v: { code: string; message: string }) => v.message)).toEqual(['王氏羊绒 is not available in this slot.']);

    const ok = await organiser.post(api('/meetings'), { participantA: wang.pid, participantB: rossi.pid, slotId: slot(1), tableId: table(0), interpreterId: liNa, pinned: false });
    expect(ok.statusCode).toBe(201);
    const busyInterpreter = await organiser.post(api('/meetings/check'), { participantA: wang.pid, participantB: bianchi.pid, slotId: slot(1), tableId: table(1), interpreterId: liNa });
    expect(busyInterpreter.json().violations.map((v: { code: string }) => v.code)).toEqual(['participant_busy', 'interpreter_busy']);

    // Rossi's maximum is 3: two now, a third is fine, a fourth is not.
    expect((await organiser.post(api('/meetings'), { participantA: rossi.pid, participantB: bianchi.pid, slotId: slot(2), tableId: table(0), pinned: false })).statusCode).toBe(201);
    await organiser.patch(api(`/participants/${rossi.pid}`), { maxMeetings: 2 });
    const atMax = await organiser.post(api('/meetings/check'), { participantA: rossi.pid, participantB: wang.pid, slotId: slot(3), tableId: table(0), interpreterId: liNa });
    expect(atMax.json().violations.map((v: { code: string }) => v.code)).toContain('max_meetings');
    await organiser.patch(api(`/participants/${rossi.pid}`), { maxMeetings: 3 });

    // A pinned meeting moves only when the organiser says what becomes of the pin.
    const pinned = first.json().id as string;
    const silent = await organiser.patch(api(`/meetings/${pinned}`), { slotId: slot(4) });
    expect(silent.statusCode).toBe(409);
    expect(silent.json().errors.map((e: { code: string }) => e.code)).toEqual(['pinned']);
    const liveCheck = await organiser.post(api('/meetings/check'), { meetingId: pinned, slotId: slot(4), tableId: table(0) });
    expect(liveCheck.json().violations.map((v: { code: string }) => v.code)).toEqual(['pinned']);
    const moved = await organiser.patch(api(`/meetings/${pinned}`), { slotId: slot(4), pinned: true });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ slotId: slot(4), pinned: true, sequence: 1 });
    expect((await rossi.client.post(api('/meetings/check'), { meetingId: pinned, slotId: slot(4), tableId: table(0) })).statusCode).toBe(403);
  });

  it('swaps two meetings in one transaction, keeping interpreters valid', async () => {
    const all = await meetings();
    const interpreted = all.find((m) => m.interpreterId === liNa)!; // Wang–Rossi, slot 1, T1
    const plain = (await organiser.post(api('/meetings'), { participantA: chen.pid, participantB: bianchi.pid, slotId: slot(3), tableId: table(1), pinned: false })).json() as MeetingDto;
    const res = await organiser.post(api('/meetings/swap'), { a: interpreted.id, b: plain.id });
    expect(res.statusCode).toBe(200);
    const after = res.json().items as MeetingDto[];
    expect(after.find((m) => m.id === interpreted.id)).toMatchObject({ slotId: slot(3), tableId: table(1), interpreterId: liNa, sequence: interpreted.sequence + 1 });
    expect(after.find((m) => m.id === plain.id)).toMatchObject({ slotId: slot(1), tableId: table(0), interpreterId: null });
    // A pinned meeting is not swapped.
    const pinned = after.find((m) => m.pinned)!;
    const refused = await organiser.post(api('/meetings/swap'), { a: pinned.id, b: plain.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors.map((e: { code: string }) => e.code)).toContain('pinned');
  });

  it('checks participants in and records meetings as held or missed', async () => {
    const arrived = await organiser.post(api(`/participants/${wang.pid}/check-in`), { checkedIn: true });
    expect(arrived.statusCode).toBe(200);
    expect(arrived.json().checkedInAt).toBe(ctx.now.value.toISOString());
    expect((await wang.client.post(api(`/participants/${wang.pid}/check-in`), { checkedIn: true })).statusCode).toBe(403);
    expect((await organiser.post(api(`/participants/${wang.pid}/check-in`), { checkedIn: false })).json().checkedInAt).toBeNull();

    const m = (await meetings()).find((x) => x.participantIds.includes(chen.pid) && x.participantIds.includes(bianchi.pid))!;
    const held = await organiser.patch(api(`/meetings/${m.id}`), { status: 'held' });
    expect(held.json().status).toBe('held');
    // History does not move.
    expect((await organiser.patch(api(`/meetings/${m.id}`), { slotId: slot(5) })).statusCode).toBe(409);
    expect((await organiser.patch(api(`/meetings/${m.id}`), { status: 'scheduled' })).json().status).toBe('scheduled');
  });

  it('lets exactly one of two organisers take a table or a person in one slot at once', async () => {
    await wang.client.patch(api(`/participants/${wang.pid}`), { availableSlotIds: null });
    const all = await meetings();
    const free = (k: number, pid: string) => !all.some((m) => m.slotId === slot(k) && m.participantIds.includes(pid) && m.status !== 'cancelled');
    const k = [6, 7, 8, 9].find((x) => free(x, chen.pid) && free(x, bianchi.pid) && free(x, rossi.pid) && free(x, wang.pid))!;
    const movable = all.find((m) => m.participantIds.includes(chen.pid) && m.participantIds.includes(bianchi.pid))!;
    // One moves Chen–Bianchi to (k, T3) while the other adds Wang–Chen there.
    const [x, y] = await Promise.all([
      organiser.patch(api(`/meetings/${movable.id}`), { slotId: slot(k), tableId: table(2) }),
      platform.post(api('/meetings'), { participantA: wang.pid, participantB: chen.pid, slotId: slot(k), tableId: table(2), pinned: false }),
    ]);
    // Whichever commits first wins (on PostgreSQL either may); the other gets 409.
    expect([x.statusCode === 200, y.statusCode === 201].filter(Boolean)).toHaveLength(1);
    const loser = x.statusCode === 409 ? x : y;
    expect(loser.statusCode).toBe(409);
    expect(loser.json().type).toMatch(/^https:\/\/ponte\.dev\/problems\/meeting-(table-taken|participant-busy)$/);
    const atTable = (await meetings()).filter((m) => m.slotId === slot(k) && m.tableId === table(2) && m.status !== 'cancelled');
    expect(atTable).toHaveLength(1);

    // The same person twice in one slot, at different tables, by two organisers at once.
    const k2 = [10, 11].find((z) => free(z, wang.pid) && free(z, chen.pid))!;
    const [p, q] = await Promise.all([
      organiser.post(api('/meetings'), { participantA: quarta.pid, participantB: wang.pid, slotId: slot(k2), tableId: table(0), pinned: false }),
      platform.post(api('/meetings'), { participantA: quarta.pid, participantB: chen.pid, slotId: slot(k2), tableId: table(1), pinned: false }),
    ]);
    expect([p.statusCode, q.statusCode].sort()).toEqual([201, 409]);
    expect((p.statusCode === 409 ? p : q).json().type).toBe('https://ponte.dev/problems/meeting-participant-busy');
    const seats = await ctx.db.query<{ n: number }>('select count(*) as n from event_meeting_seats where participant_id = $1 and slot_id = $2', [quarta.pid, slot(k2)]);
    expect(Number(seats.rows[0]!.n)).toBe(1);
  });

  it('publishes the schedule and notifies everyone in their own language, in-app and by e-mail', async () => {
    const published = await organiser.post(api('/publish'));
    expect(published.statusCode).toBe(200);
    expect(published.json().schedulePublishedAt).toBe(ctx.now.value.toISOString());
    expect((await rossi.client.post(api('/publish'))).statusCode).toBe(403);

    const list = (await wang.client.get('/api/v1/notifications')).json();
    const note = list.items.find((n: { kind: string }) => n.kind === 'schedule_published');
    expect(note.title).toBe('杭州对接会日程已发布');
    expect(note.link).toBe(`/events/${event.id}/me`);
    expect(list.unread).toBeGreaterThanOrEqual(1);
    // Rendered at read time: the same notification in Italian when the reader switches language.
    const italian = (await wang.client.get('/api/v1/notifications', { 'x-ponte-locale': 'it' })).json().items.find((n: { id: string }) => n.id === note.id);
    expect(italian.title).toBe('È uscito il programma di Missione a Hangzhou');

    const mails = (await readOutbox(ctx.outboxDir, wang.email)).map(mailText);
    expect(mails.some((m) => m.includes('您在杭州对接会的日程已就绪') && m.includes(`http://ponte.test/events/${event.id}/me`))).toBe(true);
    expect((await readOutbox(ctx.outboxDir, rossi.email)).map(mailText).some((m) => m.includes('La vostra agenda per Missione a Hangzhou è pronta'))).toBe(true);

    // After publication a move tells both sides, with the new time in their zone and language.
    const m = (await meetings()).find((x) => x.participantIds.includes(wang.pid) && x.status === 'scheduled' && !x.pinned)!;
    const all = await meetings();
    const to = [0, 1, 2, 3].find((k) => k !== event.slots.findIndex((s) => s.id === m.slotId) && !all.some((z) => z.slotId === slot(k) && z.participantIds.some((p) => m.participantIds.includes(p) || false)))!;
    const moved = await organiser.patch(api(`/meetings/${m.id}`), { slotId: slot(to), tableId: table(2) });
    expect(moved.statusCode).toBe(200);
    const movedNote = (await wang.client.get('/api/v1/notifications')).json().items.find((n: { kind: string }) => n.kind === 'meeting_moved');
    expect(movedNote.body).toContain('桌号T3');
    expect(movedNote.body).toContain('4月14日');

    const read = await wang.client.post('/api/v1/notifications/read', { ids: [movedNote.id] });
    expect(read.json().unread).toBe((await wang.client.get('/api/v1/notifications')).json().unread);
    expect((await wang.client.post('/api/v1/notifications/read', {})).json().unread).toBe(0);
    expect((await wang.client.get('/api/v1/notifications')).json().items.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
  });

  it('tells the asked side about a meeting request and the asker about the answer', async () => {
    const ask = await chen.client.post(api('/requests'), { fromParticipantId: chen.pid, toParticipantId: rossi.pid, message: 'Seta' });
    expect(ask.statusCode).toBe(201);
    const received = (await rossi.client.get('/api/v1/notifications')).json().items.find((n: { kind: string }) => n.kind === 'meeting_request_received');
    expect(received).toMatchObject({ kind: 'meeting_request_received', title: '陈氏丝绸 vorrebbe incontrarvi', readAt: null });
    await rossi.client.post(api(`/requests/${ask.json().id}/decline`));
    const answered = (await chen.client.get('/api/v1/notifications')).json().items.find((n: { kind: string }) => n.kind === 'meeting_request_declined');
    expect(answered.title).toBe('Lanificio Rossi谢绝了您的会谈请求');
  });

  it('reminds each person once the day before, with all of that day’s meetings in one message', async () => {
    // 13:00 in Hangzhou on the day before: past the reminder hour there.
    ctx.now.value = new Date(new Date(event.slots[0]!.startsAt).getTime() - 20 * 3_600_000);
    const sent = await ctx.services.events.remindUpcomingMeetings();
    expect(sent).toBeGreaterThan(0);
    expect(await ctx.services.events.remindUpcomingMeetings()).toBe(0);
    const reminders = (await rossi.client.get('/api/v1/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'day_reminder');
    const mine = (await meetings()).filter((m) => m.participantIds.includes(rossi.pid) && m.status === 'scheduled');
    expect(mine.length).toBeGreaterThan(1);
    expect(reminders).toHaveLength(1);
    expect(reminders[0].title).toBe(`Domani a Missione a Hangzhou: ${mine.length} incontri`);
    expect(reminders[0].body.split('\n')).toHaveLength(mine.length + 1);
    const mails = (await readOutbox(ctx.outboxDir, rossi.email)).map(mailText).filter((t) => t.includes('I vostri incontri di martedì 14 aprile'));
    expect(mails).toHaveLength(1);
  });

  it('collects feedback after a meeting from its own sides and summarises it for the organiser', async () => {
    const m = (await meetings()).find((x) => x.participantIds.includes(wang.pid) && x.participantIds.includes(rossi.pid))!;
    const body = { participantId: wang.pid, rating: 4, continue: true, expectAgreement: false, comment: '很有收获' };
    const early = await wang.client.post(api(`/meetings/${m.id}/feedback`), body);
    expect(early.statusCode).toBe(409);
    expect(early.json().title).toBe('尚不能提交反馈');
    ctx.now.value = new Date('2026-04-14T12:00:00Z');
    expect((await wang.client.post(api(`/meetings/${m.id}/feedback`), body)).statusCode).toBe(200);
    const again = await wang.client.post(api(`/meetings/${m.id}/feedback`), { ...body, rating: 5, expectAgreement: true });
    expect(again.json()).toMatchObject({ rating: 5, expectAgreement: true, comment: '很有收获' });
    expect((await rossi.client.post(api(`/meetings/${m.id}/feedback`), body)).statusCode).toBe(403);
    await rossi.client.post(api(`/meetings/${m.id}/feedback`), { participantId: rossi.pid, rating: 3, continue: false, expectAgreement: false });
    const summary = (await organiser.get(api('/feedback'))).json();
    expect(summary.summary).toEqual({ count: 2, averageRating: 4, continueShare: 0.5, expectAgreementShare: 0.5 });

    const agenda = (await wang.client.get(api(`/agenda?participant=${wang.pid}`))).json();
    const item = agenda.items.find((i: { meetingId: string }) => i.meetingId === m.id);
    expect(item.feedback).toEqual({ rating: 5, continue: true, expectAgreement: true, comment: '很有收获' });
    expect(item.why).toContain('翻译Li Na将协助双方沟通。');
  });

  it('recommends whom to meet among the event’s approved participants', async () => {
    await ctx.services.matching.ready();
    const res = await rossi.client.get(api(`/recommendations?participant=${rossi.pid}`));
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ participantId: string; reasons: string[]; requested: boolean }>;
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect([wang.pid, chen.pid, bianchi.pid, quarta.pid]).toContain(i.participantId);
    // The organiser's meeting Rossi–Chen made an accepted request; nobody asked Tessitura Quarta.
    expect(items.find((i) => i.participantId === chen.pid)?.requested ?? true).toBe(true);
    expect(items.find((i) => i.participantId === quarta.pid)?.requested ?? false).toBe(false);
    expect((await wang.client.get(api(`/recommendations?participant=${rossi.pid}`))).statusCode).toBe(403);
  });

  it('re-places a late participant’s missed meetings later, moving as few others as possible', async () => {
    // Bianchi arrives at slot 6: their scheduled meetings before it were missed.
    ctx.now.value = new Date(event.slots[6]!.startsAt);
    const before = await meetings();
    const missed = before.filter((m) => m.participantIds.includes(bianchi.pid) && m.status === 'scheduled' && event.slots.findIndex((s) => s.id === m.slotId) < 6);
    expect(missed.length).toBeGreaterThan(0);
    const res = await organiser.post(api(`/participants/${bianchi.pid}/reschedule`), {});
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out.moved + out.cancelled).toBeGreaterThanOrEqual(missed.length);
    const after = out.meetings as MeetingDto[];
    // The remaining afternoon has room: the missed meeting is held later instead of lost.
    expect(after.filter((m) => missed.some((x) => x.id === m.id) && m.status === 'scheduled')).toHaveLength(missed.length);
    expect(out).toMatchObject({ cancelled: 0, kept: before.filter((m) => m.participantIds.includes(bianchi.pid) && m.status === 'scheduled').length - missed.length });
    for (const m of missed) {
      const now = after.find((x) => x.id === m.id);
      if (now?.status === 'scheduled') expect(event.slots.findIndex((s) => s.id === now.slotId)).toBeGreaterThanOrEqual(6);
      else expect(now?.status).toBe('no_show');
    }
    // Nothing else moved into the past, pinned meetings stayed, and the schedule is valid.
    for (const m of before.filter((x) => x.pinned)) expect(after.find((x) => x.id === m.id)).toMatchObject({ slotId: m.slotId, tableId: m.tableId });
    const ei = await ctx.services.events.instanceFor(event.id);
    const tableNo = new Map(event.tables.map((t, k) => [t.id, k + 1]));
    const live = after.filter((m) => m.status !== 'cancelled' && ei.pairs.has(m.requestId));
    const problems = validateSchedule({ ...ei.instance, participants: ei.instance.participants.map((p) => ({ ...p, available: undefined })) }, { meetings: live.map((m) => ({ request: m.requestId, slot: m.slotId, table: tableNo.get(m.tableId)!, interpreter: m.interpreterId })) });
    expect(problems).toEqual([]);
  });

  it('prints the agenda as a PDF with Chinese and Italian names and the date in the reader’s language', async () => {
    const res = await wang.client.get(api(`/participants/${wang.pid}/agenda.pdf`), { 'x-ponte-locale': 'it' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Missione a Hangzhou');
    expect(text).toContain('王氏羊绒');
    expect(text).toContain('Lanificio Rossi');
    expect(text).toContain('martedì 14 aprile 2026');
    const zh = await pdfText((await wang.client.get(api(`/participants/${wang.pid}/agenda.pdf`))).rawPayload);
    expect(zh).toContain('2026年4月14日星期二');
    expect(zh).toContain('翻译：Li Na');
    expect(res.rawPayload.length).toBeLessThan(400_000);
    const { client: stranger } = await signedUpClient(ctx);
    expect((await stranger.get(api(`/participants/${wang.pid}/agenda.pdf`))).statusCode).toBe(403);
  });
});
