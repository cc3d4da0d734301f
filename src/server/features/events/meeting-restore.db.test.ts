import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox, signedUpClient } from '../../test-support/factories';
import { DB_KINDS, type TestClient, createTestContext, type TestContext } from '../../test-support/test-context';
import { type EventSide, hangzhouEvent, mailText, type MeetingDto, registerSide } from './event-test-support';

type Side = EventSide;

/** The VEVENT of one meeting in an iCal feed, unfolded. */
function vevent(ics: string, meetingId: string): string[] {
  const lines = ics.replace(/\r\n /g, '').split('\r\n');
  const events: string[][] = [];
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') events.push([]);
    else if (events.length > 0 && line !== 'END:VEVENT') events.at(-1)!.push(line);
  }
  const mine = events.filter((e) => e.includes(`UID:meeting-${meetingId}@ponte`));
  expect(mine).toHaveLength(1);
  return mine[0]!;
}

describe.each(DB_KINDS)('restoring cancelled meetings and checking swaps on %s', (kind) => {
  let ctx: TestContext;
  let organiser: TestClient;
  let second: TestClient; // another organiser, for concurrent writes
  let rossi: Side; // it, en
  let wang: Side; // zh
  let chen: Side; // zh, en
  let bianchi: Side; // it, en
  let quarta: Side; // it, en
  let zhou: Side; // zh
  let verdi: Side; // it
  let event: { id: string; slots: Array<{ id: string; startsAt: string }>; tables: Array<{ id: string; name: string }> };
  let liNa: string;
  const api = (path: string) => `/api/v1/events/${event.id}${path}`;
  const slot = (k: number) => event.slots[k]!.id;
  const table = (k: number) => event.tables[k]!.id;
  const meetings = async () => (await organiser.get(api('/meetings'))).json().items as MeetingDto[];
  const add = async (a: Side, b: Side, k: number, t: number, extra: Record<string, unknown> = {}) => {
    const res = await organiser.post(api('/meetings'), { participantA: a.pid, participantB: b.pid, slotId: slot(k), tableId: table(t), ...extra });
    expect(res.statusCode).toBe(201);
    return res.json() as MeetingDto;
  };
  const kindsOf = async (c: TestClient) => ((await c.get('/api/v1/notifications')).json().items as Array<{ kind: string }>).map((n) => n.kind);

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    ({ organiser, event } = await hangzhouEvent<typeof event>(
      ctx,
      { days: ['2026-04-14'], sessions: [{ session: 'morning', start: '09:00', end: '12:00' }], slotMinutes: 30 },
      [{ name: 'T1' }, { name: 'T2' }],
    ));
    const side = async (locale: 'it' | 'zh' | 'en', org: Record<string, unknown>): Promise<Side> => (await registerSide(ctx, event.id, locale, org)).side;
    rossi = await side('it', { names: { it: 'Lanificio Rossi' }, languages: ['it', 'en'] });
    wang = await side('zh', { names: { zh: '王氏羊绒' }, country: 'CN', languages: ['zh'] });
    chen = await side('en', { names: { zh: '陈氏丝绸', en: 'Chen Silk' }, country: 'CN', languages: ['zh', 'en'] });
    bianchi = await side('it', { names: { it: 'Maglificio Bianchi' }, languages: ['it', 'en'] });
    quarta = await side('it', { names: { it: 'Tessitura Quarta' }, languages: ['it', 'en'] });
    zhou = await side('zh', { names: { zh: '周氏纺织' }, country: 'CN', languages: ['zh'] });
    verdi = await side('it', { names: { it: 'Filatura Verdi' }, languages: ['it'] });
    liNa = (await organiser.post(api('/interpreters'), { name: 'Li Na', languages: ['it', 'zh'] })).json().id;
    const other = await signedUpClient(ctx);
    second = other.client;
    await ctx.db.query(`update users set roles = '{organiser}' where id = $1`, [other.user.id]);
  });
  afterAll(async () => ctx.close());

  it('undoes a cancellation with the same meeting: same id, place, interpreter and pin; iCal UID kept, SEQUENCE higher', async () => {
    const m = await add(rossi, wang, 0, 0, { interpreterId: liNa });
    expect(m).toMatchObject({ pinned: true, sequence: 0 });
    const cancelled = (await organiser.post(api(`/meetings/${m.id}/cancel`))).json() as MeetingDto;
    expect(cancelled).toMatchObject({ id: m.id, status: 'cancelled', pinned: false, sequence: 1 });
    const icsCancelled = vevent((await rossi.client.get(api(`/participants/${rossi.pid}/agenda.ics`))).body, m.id);
    expect(icsCancelled).toEqual(expect.arrayContaining(['STATUS:CANCELLED', 'SEQUENCE:1']));

    const restored = await organiser.post(api(`/meetings/${m.id}/restore`));
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toEqual({ ...m, status: 'scheduled', pinned: true, sequence: 2 });
    const ics = vevent((await rossi.client.get(api(`/participants/${rossi.pid}/agenda.ics`))).body, m.id);
    expect(ics).toEqual(expect.arrayContaining(['STATUS:CONFIRMED', 'SEQUENCE:2']));
    // One row for the pair, seated again: the restored meeting blocks both sides' slot.
    expect((await meetings()).filter((x) => x.requestId === m.requestId)).toHaveLength(1);
    const seats = await ctx.db.query<{ participant_id: string }>('select participant_id from event_meeting_seats where meeting_id = $1 order by participant_id', [m.id]);
    expect(seats.rows.map((r) => r.participant_id)).toEqual([rossi.pid, wang.pid].sort());
    const busy = await organiser.post(api('/meetings/check'), { participantA: rossi.pid, participantB: bianchi.pid, slotId: slot(0), tableId: table(1) });
    expect(busy.json().violations.map((v: { code: string }) => v.code)).toEqual(['participant_busy']);

    // Before publication nobody heard of the cancellation, so nobody hears of the undo either.
    for (const s of [rossi, wang]) {
      expect((await kindsOf(s.client)).filter((k) => k.startsWith('meeting_'))).toEqual([]);
      expect(await readOutbox(ctx.outboxDir, s.email)).toHaveLength(1); // the welcome mail only
    }

    const again = await organiser.request('POST', api(`/meetings/${m.id}/restore`), undefined, { 'x-ponte-locale': 'it' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ type: 'https://ponte.dev/problems/meeting-not-cancelled', title: 'Incontro non annullato' });
    expect((await rossi.client.post(api(`/meetings/${m.id}/restore`))).statusCode).toBe(403);
  });

  it('refuses a restore whose place is gone, naming the violations in the caller’s language', async () => {
    const m = await add(bianchi, chen, 1, 0, { pinned: false });
    await organiser.post(api(`/meetings/${m.id}/cancel`));
    await add(chen, rossi, 1, 0, { pinned: false }); // takes the table and Chen's slot
    const refused = await organiser.request('POST', api(`/meetings/${m.id}/restore`), undefined, { 'x-ponte-locale': 'it' });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().errors.map((e: { code: string }) => e.code)).toEqual(['table_taken', 'participant_busy']);
    expect(refused.json().errors[0].message).toBe('Un altro incontro occupa già questo tavolo in questa fascia oraria.');
    expect((await meetings()).find((x) => x.id === m.id)).toMatchObject({ status: 'cancelled', sequence: 1 });

    // The pair was given another meeting meanwhile: restoring the old one would make two.
    const old = await add(wang, bianchi, 2, 0, { interpreterId: liNa, pinned: false });
    await organiser.post(api(`/meetings/${old.id}/cancel`));
    await add(wang, bianchi, 3, 1, { interpreterId: liNa, pinned: false });
    const twice = await organiser.post(api(`/meetings/${old.id}/restore`));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().type).toBe('https://ponte.dev/problems/meeting-exists');
  });

  it('after publication tells both sides that a restored or added meeting is on, in their language', async () => {
    expect((await organiser.post(api('/publish'))).statusCode).toBe(200);
    const m = (await meetings()).find((x) => x.participantIds.includes(rossi.pid) && x.participantIds.includes(wang.pid))!;
    await organiser.post(api(`/meetings/${m.id}/cancel`));
    expect((await organiser.post(api(`/meetings/${m.id}/restore`))).statusCode).toBe(200);
    const zh = (await wang.client.get('/api/v1/notifications')).json().items.find((n: { kind: string }) => n.kind === 'meeting_restored');
    expect(zh.title).toBe('您与Lanificio Rossi的会谈已恢复');
    expect(zh.body).toContain('4月14日');
    expect(zh.body).toContain('桌号T1');
    const it_ = (await rossi.client.get('/api/v1/notifications')).json().items.find((n: { kind: string }) => n.kind === 'meeting_restored');
    expect(it_.title).toBe("L'incontro con 王氏羊绒 è di nuovo in programma");
    const mails = (await readOutbox(ctx.outboxDir, rossi.email)).map(mailText);
    expect(mails.filter((t) => t.includes('ha ripristinato il vostro incontro con 王氏羊绒'))).toHaveLength(1);

    await add(quarta, chen, 4, 0, { pinned: false });
    const added = (await chen.client.get('/api/v1/notifications')).json().items.find((n: { kind: string }) => n.kind === 'meeting_added');
    expect(added.title).toBe('New meeting with Tessitura Quarta');
    expect(added.body).toContain('table T1');
  });

  it('lets exactly one of a restore and a concurrent add take the cell', async () => {
    const m = (await meetings()).find((x) => x.participantIds.includes(quarta.pid) && x.participantIds.includes(chen.pid))!;
    await organiser.post(api(`/meetings/${m.id}/cancel`));
    const [restore, other] = await Promise.all([
      organiser.post(api(`/meetings/${m.id}/restore`)),
      second.post(api('/meetings'), { participantA: verdi.pid, participantB: bianchi.pid, slotId: slot(4), tableId: table(0), pinned: false }),
    ]);
    // Whichever commits first wins (on PostgreSQL either may); the other gets 409.
    expect([restore.statusCode === 200, other.statusCode === 201].filter(Boolean)).toHaveLength(1);
    expect((restore.statusCode === 200 ? other : restore).statusCode).toBe(409);
    const atCell = (await meetings()).filter((x) => x.slotId === slot(4) && x.tableId === table(0) && x.status !== 'cancelled');
    expect(atCell).toHaveLength(1);
  });

  it('checks a swap as a whole with the swap’s own rule, and the swap write agrees', async () => {
    // x needs an interpreter (Chinese–Italian); y does not.
    const x = await add(zhou, quarta, 5, 0, { interpreterId: liNa, pinned: false });
    const y = await add(verdi, rossi, 2, 1, { pinned: false });
    const ok = await organiser.post(api('/meetings/check'), { meetingId: x.id, swapWith: y.id });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ok: true, violations: [] });

    // Li Na interprets Wang–Bianchi in slot 3: she cannot follow x there, and nobody else speaks Italian and Chinese.
    expect((await meetings()).some((m) => m.slotId === slot(3) && m.interpreterId === liNa && m.status === 'scheduled')).toBe(true);
    const y3 = await add(verdi, quarta, 3, 0, { pinned: false });
    const checked = await organiser.request('POST', api('/meetings/check'), { meetingId: x.id, swapWith: y3.id }, { 'x-ponte-locale': 'zh' });
    expect(checked.json().ok).toBe(false);
    expect(checked.json().violations).toEqual([{ code: 'interpreter_busy', message: '翻译Li Na在该时段已有会谈。', meetingId: x.id }]);
    const written = await organiser.request('POST', api('/meetings/swap'), { a: x.id, b: y3.id }, { 'x-ponte-locale': 'zh' });
    expect(written.statusCode).toBe(409);
    expect(written.json().errors).toEqual([{ path: 'interpreterId', code: 'interpreter_busy', message: '翻译Li Na在该时段已有会谈。' }]);

    // A second Italian–Chinese interpreter makes the swap possible: the check says so, and the write re-assigns her.
    const wu = (await organiser.post(api('/interpreters'), { name: 'Wu Fang', languages: ['zh', 'it'] })).json().id as string;
    expect((await organiser.post(api('/meetings/check'), { meetingId: x.id, swapWith: y3.id })).json()).toEqual({ ok: true, violations: [] });
    const swapped = await organiser.post(api('/meetings/swap'), { a: x.id, b: y3.id });
    expect(swapped.statusCode).toBe(200);
    expect(swapped.json().items.find((m: MeetingDto) => m.id === x.id)).toMatchObject({ slotId: slot(3), tableId: table(0), interpreterId: wu });

    // Held meetings are history; a swap body is exactly two meeting ids.
    await organiser.patch(api(`/meetings/${y.id}`), { status: 'held' });
    expect((await organiser.post(api('/meetings/check'), { meetingId: x.id, swapWith: y.id })).statusCode).toBe(409);
    expect((await organiser.post(api('/meetings/check'), { meetingId: x.id, swapWith: y.id, slotId: slot(0) })).statusCode).toBe(400);
    expect((await organiser.post(api('/meetings/check'), { meetingId: x.id, swapWith: x.id })).statusCode).toBe(400);
  });
});
