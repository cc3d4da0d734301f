/**
 * Notifications are stored as a kind and parameters (names in every language, an instant with the
 * zone to show it in) and rendered here in the reader's language whenever they are read or mailed,
 * so a reader who switches language sees every notification in the new one.
 */
import { pickText, type Locale } from '../../../contracts/common';
import type { NotificationKind } from '../../../contracts/notifications';
import { translate } from '../../i18n/messages';

/** An organisation's names and its legal name as a fallback. */
export interface NamedOrganisation {
  names: Record<string, string>;
  plain: string;
}

/** One meeting of the day-before reminder. */
export interface DayMeeting {
  startsAt: string;
  endsAt: string;
  organisation: NamedOrganisation;
  table: string;
  interpreter: string | null;
}

export interface NotificationParams {
  /** The event's title in every language it has. */
  event?: Record<string, string>;
  /** The other side. */
  organisation?: NamedOrganisation;
  /** The meeting's (new) start, shown in `timeZone`. */
  startsAt?: string;
  timeZone?: string;
  table?: string;
  /** How many meetings (schedule published, day-before reminder). */
  count?: number;
  /** The day-before reminder: the day (YYYY-MM-DD in `timeZone`) and its meetings in order. */
  day?: string;
  meetings?: DayMeeting[];
}

export interface RenderedNotification {
  title: string;
  body: string;
}

export function formatInstant(iso: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(new Date(iso));
}

const organisationName = (o: NamedOrganisation | undefined, locale: Locale) => (o ? pickText(o.names, locale) || o.plain : '');

/** "China Standard Time", "Ora standard della Cina", "中国标准时间". */
function zoneName(timeZone: string, at: Date, locale: Locale): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** The day-before reminder's body: a heading line with the day and zone, then one line per meeting. */
function dayReminderBody(p: NotificationParams, event: string, locale: Locale): string {
  const timeZone = p.timeZone ?? 'UTC';
  const meetings = p.meetings ?? [];
  // The day is a calendar date: formatted at noon UTC in UTC it cannot slip to a neighbour.
  const day = p.day ? new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${p.day}T12:00:00Z`)) : '';
  const clock = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const zone = zoneName(timeZone, new Date(meetings[0]?.startsAt ?? `${p.day ?? '2026-01-01'}T12:00:00Z`), locale);
  const lines = meetings.map((m) =>
    translate(locale, m.interpreter ? 'notifications.day_reminder.lineWithInterpreter' : 'notifications.day_reminder.line', {
      time: clock.formatRange(new Date(m.startsAt), new Date(m.endsAt)),
      organisation: organisationName(m.organisation, locale),
      table: m.table,
      interpreter: m.interpreter ?? '',
    }),
  );
  return [translate(locale, 'notifications.day_reminder.body', { event, day, zone }), ...lines].join('\n');
}

export function renderNotification(kind: NotificationKind, p: NotificationParams, locale: Locale): RenderedNotification {
  const values = {
    event: pickText(p.event, locale),
    organisation: organisationName(p.organisation, locale),
    when: p.startsAt ? formatInstant(p.startsAt, p.timeZone ?? 'UTC', locale) : '',
    table: p.table ?? '',
    count: p.count ?? 0,
  };
  return {
    title: translate(locale, `notifications.${kind}.title`, values),
    body: kind === 'day_reminder' ? dayReminderBody(p, values.event, locale) : translate(locale, `notifications.${kind}.body`, values),
  };
}
