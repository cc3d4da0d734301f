import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../contracts/common';
import en from './en.json';
import it from './it.json';
import zh from './zh.json';

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends Record<string, unknown> ? `${K}.${Leaves<T[K]>}` : K;
}[keyof T & string];
/** Plural forms live under `key_one` / `key_other`; callers name the base key and pass `count`. */
type StripPlural<K extends string> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : K;
/** Every message key, typed from en.json so a typo fails `tsc`. */
export type MessageKey = StripPlural<Leaves<typeof en>>;
export type TFunction = (key: MessageKey, options?: Record<string, unknown>) => string;

const STORAGE_KEY = 'ponte.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** BCP 47 tag for `<html lang>` and Intl: Ponte's Chinese is Simplified, for mainland readers. */
export function languageTag(locale: Locale): string {
  return locale === 'zh' ? 'zh-Hans' : locale;
}

/** Saved choice first, then the browser's preferred languages, then English. */
export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage may be blocked (private mode); fall through to the browser languages.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

function applyToDocument(locale: Locale) {
  document.documentElement.lang = languageTag(locale);
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not fatal: the choice still holds for this visit.
  }
}

export async function setupI18n(): Promise<void> {
  const lng = initialLocale();
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, it: { translation: it }, zh: { translation: zh } },
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(lng);
  i18next.on('languageChanged', (l) => {
    if (isLocale(l)) applyToDocument(l);
  });
}

export function currentLocale(): Locale {
  const l = i18next.language;
  return isLocale(l) ? l : 'en';
}

export function changeLocale(locale: Locale): Promise<unknown> {
  return i18next.changeLanguage(locale);
}

/** `t` typed against en.json, plus the reader's locale. */
export function useT(): { t: TFunction; locale: Locale } {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  return { t: t as unknown as TFunction, locale };
}
