import { LOCALES } from '../../../contracts/common';
import { languageTag, useT } from '../../i18n/i18n';
import { useSession } from '../session/session';

/** Each language is named in itself, so a reader finds theirs whatever is on screen. */
const ENDONYMS = { it: 'Italiano', zh: '中文', en: 'English' } as const;

export function LanguageSwitcher() {
  const { t, locale } = useT();
  const { switchLocale } = useSession();
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={languageTag(l)}
          aria-pressed={l === locale}
          onClick={() => void switchLocale(l)}
        >
          {ENDONYMS[l]}
        </button>
      ))}
    </div>
  );
}
