/**
 * Notifications are stored as a kind and parameters (names in every language, an instant with the
 * zone to show it in) and rendered here in the reader's language whenever they are read or mailed,
 * so a reader who switches language sees every notification in the new one.
 */
import { pickText, type Locale } from '../../../contracts/common';
import type { NotificationKind } from '../../../contracts/notifications';
import { translate } from '../../i18n/messages';

export interface NotificationParams {
  /** The event's title in every language it has. */
  event?: Record<string, string>;
  /** The other side: an organisation's names and its legal name as a fallback. */
  organisation?: { names: Record<string, string>; plain: string };
  /** The meeting's (new) start, shown in `timeZone`. */
  startsAt?: string;
  timeZone?: string;
  table?: string;
  /** How many meetings (schedule published). */
  count?: number;
}

export interface RenderedNotification {
  title: string;
  body: string;
}

export function formatInstant(iso: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(new Date(iso));
}

export function renderNotification(kind: NotificationKind, p: NotificationParams, locale: Locale): RenderedNotification {
  const values = {
    event: pickText(p.event, locale),
    organisation: p.organisation ? pickText(p.organisation.names, locale) || p.organisation.plain : '',
    when: p.startsAt ? formatInstant(p.startsAt, p.timeZone ?? 'UTC', locale) : '',
    table: p.table ?? '',
    count: p.count ?? 0,
  };
  return {
    title: translate(locale, `notifications.${kind}.title`, values),
    body: translate(locale, `notifications.${kind}.body`, values),
  };
}
