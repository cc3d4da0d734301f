import { describe, expect, it } from 'vitest';
import { daysBetween, formatClockRange, formatDayRange, localClock, slotsByDay, slotsPerDay, wallTimeToIso, withinWorkingDay } from './event-time';

describe('event times', () => {
  it('reads a typed wall-clock time in the event’s zone, across a daylight-saving change', () => {
    expect(wallTimeToIso('2026-12-01T09:00', 'Asia/Shanghai')).toBe('2026-12-01T01:00:00.000Z');
    expect(wallTimeToIso('2026-07-01T09:00', 'Europe/Rome')).toBe('2026-07-01T07:00:00.000Z');
    expect(wallTimeToIso('2026-01-15T09:00', 'Europe/Rome')).toBe('2026-01-15T08:00:00.000Z');
    // 29 March 2026: Rome moves from +01:00 to +02:00 at 02:00 local.
    expect(wallTimeToIso('2026-03-29T12:00', 'Europe/Rome')).toBe('2026-03-29T10:00:00.000Z');
    expect(wallTimeToIso('', 'Europe/Rome')).toBeUndefined();
  });

  it('shows one slot in the event’s zone and a remote participant’s own', () => {
    const slot = { startsAt: '2026-12-01T08:00:00.000Z', endsAt: '2026-12-01T08:30:00.000Z' };
    expect(formatClockRange(slot.startsAt, slot.endsAt, 'it', 'Asia/Shanghai')).toMatch(/^16:00\s*[–-]\s*16:30$/);
    expect(formatClockRange(slot.startsAt, slot.endsAt, 'zh', 'Europe/Rome')).toMatch(/^09:00\s*[–-]\s*09:30$/);
    expect(localClock(slot.startsAt, 'Europe/Rome')).toEqual({ date: '2026-12-01', minutes: 9 * 60 });
  });

  it('marks only slots wholly inside 08:00–19:00 of the participant’s day as working hours', () => {
    // 09:00 in Hangzhou is 02:00 in Rome; 16:00 in Hangzhou is 09:00 in Rome.
    expect(withinWorkingDay({ startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T01:30:00.000Z' }, 'Europe/Rome')).toBe(false);
    expect(withinWorkingDay({ startsAt: '2026-12-01T08:00:00.000Z', endsAt: '2026-12-01T08:30:00.000Z' }, 'Europe/Rome')).toBe(true);
    expect(withinWorkingDay({ startsAt: '2026-12-01T17:45:00.000Z', endsAt: '2026-12-01T18:15:00.000Z' }, 'Europe/Rome')).toBe(false);
  });

  it('counts a day’s slots as the server’s generator does, starting after a break that a slot would overlap', () => {
    const grid = { sessions: [{ start: '09:00', end: '12:00' }], slotMinutes: 30, gapMinutes: 0, breaks: [{ start: '10:15', end: '10:45' }] };
    // 09:00, 09:30, (10:00 clashes) 10:45, 11:15 → 4
    expect(slotsPerDay(grid)).toBe(4);
    expect(slotsPerDay({ ...grid, breaks: [], gapMinutes: 5 })).toBe(5);
    expect(slotsPerDay({ ...grid, slotMinutes: 0 })).toBe(0);
  });

  it('writes an event’s days as each language writes a range', () => {
    expect(formatDayRange(['2027-04-21', '2027-04-20'], 'zh')).toBe('2027年4月20日至21日');
    expect(formatDayRange(['2027-04-30', '2027-05-02'], 'zh')).toBe('2027年4月30日至5月2日');
    expect(formatDayRange(['2027-04-20'], 'zh')).toBe('2027年4月20日');
    expect(formatDayRange(['2027-04-20', '2027-04-21'], 'it')).toBe('20–21 aprile 2027');
  });

  it('lists consecutive days and groups slots by day in order', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysBetween('2026-12-30', '')).toEqual(['2026-12-30']);
    const s = (position: number, day: string) => ({ id: `${position}`, position, day, session: 'morning' as const, startsAt: '', endsAt: '' });
    expect(slotsByDay([s(2, 'b'), s(0, 'a'), s(1, 'a')]).map((d) => [d.day, d.slots.map((x) => x.position)])).toEqual([
      ['a', [0, 1]],
      ['b', [2]],
    ]);
  });
});
