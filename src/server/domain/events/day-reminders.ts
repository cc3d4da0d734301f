/**
 * The day-before reminder (issue 4 item 13), as Brella or b2match send it: one message per person
 * and event day, listing that day's meetings, on the calendar day before in the recipient's own
 * time zone (a remote participant's, else the event's). Pure: `now` and the zones are arguments.
 */
import { instantToLocal } from './zoned-time';

/**
 * Reminders go out once the recipient's local time passes 09:00 on the day before: at the start
 * of their working day (not at midnight, nor in the small hours of a zone far from the server's),
 * with the rest of the day to prepare. The hourly job sends them within the following hour.
 */
export const DAY_REMINDER_HOUR = 9;

export interface ReminderMeeting {
  id: string;
  startsAt: Date;
  participants: readonly [string, string];
}

export interface DueDayReminder {
  participantId: string;
  /** The meetings' day, YYYY-MM-DD in `timeZone`. */
  day: string;
  timeZone: string;
  /** That day's meetings of the participant, in start order. */
  meetingIds: string[];
}

/** YYYY-MM-DD of the calendar day before. */
export function dayBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * The reminders due at `now`: for each participant and local day that has meetings, when `now`
 * in the participant's zone is on the day before, at or after `hour`. Whether one was already
 * sent is the caller's concern (a unique key per person, event and day).
 */
export function dueDayReminders(
  meetings: readonly ReminderMeeting[],
  zoneOf: (participantId: string) => string,
  now: Date,
  hour: number = DAY_REMINDER_HOUR,
): DueDayReminder[] {
  const nowIn = new Map<string, { date: string; minutes: number }>();
  // Thousands of meetings share a few dozen slot starts and zones: each local day is computed once.
  const dayIn = new Map<string, { day: string; before: string }>();
  const due = new Map<string, DueDayReminder>();
  for (const m of [...meetings].sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime() || x.id.localeCompare(y.id))) {
    for (const participantId of m.participants) {
      const timeZone = zoneOf(participantId);
      let today = nowIn.get(timeZone);
      if (!today) nowIn.set(timeZone, (today = instantToLocal(now, timeZone)));
      const dayKey = `${m.startsAt.getTime()}|${timeZone}`;
      let meetingDay = dayIn.get(dayKey);
      if (!meetingDay) {
        const date = instantToLocal(m.startsAt, timeZone).date;
        dayIn.set(dayKey, (meetingDay = { day: date, before: dayBefore(date) }));
      }
      const { day, before } = meetingDay;
      if (today.date !== before || today.minutes < hour * 60) continue;
      const key = `${participantId}|${day}`;
      let r = due.get(key);
      if (!r) due.set(key, (r = { participantId, day, timeZone, meetingIds: [] }));
      r.meetingIds.push(m.id);
    }
  }
  return [...due.values()];
}
