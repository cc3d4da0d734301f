import type { Locale } from '../../contracts/common';
import { languageTag, useT } from '../i18n/i18n';

type Texts = Partial<Record<Locale, string>> | null | undefined;

/** Which language `pickText` would show: the reader's, else English, Italian, Chinese. */
export function pickLanguage(text: Texts, locale: Locale): Locale | null {
  if (!text) return null;
  for (const l of [locale, 'en', 'it', 'zh'] as const) if (text[l]) return l;
  return null;
}

/**
 * A text written by a user in one or more languages. When the reader's language is missing the
 * fallback is marked with a small language badge, since many readers read only one language.
 */
export function Localised({ text, fallback = '', block = false }: { text: Texts; fallback?: string; block?: boolean }) {
  const { t, locale } = useT();
  const shown = pickLanguage(text, locale);
  if (!shown || !text) return <>{fallback}</>;
  const value = text[shown]!;
  const Tag = block ? 'div' : 'span';
  if (shown === locale) return <Tag className={block ? 'prose' : undefined}>{value}</Tag>;
  return (
    <Tag className={block ? 'prose' : undefined}>
      <span lang={languageTag(shown)}>{value}</span>{' '}
      <abbr className="lang-badge" title={t('common.writtenIn', { language: t(`languages.${shown}`) })}>
        {shown.toUpperCase()}
      </abbr>
    </Tag>
  );
}

/** Every language an organisation's name is available in, the reader's first. */
export function AllNames({ names, legalName }: { names: Texts; legalName: string }) {
  const { t, locale } = useT();
  const order = [locale, ...(['it', 'zh', 'en'] as const).filter((l) => l !== locale)];
  const rows = order.filter((l) => names?.[l]).map((l) => ({ l, name: names![l]! }));
  return (
    <dl className="names">
      {rows.map(({ l, name }) => (
        <div key={l}>
          <dt>{t(`languages.${l}`)}</dt>
          <dd lang={languageTag(l)}>{name}</dd>
        </div>
      ))}
      <div>
        <dt>{t('organisation.legalName')}</dt>
        <dd>{legalName}</dd>
      </div>
    </dl>
  );
}
