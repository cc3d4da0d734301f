/**
 * Dates and times of an event for the reader: every instant goes through Intl in the reader's
 * locale (zh-Hans for Chinese) and an explicit IANA zone — the event's, or a remote
 * participant's own — never the browser's by accident.
 */
import type { Locale } from '../../../contracts/common';
import type { EventSlot } from '../../../contracts/events';
import { languageTag } from '../../i18n/i18n';

const formats = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(languageTag(locale), { ...options, timeZone });
    formats.set(key, f);
  }
  return f;
}

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** "09:00–09:30" in `timeZone`. */
export function formatClockRange(startsAt: string, endsAt: string, locale: Locale, timeZone: string): string {
  return dtf(locale, timeZone, CLOCK).formatRange(new Date(startsAt), new Date(endsAt));
}

/** A calendar day of the event (YYYY-MM-DD, which has no zone) as a heading: "martedì 24 novembre". */
export function formatEventDay(isoDate: string, locale: Locale, style: 'long' | 'short' = 'long'): string {
  const options: Intl.DateTimeFormatOptions = style === 'long' ? { weekday: 'long', day: 'numeric', month: 'long' } : { weekday: 'short', day: 'numeric', month: 'short' };
  return dtf(locale, 'UTC', options).format(new Date(`${isoDate}T12:00:00Z`));
}

/** First to last day of an event: "20–21 aprile 2027", "April 20 – 21, 2027", "2027年4月20日至21日". */
export function formatDayRange(days: readonly string[], locale: Locale): string {
  const sorted = [...days].sort();
  if (sorted.length === 0) return '';
  const [first, last] = [sorted[0]!, sorted[sorted.length - 1]!];
  const at = (d: string) => new Date(`${d}T12:00:00Z`);
  const full: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
  if (locale !== 'zh' || first === last) return dtf(locale, 'UTC', full).formatRange(at(first), at(last));
  // ICU's Chinese interval data falls back to "2027/4/20 – 2027/4/21"; CLDR's own zh pattern is
  // "y年M月d日至d日", repeating only the fields that change.
  const to: Intl.DateTimeFormatOptions =
    first.slice(0, 7) === last.slice(0, 7) ? { day: 'numeric' } : first.slice(0, 4) === last.slice(0, 4) ? { day: 'numeric', month: 'long' } : full;
  return `${dtf(locale, 'UTC', full).format(at(first))}至${dtf(locale, 'UTC', to).format(at(last))}`;
}

/** An instant with its date: registration windows, request times. */
export function formatInstant(iso: string, locale: Locale, timeZone: string): string {
  return dtf(locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The zone as readers know it at `at`: "ora standard della Cina", "中欧标准时间", "GMT+8" as a last resort. */
export function zoneName(timeZone: string, locale: Locale, at: string | Date = new Date()): string {
  const part = dtf(locale, timeZone, { timeZoneName: 'long' })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** Minutes east of UTC of `timeZone` at `instant` (ms). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = dtf('en', timeZone, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' })
    .formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * A wall-clock time typed in a form ("2026-12-01T09:00", from <input type="datetime-local">)
 * read in `timeZone`, as an ISO instant with offset. Two passes settle offsets that change at
 * the instant itself (daylight-saving days).
 */
export function wallTimeToIso(local: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return local.trim() ? local : undefined;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let instant = wall - offsetMinutes(wall, timeZone) * 60_000;
  instant = wall - offsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant).toISOString();
}

/** Minutes after local midnight and the local date of an instant in `timeZone`. */
export function localClock(iso: string, timeZone: string): { date: string; minutes: number } {
  const parts = dtf('en', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(iso));
  const v = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${v('year')}-${v('month')}-${v('day')}`, minutes: Number(v('hour')) * 60 + Number(v('minute')) };
}

/** A remote participant's default working day, 08:00–19:00 in their own zone (as the server's default availability). */
export const WORKING_DAY = { start: 8 * 60, end: 19 * 60 };

export function withinWorkingDay(slot: Pick<EventSlot, 'startsAt' | 'endsAt'>, timeZone: string): boolean {
  const a = localClock(slot.startsAt, timeZone);
  const b = localClock(slot.endsAt, timeZone);
  return a.date === b.date && a.minutes >= WORKING_DAY.start && b.minutes <= WORKING_DAY.end;
}

/** Slots by event day, each day's in time order. */
export function slotsByDay(slots: readonly EventSlot[]): Array<{ day: string; slots: EventSlot[] }> {
  const days = new Map<string, EventSlot[]>();
  for (const s of [...slots].sort((x, y) => x.position - y.position)) {
    const list = days.get(s.day) ?? [];
    list.push(s);
    days.set(s.day, list);
  }
  return [...days].map(([day, list]) => ({ day, slots: list }));
}

/** Consecutive calendar days from `first` to `last`, inclusive (at most `max`). */
export function daysBetween(first: string, last: string, max = 31): string[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(first)) return [];
  const end = /^\d{4}-\d{2}-\d{2}$/.test(last) ? last : first;
  const out: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); out.length <= max; d = new Date(d.getTime() + 86_400_000)) {
    const iso = d.toISOString().slice(0, 10);
    if (iso > end) break;
    out.push(iso);
  }
  return out;
}

const clock = (hhmm: string) => (/^\d{2}:\d{2}$/.test(hhmm) ? Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) : NaN);

/**
 * How many slots one day of the grid gives: the same walk as the server's generator (a slot that
 * would overlap a break starts at the break's end), for the form's preview.
 */
export function slotsPerDay(grid: {
  sessions: Array<{ start: string; end: string }>;
  slotMinutes: number;
  gapMinutes: number;
  breaks: Array<{ start: string; end: string }>;
}): number {
  if (!(grid.slotMinutes >= 5)) return 0;
  const breaks = grid.breaks.map((b) => ({ start: clock(b.start), end: clock(b.end) })).filter((b) => b.start < b.end);
  let count = 0;
  for (const s of grid.sessions) {
    const end = clock(s.end);
    let t = clock(s.start);
    if (Number.isNaN(t) || Number.isNaN(end)) continue;
    while (t + grid.slotMinutes <= end) {
      const clash = breaks.find((b) => t < b.end && t + grid.slotMinutes > b.start);
      if (clash) {
        t = clash.end;
        continue;
      }
      count += 1;
      t += grid.slotMinutes + Math.max(0, grid.gapMinutes || 0);
    }
  }
  return count;
}
