/**
 * Wall-clock time in an IANA zone ↔ instants, with nothing but Intl (no zone database of our
 * own). Pure: the zone is always an argument, never the server's.
 */

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClockMs(instant: Date, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The zone's offset from UTC at `instant`, in minutes (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const ms = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallClockMs(new Date(ms), timeZone) - ms) / 60_000);
}

/**
 * The instant at which the zone's clocks show `date` + `minutes`. In a spring-forward gap the
 * later offset wins (02:30 that does not exist becomes 03:30), as calendar programs do.
 */
export function localToInstant(date: string, minutes: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, 0, minutes);
  const first = naive - zoneOffsetMinutes(new Date(naive), timeZone) * 60_000;
  // The offset at the guess may differ from the offset at the result near a transition.
  const second = naive - zoneOffsetMinutes(new Date(first), timeZone) * 60_000;
  return new Date(second);
}

export function instantToLocal(instant: Date, timeZone: string): LocalTime {
  const wall = new Date(wallClockMs(instant, timeZone));
  return { date: wall.toISOString().slice(0, 10), minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
}

/** 'HH:MM' → minutes since midnight. */
export const parseClock = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const formatClock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
