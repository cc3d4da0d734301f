import type { Locale } from '../../contracts/common';
import { languageTag } from '../i18n/i18n';

const regionNames = new Map<Locale, Intl.DisplayNames>();
const languageNames = new Map<Locale, Intl.DisplayNames>();

/** "CN" → "Cina" / "中国" / "China" in the reader's language. */
export function countryName(code: string, locale: Locale): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([languageTag(locale)], { type: 'region' });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** ISO 639 code → language name in the reader's language. */
export function languageName(code: string, locale: Locale): string {
  let names = languageNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([languageTag(locale)], { type: 'language' });
    languageNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(languageTag(locale), options).format(value);
}

/**
 * Large figures read best in the reader's own grouping: Chinese counts in 万 and 亿, Italian in
 * "mln" and "mld", so key facts of a million and more use compact notation.
 */
export function formatFigure(value: number, locale: Locale): string {
  const large = Math.abs(value) >= 1_000_000 || (locale === 'zh' && Math.abs(value) >= 10_000);
  return formatNumber(value, locale, large ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 });
}

export function formatMoney(value: number, currency: string, locale: Locale): string {
  try {
    return formatNumber(value, locale, { style: 'currency', currency, maximumFractionDigits: 0 });
  } catch {
    return `${formatNumber(value, locale)} ${currency}`;
  }
}

/** A timestamp in the reader's language and time zone. */
export function formatDateTime(iso: string, locale: Locale, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(languageTag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(languageTag(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

/** A calendar date (YYYY-MM-DD) has no time zone: format it as that day, wherever the reader is. */
export function formatDate(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(languageTag(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Countries offered in pickers: the two the platform bridges first, then the rest of Europe and Asia. */
export const COMMON_COUNTRIES = ['IT', 'CN', 'HK', 'TW', 'SG', 'FR', 'DE', 'ES', 'PT', 'CH', 'AT', 'GB', 'NL', 'BE', 'PL', 'US', 'JP', 'KR', 'VN'];

export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? ['Europe/Rome', 'Asia/Shanghai', 'UTC'];
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Rome';
}
