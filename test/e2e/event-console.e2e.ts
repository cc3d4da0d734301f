import { request, type APIRequestContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journey, shotPath } from './support';

const ORGANISER = { email: 'chiara@ponte-events.example', password: 'a long enough passphrase' };
const NAMES = { a: 'Maglificio Conti', b: 'Suzhou Silk Weaving', c: 'Tessitura Biella', d: 'Hangzhou Knit Co' } as const;
type Side = keyof typeof NAMES;

interface Setup {
  eventId: string;
  participant: Record<Side, string>;
  slotIds: string[];
  tableIds: string[];
}
const setup = {} as Setup;

async function apiAs(baseURL: string): Promise<{ api: APIRequestContext; post: <T>(path: string, data?: unknown) => Promise<T> }> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { 'x-ponte-locale': 'en' } });
  await api.get('/api/v1/auth/session');
  const post = async <T,>(path: string, data: unknown = {}): Promise<T> => {
    const csrf = (await api.storageState()).cookies.find((c) => c.name === 'ponte_csrf')!.value;
    const res = await api.post(`/api/v1${path}`, { data, headers: { 'x-csrf-token': csrf } });
    if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return { api, post };
}

/**
 * Through the API, as the organiser (who, for brevity, is also a member of the four exhibiting
 * firms): an open event with one morning of four 30-minute slots and two tables, four approved
 * participants and four accepted meeting requests (C meets three others).
 */
async function prepareEvent(baseURL: string): Promise<void> {
  const { api, post } = await apiAs(baseURL);
  await post('/auth/sign-up', { ...ORGANISER, displayName: 'Chiara Neri', locale: 'en', timeZone: 'Europe/Rome' });
  const org = (name: string, country: string) =>
    post<{ id: string }>('/organisations', { kind: 'company', legalName: `${name} S.r.l.`, names: { en: name }, country });
  const organiser = await org('Ponte Brokerage Events', 'IT');
  const event = await post<{ id: string; slots: { id: string; position: number }[]; tables: { id: string; position: number }[] }>('/events', {
    organiserOrganisationId: organiser.id,
    title: { en: 'Silk Road Textile Brokerage', it: 'Brokerage tessile Via della Seta', zh: '丝路纺织洽谈会' },
    venue: 'Palazzo delle Stelline, Milano',
    timeZone: 'Europe/Rome',
    status: 'open',
    approvalRequired: false,
    grid: { days: ['2026-12-01'], sessions: [{ session: 'morning', start: '09:00', end: '11:00' }], slotMinutes: 30 },
    tables: [{ name: 'Table 1' }, { name: 'Table 2' }],
  });
  setup.eventId = event.id;
  setup.slotIds = [...event.slots].sort((x, y) => x.position - y.position).map((s) => s.id);
  setup.tableIds = [...event.tables].sort((x, y) => x.position - y.position).map((t) => t.id);
  setup.participant = {} as Record<Side, string>;
  // A and B share no language, nor do B and C: those two meetings need the interpreter.
  const languages: Record<Side, string[]> = { a: ['it'], b: ['zh'], c: ['it', 'en'], d: ['zh', 'en'] };
  for (const [side, name] of Object.entries(NAMES) as [Side, string][]) {
    const o = await org(name, side === 'b' || side === 'd' ? 'CN' : 'IT');
    const p = await post<{ id: string }>(`/events/${event.id}/participants`, { organisationId: o.id, languages: languages[side] });
    setup.participant[side] = p.id;
  }
  await post(`/events/${event.id}/interpreters`, { name: 'Li Wei', languages: ['it', 'zh'] });
  for (const [from, to] of [['a', 'b'], ['a', 'c'], ['b', 'c'], ['c', 'd']] as [Side, Side][]) {
    const r = await post<{ id: string }>(`/events/${event.id}/requests`, { fromParticipantId: setup.participant[from], toParticipantId: setup.participant[to], priority: 1 });
    await post(`/events/${event.id}/requests/${r.id}/accept`);
  }
  await api.dispose();
}

interface MeetingDto {
  id: string;
  participantIds: [string, string];
  slotId: string;
  tableId: string;
  status: string;
}

/** The grid cell of slot `slot` (0-based position) and table `table`, as a person would find it: row, then column. */
function cell(page: Page, slot: number, table: number) {
  const grid = page.getByRole('table', { name: /Meetings by slot and table/ });
  return grid.getByRole('row').filter({ has: page.getByRole('rowheader') }).nth(slot).getByRole('cell').nth(table);
}

describe('an organiser schedules a brokerage morning from the console', () => {
  const j = journey('en-GB', (server) => prepareEvent(server.url));

  it('runs the scheduler, moves, refuses, swaps and cancels meetings, then publishes and runs the day', async () => {
    const page = await j.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const session = await j.context.request.get('/api/v1/auth/session');
    const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
    expect((await j.context.request.post('/api/v1/auth/sign-in', { data: ORGANISER, headers: { 'x-csrf-token': csrf } })).status()).toBe(200);

    await page.goto(`/events/${setup.eventId}/console`);
    await page.getByRole('heading', { level: 1, name: 'Organiser console' }).waitFor();
    await page.getByText('4 accepted requests without a meeting').waitFor();

    // One meeting by hand first: C ↔ D from the unplaced requests into the first slot at Table 2.
    // A meeting placed by hand is pinned; unpinning it lets the scheduler move it if it must.
    const unplaced = page.getByRole('region', { name: /accepted requests? without a meeting/ });
    await unplaced.getByRole('listitem').filter({ hasText: `${NAMES.c} ↔ ${NAMES.d}` }).getByRole('button', { name: 'Place…' }).click();
    await cell(page, 0, 1).getByRole('button', { name: /^Place the selected request at Table 2/ }).click();
    await page.getByRole('status').getByText(new RegExp(`^${NAMES.c} ↔ ${NAMES.d} placed at Table 2`)).waitFor();
    await page.getByText('3 accepted requests without a meeting').waitFor();
    const handMade = cell(page, 0, 1).getByRole('button', { name: new RegExp(`^${NAMES.c} ↔ ${NAMES.d}.*Pinned`) });
    await handMade.click();
    await page.getByRole('button', { name: 'Unpin' }).click();
    await page.getByRole('status').getByText(`${NAMES.c} ↔ ${NAMES.d} is no longer pinned.`).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();

    // Run the scheduler with a 2-second limit and read the before/after summary.
    await page.getByLabel('Time limit').selectOption({ label: '2 seconds' });
    await page.getByRole('button', { name: 'Run scheduler' }).click();
    const summary = page.getByRole('region', { name: 'Scheduler result' });
    await summary.getByText('Schedule updated.').waitFor();
    const meetingsRow = summary.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Meetings', exact: true }) });
    expect(await meetingsRow.getByRole('cell').allInnerTexts()).toEqual(['1', '4']);
    const interpretedRow = summary.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Meetings with an interpreter', exact: true }) });
    expect(await interpretedRow.getByRole('cell').allInnerTexts()).toEqual(['0', '2']);
    await page.getByText('Every accepted request has a meeting.').waitFor();

    // Work out from the organiser's meeting list where A ↔ B is, a free cell it may go to, and one it may not.
    const list = (await (await j.context.request.get(`/api/v1/events/${setup.eventId}/meetings`)).json()) as { items: MeetingDto[] };
    const live = list.items.filter((m) => m.status !== 'cancelled');
    expect(live).toHaveLength(4);
    const { a, b } = setup.participant;
    const ab = live.find((m) => m.participantIds.includes(a) && m.participantIds.includes(b))!;
    const taken = (s: string, t: string) => live.some((m) => m.slotId === s && m.tableId === t);
    const busy = (s: string) => live.some((m) => m.id !== ab.id && m.slotId === s && (m.participantIds.includes(a) || m.participantIds.includes(b)));
    const freeCell = (wantBusy: boolean) => {
      for (const [si, s] of setup.slotIds.entries()) {
        if (s === ab.slotId || busy(s) !== wantBusy) continue;
        for (const [ti, t] of setup.tableIds.entries()) if (!taken(s, t)) return { si, ti };
      }
      throw new Error(`no free cell with busy=${wantBusy}`);
    };
    const target = freeCell(false);
    const refused = freeCell(true);

    const chip = page.getByRole('button', { name: new RegExp(`^${NAMES.a} ↔ ${NAMES.b}`) });
    const from = { si: setup.slotIds.indexOf(ab.slotId), ti: setup.tableIds.indexOf(ab.tableId) };
    expect(await cell(page, from.si, from.ti).getByRole('button', { name: new RegExp(NAMES.b) }).count()).toBe(1);

    await chip.getByText('Interpreter: Li Wei').waitFor();

    // Drag A ↔ B to the free cell: while it hovers there the live check marks the cell valid; on
    // release it lands there and leaves its old one.
    const targetCell = cell(page, target.si, target.ti);
    await chip.hover();
    await page.mouse.down();
    await targetCell.hover();
    await targetCell.hover({ position: { x: 10, y: 10 } });
    await expect.poll(() => targetCell.getAttribute('class')).toContain('console-cell--ok');
    await page.mouse.up();
    await page.getByRole('status').getByText(new RegExp(`${NAMES.a} ↔ ${NAMES.b} moved to Table ${target.ti + 1}`)).waitFor();
    await cell(page, target.si, target.ti).getByRole('button', { name: new RegExp(`^${NAMES.a} ↔ ${NAMES.b}`) }).waitFor();
    expect(await cell(page, from.si, from.ti).getByRole('button', { name: new RegExp(NAMES.b) }).count()).toBe(0);

    // The keyboard way to a slot where A or B already meets someone: the live check marks the
    // cell with the reason, and choosing "Move here" anyway is refused with that reason.
    await chip.focus();
    await page.keyboard.press('Enter');
    const refusedCell = cell(page, refused.si, refused.ti);
    const moveHere = refusedCell.getByRole('button', { name: /^Move the selected meeting to/ });
    await moveHere.focus();
    const reasons = refusedCell.getByRole('list', { name: 'Why not here' });
    await reasons.waitFor();
    expect(await reasons.innerText()).toMatch(/already has a meeting in this slot/);
    await moveHere.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/^Cannot place it at Table \d, Tuesday, December 1, 2026, [\s\S]*already has a meeting in this slot/);
    await cell(page, target.si, target.ti).getByRole('button', { name: new RegExp(`^${NAMES.a} ↔ ${NAMES.b}`) }).waitFor();
    const after = (await (await j.context.request.get(`/api/v1/events/${setup.eventId}/meetings`)).json()) as { items: MeetingDto[] };
    const moved = after.items.find((m) => m.id === ab.id)!;
    expect([moved.slotId, moved.tableId]).toEqual([setup.slotIds[target.si], setup.tableIds[target.ti]]);

    const shot = shotPath('journey-event-console-en');
    if (shot) await page.screenshot({ path: shot, fullPage: true });

    // Before publication a cancellation can be undone: the SAME meeting (same id, so the same
    // calendar UID, with a higher SEQUENCE) comes back to the same cell with its interpreter.
    await page.getByRole('button', { name: 'Cancel meeting' }).click();
    await page.getByRole('status').getByText(`${NAMES.a} ↔ ${NAMES.b} cancelled.`).waitFor();
    expect(await chip.count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('status').getByText(`${NAMES.a} ↔ ${NAMES.b} is back in the schedule.`).waitFor();
    await cell(page, target.si, target.ti).getByRole('button', { name: new RegExp(`^${NAMES.a} ↔ ${NAMES.b}`) }).waitFor();
    await chip.getByText('Interpreter: Li Wei').waitFor();
    const restored = ((await (await j.context.request.get(`/api/v1/events/${setup.eventId}/meetings`)).json()) as { items: MeetingDto[] }).items
      .filter((m) => m.participantIds.includes(a) && m.participantIds.includes(b));
    expect(restored.map((m) => [m.id, m.status, m.slotId, m.tableId])).toEqual([[ab.id, 'scheduled', setup.slotIds[target.si], setup.tableIds[target.ti]]]);

    // Swap A ↔ B with C ↔ D from the keyboard (always valid here: C and D are free where A ↔ B
    // was, A, B and the interpreter are free where C ↔ D was).
    const { c, d } = setup.participant;
    const cd = live.find((m) => m.participantIds.includes(c) && m.participantIds.includes(d))!;
    const cdAt = { si: setup.slotIds.indexOf(cd.slotId), ti: setup.tableIds.indexOf(cd.tableId) };
    await chip.focus();
    await page.keyboard.press('Enter');
    // The live check asks the server about the swap as a whole (swap mode), and marks the cell valid.
    const swapCheck = page.waitForRequest((r) => r.url().endsWith('/meetings/check') && (r.postDataJSON() as { swapWith?: string }).swapWith === cd.id);
    const swapButton = cell(page, cdAt.si, cdAt.ti).getByRole('button', { name: /^Swap the selected meeting with the one at/ });
    await swapButton.focus();
    expect((await swapCheck).postDataJSON()).toEqual({ meetingId: ab.id, swapWith: cd.id });
    await expect.poll(() => cell(page, cdAt.si, cdAt.ti).getAttribute('class')).toContain('console-cell--ok');
    await swapButton.click();
    await page.getByRole('status').getByText(`Swapped ${NAMES.a} ↔ ${NAMES.b} and ${NAMES.c} ↔ ${NAMES.d}.`).waitFor();
    await cell(page, cdAt.si, cdAt.ti).getByRole('button', { name: new RegExp(`^${NAMES.a} ↔ ${NAMES.b}`) }).waitFor();
    await cell(page, target.si, target.ti).getByRole('button', { name: new RegExp(`^${NAMES.c} ↔ ${NAMES.d}`) }).waitFor();

    // On the day: the meeting is marked held from the grid.
    await chip.click();
    await page.getByRole('button', { name: 'Mark as held' }).click();
    await page.getByRole('status').getByText(`${NAMES.a} ↔ ${NAMES.b} marked as held.`).waitFor();
    await chip.getByText('Held', { exact: true }).waitFor();

    // Publication asks first, then shows the published state.
    await page.getByRole('button', { name: 'Publish schedule' }).click();
    await page.getByRole('group', { name: /^Publish the schedule\?/ }).getByRole('button', { name: 'Yes, publish' }).click();
    await page.getByText(/Schedule published on /).waitFor();

    // Check-in with search, then quick rescheduling of a late participant.
    await page.getByRole('tab', { name: 'Check-in' }).click();
    await page.getByLabel('Search participants').fill('hangzhou');
    await page.getByRole('button', { name: `Check in ${NAMES.d}` }).click();
    await page.getByText('1 of 4 checked in').waitFor();
    await page.getByRole('button', { name: `Undo check-in of ${NAMES.d}` }).waitFor();
    await page.getByRole('button', { name: 'Reschedule remaining meetings' }).click();
    await page.getByRole('group', { name: new RegExp(`^Reschedule the remaining meetings of ${NAMES.d}`) }).getByRole('button', { name: 'Reschedule' }).click();
    await page.getByText(/^Done: \d+ moved, \d+ cancelled, \d+ unchanged\.$/).waitFor();
    const checkInShot = shotPath('journey-event-console-checkin-en');
    if (checkInShot) await page.screenshot({ path: checkInShot, fullPage: true });

    await page.getByRole('tab', { name: 'Table cards' }).click();
    await page.getByRole('article', { name: 'Table 1' }).first().waitFor();
    const cardsShot = shotPath('journey-event-console-cards-en');
    if (cardsShot) await page.screenshot({ path: cardsShot, fullPage: true });
    // Printed, only the cards remain, one per page.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.getByRole('article', { name: 'Table 1' }).evaluate((el) => getComputedStyle(el).breakAfter)).toBe('page');
    await page.emulateMedia({ media: 'screen' });

    // Li Wei's printable schedule lists both interpreted meetings in slot order.
    await page.getByRole('tab', { name: 'Interpreters' }).click();
    const liWei = page.getByRole('article', { name: 'Li Wei' });
    expect(await liWei.getByRole('row').count()).toBe(3);
    await liWei.getByText(`${NAMES.a} ↔ ${NAMES.b} (Held)`).waitFor();
    const interpretersShot = shotPath('journey-event-console-interpreters-en');
    if (interpretersShot) await page.screenshot({ path: interpretersShot, fullPage: true });

    // A Chinese reader sees the same grid with a 24-hour clock and Chinese dates.
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: '主办方控制台' }).waitFor();
    await page.getByRole('tab', { name: '洽谈排程表' }).click();
    await page.getByRole('rowheader', { name: /^09:00\s*[–至-]\s*09:30$/ }).waitFor();
    await page.getByRole('columnheader', { name: '2026年12月1日星期二' }).waitFor();
    const zhShot = shotPath('journey-event-console-zh');
    if (zhShot) await page.screenshot({ path: zhShot, fullPage: true });

    // On a phone the grid scrolls inside its frame; the page itself does not scroll sideways.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByRole('rowheader', { name: /^09:00\s*[–至-]\s*09:30$/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('tells a signed-in member who does not organise the event that the console is not theirs', async () => {
    const visitor = await j.browser.newContext({ baseURL: j.server.url, locale: 'it-IT' });
    const session = await visitor.request.get('/api/v1/auth/session');
    const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
    const signUp = await visitor.request.post('/api/v1/auth/sign-up', {
      headers: { 'x-csrf-token': csrf },
      data: { email: 'luca@example.it', password: 'a long enough passphrase', displayName: 'Luca Bianchi', locale: 'it', timeZone: 'Europe/Rome' },
    });
    expect(signUp.status()).toBe(201);
    const page = await visitor.newPage();
    await page.goto(`/events/${setup.eventId}/console`);
    await page.getByText("Riservato agli organizzatori dell'evento").waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await visitor.close();
  });
});
