/**
 * A minimal iCalendar (RFC 5545) writer for agenda feeds: VEVENTs in UTC (no VTIMEZONE needed),
 * stable UIDs and a SEQUENCE the caller bumps whenever a meeting changes, so a calendar that
 * re-imports the feed updates its events instead of duplicating them. Written here rather than
 * taken from npm: the subset needed is under 100 lines (decision 008).
 */

export interface CalendarEvent {
  uid: string;
  sequence: number;
  /** When this version of the event was last changed (DTSTAMP / LAST-MODIFIED). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
  cancelled?: boolean;
}

export interface Calendar {
  name: string;
  /** Shown by some clients (X-WR-TIMEZONE); the times themselves are UTC. */
  timeZone?: string;
  events: CalendarEvent[];
}

/** RFC 5545 3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    // The first line may hold 75 octets; continuation lines 74 plus the leading space.
    if (octets + n > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export const formatUtc = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function writeCalendar(cal: Calendar): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ponte//Agenda//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(cal.name)}`];
  if (cal.timeZone) lines.push(`X-WR-TIMEZONE:${cal.timeZone}`);
  for (const e of cal.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `SEQUENCE:${e.sequence}`,
      `DTSTAMP:${formatUtc(e.stamp)}`,
      `LAST-MODIFIED:${formatUtc(e.stamp)}`,
      `DTSTART:${formatUtc(e.start)}`,
      `DTEND:${formatUtc(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
