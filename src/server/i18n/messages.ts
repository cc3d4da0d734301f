import i18next, { type TFunction } from 'i18next';
import type { Locale } from '../../contracts/common';
import { LOCALES } from '../../contracts/common';
import en from './en.json';
import it from './it.json';
import zh from './zh.json';

export const serverCatalogs = { en, it, zh } as const;

const instance = i18next.createInstance();
void instance.init({
  resources: { en: { translation: en }, it: { translation: it }, zh: { translation: zh } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

const fixedTs = new Map<Locale, TFunction>(LOCALES.map((l) => [l, instance.getFixedT(l)]));

/** Server-side translation for problems and e-mails. */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  return fixedTs.get(locale)!(key, params) as string;
}

/** Picks it/zh/en from an Accept-Language header, best quality first; English otherwise. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0] as Locale;
    if ((LOCALES as readonly string[]).includes(base)) return base;
  }
  return null;
}
