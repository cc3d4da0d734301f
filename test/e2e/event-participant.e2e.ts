import { request, type APIRequestContext, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { journey, shotPath } from './support';

/** A person using the API with their own cookies, as another browser would. */
interface ApiUser {
  api: APIRequestContext;
  post: <T = { id: string }>(path: string, data?: unknown) => Promise<T>;
  get: <T>(path: string) => Promise<T>;
}

async function apiUser(baseURL: string, locale: string, person: { email: string; displayName: string; timeZone: string }): Promise<ApiUser> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { 'x-ponte-locale': locale } });
  await api.get('/api/v1/auth/session');
  const csrf = () => api.storageState().then((s) => s.cookies.find((c) => c.name === 'ponte_csrf')!.value);
  const post = async <T,>(path: string, data: unknown = {}) => {
    const res = await api.post(`/api/v1${path}`, { data, headers: { 'x-csrf-token': await csrf() } });
    if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const get = async <T,>(path: string) => {
    const res = await api.get(`/api/v1${path}`);
    if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  await post('/auth/sign-up', { ...person, password: 'a long enough passphrase', locale });
  return { api, post, get } as ApiUser;
}

// A Hangzhou afternoon last March, before Europe's clocks changed: 14:00 in Hangzhou is 07:00 in Rome.
// The day is past, so the agenda already asks for feedback on the meeting.
const DAY = '2026-03-10';
const TITLE_IT = 'Missione a Hangzhou: moda e tessile';
const SILK = '杭州丝绸织造';

async function snap(page: Page, name: string): Promise<void> {
  const shot = shotPath(name);
  if (shot) await page.screenshot({ path: shot, fullPage: true });
}

const state = {} as { organiser: ApiUser; silk: ApiUser; eventId: string; silkParticipant: string; millId: string };

/** The organiser creates the event, a Hangzhou silk mill registers and is approved — all through the API. */
async function prepare(baseURL: string): Promise<void> {
  state.organiser = await apiUser(baseURL, 'en', { email: 'chiara@camera.example', displayName: 'Chiara Bianchi', timeZone: 'Europe/Rome' });
  const chamber = await state.organiser.post('/organisations', { kind: 'association', legalName: 'Camera di Commercio Italo-Cinese', names: { it: 'Camera di Commercio Italo-Cinese' }, country: 'IT' });
  const event = await state.organiser.post('/events', {
    organiserOrganisationId: chamber.id,
    title: { it: TITLE_IT, zh: '杭州经贸考察：时装与纺织', en: 'Hangzhou mission: fashion and textiles' },
    venue: 'Hangzhou International Expo Center',
    timeZone: 'Asia/Shanghai',
    approvalRequired: true,
    status: 'open',
    grid: { days: [DAY], sessions: [{ session: 'afternoon', start: '14:00', end: '17:00' }], slotMinutes: 30 },
    tables: [{ name: 'Tavolo 1' }, { name: 'Tavolo 2' }],
  });
  state.eventId = event.id;

  state.silk = await apiUser(baseURL, 'zh', { email: 'li@silk.example.cn', displayName: '李娜', timeZone: 'Asia/Shanghai' });
  const mill = await state.silk.post('/organisations', { kind: 'company', legalName: '杭州丝绸织造有限公司', names: { zh: SILK }, country: 'CN', languages: ['zh', 'en'] });
  state.millId = mill.id;
  const participant = await state.silk.post(`/events/${event.id}/participants`, { organisationId: mill.id, languages: ['zh', 'en'], attendance: 'on_site' });
  state.silkParticipant = participant.id;
  await state.organiser.post(`/events/${event.id}/participants/${participant.id}/approve`);
}

describe('an Italian firm joins a Hangzhou brokerage event remotely and gets its agenda', () => {
  const j = journey('it-IT', (server) => prepare(server.url));
  afterAll(async () => {
    await Promise.all([state.organiser?.api.dispose(), state.silk?.api.dispose()]);
  });

  it('registers, sets availability, asks for a meeting that is accepted, and reads the scheduled meeting in Italian and Rome time', async () => {
    const errors: string[] = [];
    const started = Date.now();
    const me = j.context.request;
    const session = await me.get('/api/v1/auth/session');
    let csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
    const signUp = await me.post('/api/v1/auth/sign-up', {
      headers: { 'x-csrf-token': csrf },
      data: { email: 'giulia@maglificio.example', password: 'a long enough passphrase', displayName: 'Giulia Conti', locale: 'it', timeZone: 'Europe/Rome' },
    });
    expect(signUp.status()).toBe(201);
    csrf = ((await signUp.json()) as { csrfToken: string | null }).csrfToken ?? csrf;
    const org = await me.post('/api/v1/organisations', {
      headers: { 'x-csrf-token': csrf },
      data: { kind: 'company', legalName: 'Maglificio Conti S.r.l.', names: { it: 'Maglificio Conti' }, country: 'IT' },
    });
    expect(org.status()).toBe(201);

    const page = await j.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Eventi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eventi' }).waitFor();
    await page.getByRole('link', { name: TITLE_IT }).click();

    // The event page: the event's hours in Hangzhou time, and the reader's own in Rome time.
    await page.getByRole('heading', { level: 1, name: TITLE_IT }).waitFor();
    await page.getByText(/^14:00\s*–\s*17:00 \(/).waitFor();
    await page.getByText(/^Per te: 07:00\s*–\s*10:00 \(/).waitFor();
    await page.getByText('10 marzo 2026').waitFor();

    // Register remotely, from Rome.
    const form = page.getByRole('form', { name: 'Iscrivi la mia organizzazione' });
    await form.getByLabel('inglese').check();
    await form.getByLabel('A distanza, dal mio fuso orario').check();
    expect(await form.getByLabel('Il tuo fuso orario').inputValue()).toBe('Europe/Rome');
    await form.getByRole('button', { name: 'Iscrivi' }).click();
    await page.getByText('In attesa di approvazione').waitFor();
    await snap(page, 'event-page-registered-it');

    const mine = (await (await me.get(`/api/v1/events/${state.eventId}/participants`)).json()) as { items: Array<{ id: string; organisation: { legalName: string } }> };
    const myId = mine.items.find((p) => p.organisation.legalName === 'Maglificio Conti S.r.l.')!.id;
    await state.organiser.post(`/events/${state.eventId}/participants/${myId}/approve`);
    await page.reload();
    await page.getByText('Approvata', { exact: true }).waitFor();
    await page.getByRole('link', { name: "I miei incontri e l'agenda" }).click();
    await page.getByRole('heading', { level: 1, name: 'I miei incontri' }).waitFor();
    await page.getByText('Ancora nessun incontro').waitFor();

    // Availability: by default only the slots inside Rome's working day (from 15:00 in Hangzhou, 08:00 in Rome).
    await page.getByRole('tab', { name: 'Disponibilità' }).click();
    const grid = page.getByRole('table', { name: 'Slot per giorno: premuto significa disponibile' });
    await grid.waitFor();
    await page.getByText('4 slot scelti su 6.').waitFor();
    expect(await grid.getByRole('button', { pressed: true }).count()).toBe(4);
    await grid.getByRole('button', { name: 'Non disponibile martedì 10 marzo' }).click();
    await grid.getByRole('button', { name: /^martedì 10 marzo, 15:00\s*–\s*15:30 \(tua ora 08:00\s*–\s*08:30\)$/ }).click();
    await grid.getByRole('button', { name: /^martedì 10 marzo, 15:30\s*–\s*16:00 \(tua ora 08:30\s*–\s*09:00\)$/ }).click();
    await page.getByText('2 slot scelti su 6.').waitFor();
    await snap(page, 'event-availability-it');
    await page.getByRole('button', { name: 'Salva la disponibilità' }).click();
    await page.getByText('Disponibilità salvata.').waitFor();
    await page.getByRole('tab', { name: 'Agenda' }).click();
    await page.getByRole('tab', { name: 'Disponibilità' }).click();
    await page.getByText('2 slot scelti su 6.').waitFor();

    // Whom to meet → request a meeting with the silk mill.
    await page.getByRole('tab', { name: 'Chi incontrare' }).click();
    const card = page.getByRole('article', { name: SILK });
    await card.getByRole('button', { name: `Richiedi un incontro con ${SILK}` }).click();
    const dialog = page.getByRole('dialog', { name: `Incontro con ${SILK}` });
    await dialog.getByLabel('Priorità').selectOption({ label: 'Priorità 1 – la più desiderata' });
    await dialog.getByLabel('Messaggio (facoltativo)').fill('Cerchiamo seta per una capsule di maglieria: 800 metri per iniziare.');
    await dialog.getByRole('button', { name: 'Invia la richiesta' }).click();
    await card.getByText('Incontro richiesto').waitFor();
    await snap(page, 'event-meet-it');

    // The mill accepts; the organiser runs the scheduler (and publishes, where the server offers it).
    const requests = await state.silk.get<{ items: Array<{ id: string; status: string }> }>(`/events/${state.eventId}/requests?participant=${state.silkParticipant}`);
    expect(requests.items.map((r) => r.status)).toEqual(['pending']);
    await state.silk.post(`/events/${state.eventId}/requests/${requests.items[0]!.id}/accept`);
    await page.getByRole('tab', { name: 'Richieste' }).click();
    await page.getByRole('region', { name: 'Richieste inviate' }).getByRole('article', { name: SILK }).getByText('Accettata').waitFor();

    const run = await state.organiser.post<{ status: string; after: { meetings: number } }>(`/events/${state.eventId}/schedule`, { timeLimitSeconds: 2 });
    expect(run.status).toBe('scheduled');
    expect(run.after.meetings).toBe(1);
    const publish = await state.organiser.api.post(`/api/v1/events/${state.eventId}/publish`, {
      headers: { 'x-csrf-token': (await state.organiser.api.storageState()).cookies.find((c) => c.name === 'ponte_csrf')!.value },
    });
    expect(publish.status()).toBe(200);

    // The agenda: in Rome time, the event's Hangzhou time beside it, the counterpart linked.
    await page.getByRole('tab', { name: 'Agenda' }).click();
    const meeting = page.getByRole('article', { name: new RegExp(`^08:(00|30)\\s*–\\s*(08:30|09:00), ${SILK}$`) });
    await meeting.waitFor();
    await page.getByRole('heading', { level: 3, name: 'martedì 10 marzo' }).waitFor();
    await meeting.getByText(/^ora dell'evento 15:(00|30)\s*–\s*(15:30|16:00)$/).waitFor();
    expect(await meeting.getByRole('link', { name: SILK }).getAttribute('href')).toMatch(/^\/organisations\//);
    await meeting.getByText(/^Tavolo [12]$/).waitFor();

    // The meeting has taken place: a short feedback, kept when the agenda is read again.
    const feedback = meeting.getByRole('form', { name: `Com'è andato l'incontro con ${SILK}?` });
    await feedback.getByRole('button', { name: 'Invia il riscontro' }).click();
    await feedback.getByText('Scegli un voto da 1 a 5.').waitFor();
    await feedback.getByLabel('4', { exact: true }).check();
    await feedback.getByLabel('Continueremo a sentirci').check();
    await feedback.getByLabel('Commento (facoltativo)').fill('Campioni di seta promettenti; ci rivediamo a Milano.');
    await feedback.getByRole('button', { name: 'Invia il riscontro' }).click();
    await meeting.getByText('Grazie: riscontro salvato (4/5).').waitFor();

    // A secret calendar link to subscribe to.
    await page.getByRole('button', { name: 'Ottieni un link di abbonamento' }).click();
    await expect.poll(() => page.getByLabel('Link segreto del calendario').inputValue()).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    // The agenda as a file: iCal and the printable PDF, fetched with the session and handed over as downloads.
    const ics = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Scarica iCal' }).click();
    expect((await ics).suggestedFilename()).toBe('agenda.ics');
    const pdf = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Scarica il PDF' }).click();
    expect((await pdf).suggestedFilename()).toBe('agenda.pdf');
    expect(await page.getByRole('alert').count()).toBe(0);

    await snap(page, 'event-participant-agenda-it');
    await page.reload();
    await page.getByRole('article', { name: new RegExp(SILK) }).getByText('Grazie: riscontro salvato (4/5).').waitFor();

    // Phone width: the page never scrolls sideways (the availability grid scrolls inside its box).
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole('tab', { name: 'Disponibilità' }).click();
    await page.getByRole('button', { name: 'Salva la disponibilità' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await snap(page, 'event-availability-375-it');
    expect(errors).toEqual([]);
    expect(Date.now() - started).toBeLessThan(20_000);

    // In-app notifications, written in Italian when read: the accepted request and the published
    // programme, with the unread count in the header until they are marked read.
    await page.setViewportSize({ width: 1280, height: 900 });
    const bell = page.getByRole('link', { name: /^Notifiche/ });
    await expect.poll(() => bell.textContent()).toMatch(/2/);
    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Notifiche' }).waitFor();
    await page.getByText(`${SILK} ha accettato la vostra richiesta di incontro`, { exact: false }).first().waitFor();
    await page.getByText(`È uscito il programma di ${TITLE_IT}`).first().waitFor();
    await page.getByRole('button', { name: 'Segna tutte come lette' }).click();
    await expect.poll(() => bell.textContent()).toBe('Notifiche');
    expect(errors).toEqual([]);
  });

  it('lets a platform organiser create an event in Chinese, with the contract’s errors inline first, and approve a registration', async () => {
    const token = /\/setup\?token=([A-Za-z0-9_-]+)/.exec(j.server.output())?.[1];
    expect(token).toBeTruthy();
    const context = await j.browser.newContext({ baseURL: j.server.url, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const session = (await (await context.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
      const admin = await context.request.post('/api/v1/auth/setup', {
        headers: { 'x-csrf-token': session.csrfToken },
        data: { token, email: 'zhou@ningbo-expo.example.cn', password: 'a long enough passphrase', displayName: '周敏', locale: 'zh', timeZone: 'Asia/Shanghai' },
      });
      expect(admin.status()).toBe(201);
      const csrf = ((await admin.json()) as { csrfToken: string }).csrfToken;
      const org = await context.request.post('/api/v1/organisations', {
        headers: { 'x-csrf-token': csrf },
        data: { kind: 'public_body', legalName: '宁波市贸易促进委员会', names: { zh: '宁波贸促会' }, country: 'CN' },
      });
      expect(org.status()).toBe(201);

      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto('/events');
      await page.getByRole('heading', { level: 1, name: '活动' }).waitFor();
      await page.getByRole('button', { name: '新建活动' }).click();
      const form = page.getByRole('region', { name: '新建活动' });
      await form.getByRole('button', { name: '创建活动' }).click();
      await form.getByRole('group', { name: '标题' }).getByText('请至少用一种语言填写。').waitFor();
      await form.getByText('请填写举办地点，或将活动设为线上。').waitFor();

      await form.getByRole('group', { name: '标题' }).getByLabel('中文').fill('2027 宁波纺织品洽谈会');
      await form.getByLabel('举办地点').fill('宁波国际会议展览中心');
      await form.getByLabel('活动时区').selectOption('Asia/Shanghai');
      await form.getByLabel('第一天').fill('2027-04-20');
      await form.getByLabel('最后一天').fill('2027-04-21');
      // 09:00–12:30 around a 10:30–10:45 break gives 6 slots of 30 minutes, 14:00–18:00 gives 8.
      await form.getByText('每天 14 个时段，2 天共 28 个。').waitFor();
      await form.getByRole('button', { name: '创建活动' }).click();

      await page.getByRole('heading', { level: 1, name: '2027 宁波纺织品洽谈会' }).waitFor();
      await page.getByText('2027年4月20日至21日', { exact: true }).waitFor();
      await page.getByText(/^09:00\s*–\s*12:15和14:00\s*–\s*18:00（/).waitFor();
      await page.getByRole('heading', { name: '组织方专区' }).waitFor();
      await page.getByText('没有待审核的报名').waitFor();
      const href = await page.getByRole('link', { name: '打开组织方控制台' }).getAttribute('href');
      expect(href).toMatch(/^\/events\/[0-9a-f-]{36}\/console$/);

      // A registration arrives and the organiser approves it in place.
      const eventId = href!.split('/')[2]!;
      await state.silk.post(`/events/${eventId}/participants`, { organisationId: state.millId, attendance: 'on_site' });
      await page.reload();
      const pending = page.getByRole('article', { name: SILK });
      await pending.getByText('待审核').waitFor();
      await pending.getByRole('button', { name: '通过' }).click();
      await pending.getByText('已通过：该参会者现在可以发出会谈请求。').waitFor();
      await snap(page, 'event-created-zh');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
