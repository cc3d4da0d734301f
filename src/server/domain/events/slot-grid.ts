import { instantToLocal, localToInstant, parseClock } from './zoned-time';

export type SessionName = 'morning' | 'afternoon';

export interface SlotGrid {
  /** Local dates, YYYY-MM-DD. */
  days: string[];
  sessions: Array<{ session: SessionName; start: string; end: string }>;
  slotMinutes: number;
  /** Minutes between two consecutive slots (changing tables). */
  gapMinutes: number;
  /** Local clock ranges with no meetings (coffee, lunch), on every day. */
  breaks: Array<{ start: string; end: string }>;
}

export interface GeneratedSlot {
  position: number;
  day: string;
  session: SessionName;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Days × sessions → slots in the event's zone, in time order. A slot never overlaps a break: it
 * starts at the break's end instead. Slots that do not fit before the session ends are dropped.
 */
export function generateSlots(grid: SlotGrid, timeZone: string): GeneratedSlot[] {
  const days = [...new Set(grid.days)].sort();
  const sessions = [...grid.sessions].sort((x, y) => parseClock(x.start) - parseClock(y.start));
  const breaks = grid.breaks.map((b) => ({ start: parseClock(b.start), end: parseClock(b.end) }));
  const out: GeneratedSlot[] = [];
  for (const day of days) {
    for (const s of sessions) {
      const end = parseClock(s.end);
      let t = parseClock(s.start);
      while (t + grid.slotMinutes <= end) {
        const clash = breaks.find((b) => t < b.end && t + grid.slotMinutes > b.start);
        if (clash) {
          t = clash.end;
          continue;
        }
        out.push({
          position: out.length,
          day,
          session: s.session,
          startsAt: localToInstant(day, t, timeZone),
          endsAt: localToInstant(day, t + grid.slotMinutes, timeZone),
        });
        t += grid.slotMinutes + grid.gapMinutes;
      }
    }
  }
  return out;
}

/** Default working day of a remote participant, in their own zone (issue 4 item 2). */
export const WORKING_DAY = { start: 8 * 60, end: 19 * 60 };

/** True when the slot lies wholly inside 08:00–19:00 of one working day in `timeZone`. */
export function withinWorkingDay(slot: { startsAt: Date; endsAt: Date }, timeZone: string): boolean {
  const a = instantToLocal(slot.startsAt, timeZone);
  const b = instantToLocal(slot.endsAt, timeZone);
  return a.date === b.date && a.minutes >= WORKING_DAY.start && b.minutes <= WORKING_DAY.end;
}
