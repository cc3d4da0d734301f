import type { Locale } from '../../../contracts/common';
import { languageTag } from '../../i18n/i18n';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(languageTag(locale), { ...options, timeZone });
    } catch {
      // An unknown zone name from an old browser: the reader's own zone rather than nothing.
      f = new Intl.DateTimeFormat(languageTag(locale), options);
    }
    cache.set(key, f);
  }
  return f;
}

/** "9:00 – 9:30 AM" / "09:00–09:30" / "09:00至09:30": a slot's times in the event's zone, the reader's clock. */
export function slotTimes(startsAt: string, endsAt: string, locale: Locale, timeZone: string): string {
  const f = formatter(locale, timeZone, { hour: 'numeric', minute: '2-digit' });
  return f.formatRange(new Date(startsAt), new Date(endsAt));
}

/** A calendar day of the grid ("martedì 12 maggio", "5月12日星期二"): a date, not an instant. */
export function dayLabel(isoDate: string, locale: Locale): string {
  return formatter(locale, 'UTC', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** A moment in the reader's locale, in the given zone. */
export function moment(iso: string, locale: Locale, timeZone: string): string {
  return formatter(locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
