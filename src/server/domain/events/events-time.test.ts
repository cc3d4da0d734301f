import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, writeCalendar } from './ical';
import { generateSlots, withinWorkingDay } from './slot-grid';
import { instantToLocal, localToInstant, zoneOffsetMinutes } from './zoned-time';

describe('zoned time', () => {
  it('turns local wall time into instants across a daylight-saving change', () => {
    expect(localToInstant('2026-03-28', 9 * 60, 'Europe/Rome').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(localToInstant('2026-03-29', 9 * 60, 'Europe/Rome').toISOString()).toBe('2026-03-29T07:00:00.000Z');
    // 02:30 does not exist in Rome on 29 March 2026: it becomes 03:30 CEST.
    expect(localToInstant('2026-03-29', 150, 'Europe/Rome').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(localToInstant('2026-04-14', 9 * 60, 'Asia/Shanghai').toISOString()).toBe('2026-04-14T01:00:00.000Z');
    expect(zoneOffsetMinutes(new Date('2026-01-10T12:00:00Z'), 'America/St_Johns')).toBe(-210);
  });

  it('reads an instant back as local date and minutes', () => {
    expect(instantToLocal(new Date('2026-04-14T22:30:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-04-15', minutes: 6 * 60 + 30 });
  });
});

describe('slot grid', () => {
  it('keeps slots out of breaks and inside sessions, over several days', () => {
    const slots = generateSlots(
      { days: ['2026-04-15', '2026-04-14'], sessions: [{ session: 'morning', start: '09:00', end: '10:30' }], slotMinutes: 20, gapMinutes: 5, breaks: [{ start: '09:30', end: '09:40' }] },
      'UTC',
    );
    // 09:00–09:20, then 09:25 would hit the break → 09:40–10:00, 10:05–10:25.
    expect(slots.map((s) => s.startsAt.toISOString().slice(11, 16))).toEqual(['09:00', '09:40', '10:05', '09:00', '09:40', '10:05']);
    expect(slots.map((s) => s.day)).toEqual(['2026-04-14', '2026-04-14', '2026-04-14', '2026-04-15', '2026-04-15', '2026-04-15']);
    expect(slots.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('counts a remote participant’s working day in their own zone', () => {
    const at = (iso: string) => ({ startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + 30 * 60_000) });
    // 09:00 in Hangzhou is 03:00 in Rome; 14:00 in Hangzhou is 08:00 in Rome (April).
    expect(withinWorkingDay(at('2026-04-14T01:00:00Z'), 'Europe/Rome')).toBe(false);
    expect(withinWorkingDay(at('2026-04-14T06:00:00Z'), 'Europe/Rome')).toBe(true);
    expect(withinWorkingDay(at('2026-04-14T16:45:00Z'), 'Europe/Rome')).toBe(false);
  });
});

describe('iCal writer', () => {
  it('escapes text and folds long lines without splitting a character', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const long = `SUMMARY:${'与杭州羊绒企业会面'.repeat(6)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('writes UTC times, UID and SEQUENCE, ending every line with CRLF', () => {
    const text = writeCalendar({
      name: 'Agenda',
      events: [{ uid: 'meeting-1@ponte', sequence: 2, stamp: new Date('2026-03-01T09:00:00Z'), start: new Date('2026-04-14T06:00:00Z'), end: new Date('2026-04-14T06:30:00Z'), summary: 'Meeting' }],
    });
    expect(text).toContain('\r\nUID:meeting-1@ponte\r\nSEQUENCE:2\r\n');
    expect(text).toContain('DTSTART:20260414T060000Z\r\nDTEND:20260414T063000Z');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
