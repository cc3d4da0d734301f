import { describe, expect, it } from 'vitest';
import type { EventSlot, EventTable, Interpreter, Meeting, MeetingRequest } from '../../../contracts/events';
import type { OrganisationSummary } from '../../../contracts/organisation';
import type { ConsoleParticipant } from './console-api';
import { slotTimes } from './console-format';
import {
  filterDays, groupSlots, interpreterSchedules, meetingMatches, NO_FILTER, participantMatches, suggestInterpreter, tableCards,
  unplacedRequests,
} from './console-model';

const slot = (id: string, position: number, day: string, session: 'morning' | 'afternoon', startsAt = '2026-05-12T01:00:00Z'): EventSlot =>
  ({ id, position, day, session, startsAt, endsAt: startsAt });
const table = (id: string, position: number): EventTable => ({ id, position, name: `Table ${position + 1}`, videoUrl: null });
const meeting = (id: string, a: string, b: string, slotId: string, tableId: string, extra: Partial<Meeting> = {}): Meeting => ({
  id, requestId: `r-${id}`, participantIds: [a, b], slotId, tableId, interpreterId: null, pinned: false, status: 'scheduled', sequence: 0, ...extra,
});
const org = (name: string): OrganisationSummary =>
  ({ id: name, slug: name, kind: 'company', legalName: `${name} S.r.l.`, names: { it: name, zh: `${name}厂` }, country: 'IT', region: null, city: null, sectors: [], description: {}, logoUrl: null, isDemo: false, isSynthetic: false }) as unknown as OrganisationSummary;
const participant = (id: string, languages: string[]): ConsoleParticipant => ({
  id, eventId: 'e', organisation: org(id), status: 'approved', languages, attendance: 'on_site', timeZone: null, availableSlotIds: null,
  maxMeetings: null, people: [{ userId: 'u', displayName: `Person of ${id}` }], checkedInAt: null,
});
const request = (id: string, from: string, to: string, extra: Partial<MeetingRequest> = {}): MeetingRequest =>
  ({ id, fromParticipantId: from, toParticipantId: to, from: org(from), to: org(to), priority: 2, message: null, mustMeet: false, mandatory: false, status: 'accepted', mutual: false, createdAt: '', ...extra });

const slots = [slot('s3', 2, '2026-05-13', 'morning'), slot('s1', 0, '2026-05-12', 'morning'), slot('s2', 1, '2026-05-12', 'afternoon')];

describe('console grid model', () => {
  it('groups slots by day and session in grid order', () => {
    const days = groupSlots(slots);
    expect(days.map((d) => [d.day, d.sessions.map((s) => [s.session, s.slots.map((x) => x.id)])])).toEqual([
      ['2026-05-12', [['morning', ['s1']], ['afternoon', ['s2']]]],
      ['2026-05-13', [['morning', ['s3']]]],
    ]);
    expect(filterDays(days, '2026-05-12|afternoon')).toEqual([{ day: '2026-05-12', sessions: [{ session: 'afternoon', slots: [slots[2]] }] }]);
    expect(filterDays(days, '2026-05-13').map((d) => d.day)).toEqual(['2026-05-13']);
  });

  it('lists accepted requests without a live meeting once per pair, mandatory first', () => {
    const requests = [
      request('r1', 'a', 'b'),
      request('r2', 'b', 'a'), // the mutual twin of r1
      request('r3', 'a', 'c', { mandatory: true }),
      request('r4', 'c', 'd', { status: 'pending' }),
      request('r5', 'b', 'd'),
    ];
    const meetings = [meeting('m1', 'd', 'b', 's1', 't1'), meeting('m2', 'a', 'c', 's2', 't1', { status: 'cancelled' })];
    expect(unplacedRequests(requests, meetings).map((r) => r.id)).toEqual(['r3', 'r1']);
  });

  it('filters meetings by participant and by need of an interpreter', () => {
    const people = new Map([participant('it', ['it']), participant('zh', ['zh']), participant('en', ['en', 'it'])].map((p) => [p.id, p]));
    const lookup = (id: string) => people.get(id);
    const crossing = meeting('m1', 'it', 'zh', 's1', 't1');
    const shared = meeting('m2', 'it', 'en', 's2', 't1');
    expect(meetingMatches(crossing, { ...NO_FILTER, interpreterOnly: true }, lookup)).toBe(true);
    expect(meetingMatches(shared, { ...NO_FILTER, interpreterOnly: true }, lookup)).toBe(false);
    expect(meetingMatches(shared, { ...NO_FILTER, participantId: 'zh' }, lookup)).toBe(false);
    expect(meetingMatches(crossing, { ...NO_FILTER, participantId: 'zh' }, lookup)).toBe(true);
  });

  it('suggests an interpreter who bridges both sides and is free in the slot', () => {
    const it = participant('it', ['it']);
    const zh = participant('zh', ['zh']);
    const interpreters: Interpreter[] = [
      { id: 'i-en', name: 'En', languages: ['en', 'zh'], availableSlotIds: null },
      { id: 'i-busy', name: 'Busy', languages: ['it', 'zh'], availableSlotIds: null },
      { id: 'i-away', name: 'Away', languages: ['it', 'zh'], availableSlotIds: ['s2'] },
      { id: 'i-free', name: 'Free', languages: ['zh', 'it'], availableSlotIds: ['s1'] },
    ];
    const meetings = [meeting('m9', 'x', 'y', 's1', 't2', { interpreterId: 'i-busy' })];
    expect(suggestInterpreter(it, zh, 's1', interpreters, meetings)).toBe('i-free');
    // The meeting being moved does not keep its own interpreter busy.
    expect(suggestInterpreter(it, zh, 's1', interpreters.slice(0, 2), meetings, 'm9')).toBe('i-busy');
    expect(suggestInterpreter(it, participant('en', ['en', 'it']), 's1', interpreters, meetings)).toBeNull();
  });

  it('builds interpreter schedules and one table card per table and day', () => {
    const tables = [table('t2', 1), table('t1', 0)];
    const meetings = [
      meeting('m1', 'a', 'b', 's3', 't1', { interpreterId: 'i1' }),
      meeting('m2', 'c', 'd', 's1', 't1', { interpreterId: 'i1' }),
      meeting('m3', 'a', 'c', 's2', 't2', { status: 'cancelled', interpreterId: 'i1' }),
    ];
    const schedules = interpreterSchedules([{ id: 'i1', name: 'Li', languages: ['it', 'zh'], availableSlotIds: null }], meetings, slots);
    expect(schedules[0]!.items.map((x) => x.meeting.id)).toEqual(['m2', 'm1']);
    expect(tableCards(tables, slots, meetings).map((c) => [c.table.id, c.day, c.items.map((x) => x.meeting.id)])).toEqual([
      ['t1', '2026-05-12', ['m2']],
      ['t1', '2026-05-13', ['m1']],
    ]);
  });

  it('finds participants by any language of their name or by a person', () => {
    const p = participant('Maglificio', ['it']);
    expect(participantMatches(p, 'maglificio厂')).toBe(true);
    expect(participantMatches(p, 'person of')).toBe(true);
    expect(participantMatches(p, 'silk')).toBe(false);
  });

  it('shows slot times in the event zone, not the reader’s', () => {
    // 01:00 UTC is 09:00 in Shanghai; the test process runs in UTC.
    expect(slotTimes('2026-05-12T01:00:00Z', '2026-05-12T01:30:00Z', 'en', 'Asia/Shanghai')).toMatch(/^9:00\s*–\s*9:30\sAM$/);
    expect(slotTimes('2026-05-12T01:00:00Z', '2026-05-12T01:30:00Z', 'it', 'Europe/Rome')).toMatch(/^03:00\s*–\s*03:30$/);
    expect(slotTimes('2026-05-12T01:00:00Z', '2026-05-12T01:30:00Z', 'zh', 'Asia/Shanghai')).toMatch(/09:00\s*[–至-]\s*09:30/);
  });
});
