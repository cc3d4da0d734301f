import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../../test-support/factories';
import { DB_KINDS, type TestClient, createTestContext, type TestContext } from '../../test-support/test-context';
import { type EventSide, hangzhouEvent, mailText, registerSide } from './event-test-support';

type Side = EventSide;
interface Note {
  kind: string;
  title: string;
  body: string;
}

/**
 * A two-day Hangzhou event (Asia/Shanghai, UTC+8) on 14–15 April 2026 with an Italian firm
 * joining remotely from Rome (UTC+2 then): each person gets one reminder per event day, on the
 * day before after 09:00 in their own zone, listing that day's meetings.
 */
describe.each(DB_KINDS)('day-before reminders on %s', (kind) => {
  let ctx: TestContext;
  let organiser: TestClient;
  let wang: Side; // zh, on site
  let chen: Side; // en reader, on site
  let rossi: Side; // it, remote from Rome
  let zhou: Side; // zh, on site
  let bianchi: Side; // it, on site
  let event: { id: string; slots: Array<{ id: string; startsAt: string; day: string }>; tables: Array<{ id: string; name: string }> };
  let liNa: string;
  const api = (path: string) => `/api/v1/events/${event.id}${path}`;
  const slotAt = (iso: string) => event.slots.find((s) => s.startsAt === iso)!.id;
  const remind = () => ctx.services.events.remindUpcomingMeetings();
  // English time ranges put thin spaces around the dash (Intl); read as plain spaces here.
  const reminders = async (c: TestClient) =>
    ((await c.get('/api/v1/notifications')).json().items as Note[]).filter((n) => n.kind === 'day_reminder').map((n) => ({ ...n, body: n.body.replace(/[\u2009\u202f]/g, ' ') }));
  const add = async (a: Side, b: Side, startsAt: string, table: number, extra: Record<string, unknown> = {}) => {
    const res = await organiser.post(api('/meetings'), { participantA: a.pid, participantB: b.pid, slotId: slotAt(startsAt), tableId: event.tables[table]!.id, pinned: false, ...extra });
    expect(res.statusCode).toBe(201);
  };

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    ({ organiser, event } = await hangzhouEvent<typeof event>(
      ctx,
      { days: ['2026-04-14', '2026-04-15'], sessions: [{ session: 'morning', start: '09:00', end: '12:00' }, { session: 'afternoon', start: '14:00', end: '18:00' }], slotMinutes: 30 },
      [{ name: 'T1' }, { name: 'T2' }],
    ));
    const side = async (locale: 'it' | 'zh' | 'en', org: Record<string, unknown>, settings: Record<string, unknown> = {}): Promise<Side> => {
      const { side: registered, registration } = await registerSide(ctx, event.id, locale, org, settings);
      expect(registration.statusCode).toBe(201);
      return registered;
    };
    wang = await side('zh', { names: { zh: '王氏羊绒' }, country: 'CN', languages: ['zh'] });
    chen = await side('en', { names: { zh: '陈氏丝绸', en: 'Chen Silk' }, country: 'CN', languages: ['zh', 'en'] });
    rossi = await side('it', { names: { it: 'Lanificio Rossi' }, languages: ['it', 'en'] }, { attendance: 'remote', timeZone: 'Europe/Rome' });
    zhou = await side('zh', { names: { zh: '周氏纺织' }, country: 'CN', languages: ['zh'] });
    bianchi = await side('it', { names: { it: 'Maglificio Bianchi' }, languages: ['it', 'en'] });
    liNa = (await organiser.post(api('/interpreters'), { name: 'Li Na', languages: ['it', 'zh'] })).json().id;

    // 14 April: Wang meets Chen at 09:00 and Rossi (remote, 08:00 in Rome) at 14:00 with Li Na;
    // Rossi meets Chen at 15:00. 15 April: Chen meets Zhou at 10:00 and Bianchi at 11:00.
    await add(wang, chen, '2026-04-14T01:00:00.000Z', 0);
    await add(wang, rossi, '2026-04-14T06:00:00.000Z', 0, { interpreterId: liNa });
    await add(rossi, chen, '2026-04-14T07:00:00.000Z', 1);
    await add(chen, zhou, '2026-04-15T02:00:00.000Z', 1);
    await add(chen, bianchi, '2026-04-15T03:00:00.000Z', 0);
  });
  afterAll(async () => ctx.close());

  it('sends nothing before the schedule is published, nor before 09:00 on the day before', async () => {
    ctx.now.value = new Date('2026-04-13T01:30:00Z'); // 09:30 in Hangzhou
    expect(await remind()).toBe(0);
    expect((await organiser.post(api('/publish'))).statusCode).toBe(200);
    ctx.now.value = new Date('2026-04-13T00:55:00Z'); // 08:55 in Hangzhou
    expect(await remind()).toBe(0);
  });

  it('sends one reminder per person for the day, in their language and zone, once even with two jobs at once', async () => {
    ctx.now.value = new Date('2026-04-13T01:05:00Z'); // 09:05 in Hangzhou, 03:05 in Rome
    const [x, y] = await Promise.all([remind(), remind()]);
    expect(x + y).toBe(2); // Wang and Chen; Rossi's morning has not begun
    expect(await remind()).toBe(0);

    const [zh] = await reminders(wang.client);
    expect(await reminders(wang.client)).toHaveLength(1);
    expect(zh!.title).toBe('明天杭州对接会：2场会谈');
    expect(zh!.body.split('\n')).toEqual([
      '4月14日星期二您在杭州对接会的会谈安排（时间为中国标准时间）：',
      '09:00–09:30 · 陈氏丝绸 · 桌号T1',
      '14:00–14:30 · Lanificio Rossi · 桌号T1 · 翻译：Li Na',
    ]);
    const [en] = await reminders(chen.client);
    expect(en!.title).toBe('Tomorrow at Hangzhou mission: 2 meetings');
    expect(en!.body).toContain('(times in China Standard Time)');
    expect(en!.body).toContain('15:00 – 15:30 · Lanificio Rossi · table T2');
    expect(await reminders(rossi.client)).toHaveLength(0);

    const mails = (await readOutbox(ctx.outboxDir, wang.email)).map(mailText).filter((t) => t.includes('会谈安排'));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain('14:00–14:30 · Lanificio Rossi');
  });

  it('tells about a meeting added after the reminder with its own notification, not a second reminder', async () => {
    await add(wang, zhou, '2026-04-14T08:00:00.000Z', 1);
    const notes = ((await wang.client.get('/api/v1/notifications')).json().items as Note[]).filter((n) => n.kind === 'meeting_added');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.title).toBe('新增与周氏纺织的会谈');
    // The next hour: Zhou, who had no meeting that day, now gets a reminder; Wang does not get a second.
    ctx.now.value = new Date('2026-04-13T02:05:00Z');
    expect(await remind()).toBe(1);
    expect(await reminders(wang.client)).toHaveLength(1);
    expect((await reminders(zhou.client))[0]!.title).toBe('明天杭州对接会：1场会谈');
  });

  it('reminds a remote participant at 09:00 in their own zone, with times there', async () => {
    ctx.now.value = new Date('2026-04-13T06:55:00Z'); // 08:55 in Rome
    expect(await remind()).toBe(0);
    ctx.now.value = new Date('2026-04-13T07:05:00Z'); // 09:05 in Rome
    expect(await remind()).toBe(1);
    const [it_] = await reminders(rossi.client);
    expect(it_!.title).toBe('Domani a Missione a Hangzhou: 2 incontri');
    expect(it_!.body.split('\n')).toEqual([
      'I vostri incontri di martedì 14 aprile a Missione a Hangzhou (fuso orario: Ora dell’Europa centrale):',
      '08:00–08:30 · 王氏羊绒 · tavolo T1 · interprete: Li Na',
      '09:00–09:30 · Chen Silk · tavolo T2', // Chen's Latin name for an Italian reader
    ]);
    expect((await readOutbox(ctx.outboxDir, rossi.email)).map(mailText).filter((t) => t.includes('I vostri incontri di'))).toHaveLength(1);
  });

  it('sends the next day’s reminder on the day before it, without cancelled meetings', async () => {
    const cancelled = ((await organiser.get(api('/meetings'))).json().items as Array<{ id: string; participantIds: string[] }>).find((m) => m.participantIds.includes(bianchi.pid))!;
    expect((await organiser.post(api(`/meetings/${cancelled.id}/cancel`))).statusCode).toBe(200);
    ctx.now.value = new Date('2026-04-13T15:59:00Z'); // 23:59 in Hangzhou: the 15th is two days away
    expect(await remind()).toBe(0);
    ctx.now.value = new Date('2026-04-14T01:10:00Z'); // 09:10 on the 14th in Hangzhou
    expect(await remind()).toBe(2); // Chen and Zhou; Bianchi's only meeting is cancelled
    const [latest] = await reminders(chen.client);
    expect(latest!.title).toBe('Tomorrow at Hangzhou mission: 1 meeting');
    expect(latest!.body.split('\n')).toEqual(['Your meetings at Hangzhou mission on Wednesday, April 15 (times in China Standard Time):', '10:00 – 10:30 · 周氏纺织 · table T2']);
    expect(await reminders(chen.client)).toHaveLength(2);
    expect(await reminders(bianchi.client)).toHaveLength(0);
  });
});
