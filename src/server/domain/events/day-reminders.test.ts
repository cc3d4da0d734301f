import { describe, expect, it } from 'vitest';
import { dayBefore, dueDayReminders, type ReminderMeeting } from './day-reminders';

// A Hangzhou event on 14 April 2026: Shanghai is UTC+8, Rome UTC+2 (summer time).
const at = (iso: string) => new Date(iso);
const meetings: ReminderMeeting[] = [
  { id: 'm2', startsAt: at('2026-04-14T06:00:00Z'), participants: ['wang', 'rossi'] }, // 14:00 Shanghai, 08:00 Rome
  { id: 'm1', startsAt: at('2026-04-14T01:00:00Z'), participants: ['wang', 'chen'] }, // 09:00 Shanghai, 03:00 Rome
  { id: 'm3', startsAt: at('2026-04-15T01:00:00Z'), participants: ['wang', 'chen'] }, // the second day
];
// Rossi joins remotely from Rome; everyone else follows the event's zone.
const zoneOf = (p: string) => (p === 'rossi' ? 'Europe/Rome' : 'Asia/Shanghai');

describe('dueDayReminders', () => {
  it('is due on the day before from 09:00 in the recipient’s zone, one per person and day, meetings in order', () => {
    expect(dueDayReminders(meetings, zoneOf, at('2026-04-13T00:59:00Z'))).toEqual([]); // 08:59 in Shanghai
    const due = dueDayReminders(meetings, zoneOf, at('2026-04-13T01:00:00Z')); // 09:00 in Shanghai, 03:00 in Rome
    expect(due).toEqual([
      { participantId: 'wang', day: '2026-04-14', timeZone: 'Asia/Shanghai', meetingIds: ['m1', 'm2'] },
      { participantId: 'chen', day: '2026-04-14', timeZone: 'Asia/Shanghai', meetingIds: ['m1'] },
    ]);
    // Rossi's turn comes at 09:00 in Rome, when Shanghai is already in the evening.
    const rome = dueDayReminders(meetings, zoneOf, at('2026-04-13T07:00:00Z'));
    expect(rome.map((r) => r.participantId).sort()).toEqual(['chen', 'rossi', 'wang']);
    expect(rome.find((r) => r.participantId === 'rossi')).toEqual({ participantId: 'rossi', day: '2026-04-14', timeZone: 'Europe/Rome', meetingIds: ['m2'] });
  });

  it('stops at local midnight and moves on to the next day’s meetings', () => {
    // 00:30 on the 14th in Shanghai: the 14th's reminder is over, the 15th's not yet due.
    expect(dueDayReminders(meetings, zoneOf, at('2026-04-13T16:30:00Z')).filter((r) => r.timeZone === 'Asia/Shanghai')).toEqual([]);
    expect(dueDayReminders(meetings, zoneOf, at('2026-04-14T02:00:00Z'))).toEqual([
      { participantId: 'wang', day: '2026-04-15', timeZone: 'Asia/Shanghai', meetingIds: ['m3'] },
      { participantId: 'chen', day: '2026-04-15', timeZone: 'Asia/Shanghai', meetingIds: ['m3'] },
    ]);
  });

  it('groups by the recipient’s own calendar day, which may differ from the event’s', () => {
    // 23:30 UTC on the 14th is 19:30 that day in New York but 07:30 on the 15th in Shanghai.
    const m = [{ id: 'x', startsAt: at('2026-04-14T23:30:00Z'), participants: ['ny', 'sh'] as const }];
    const zones = (p: string) => (p === 'ny' ? 'America/New_York' : 'Asia/Shanghai');
    const ny = { participantId: 'ny', day: '2026-04-14', timeZone: 'America/New_York', meetingIds: ['x'] };
    const sh = { participantId: 'sh', day: '2026-04-15', timeZone: 'Asia/Shanghai', meetingIds: ['x'] };
    expect(dueDayReminders(m, zones, at('2026-04-13T13:00:00Z'))).toEqual([ny]); // 09:00 on the 13th in New York
    expect(dueDayReminders(m, zones, at('2026-04-14T01:00:00Z'))).toEqual([ny, sh]); // 09:00 on the 14th in Shanghai
    expect(dueDayReminders(m, zones, at('2026-04-14T13:00:00Z'))).toEqual([sh]); // New York's day before is over
  });

  it('knows the day before across months and years', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });
});
