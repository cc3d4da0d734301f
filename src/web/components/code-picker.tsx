import { useId, useMemo, useState } from 'react';
import { useT } from '../i18n/i18n';
import { useReference, type ReferenceKind } from '../features/reference/reference';

const MAX_MATCHES = 12;

/**
 * Chooses NACE sectors or HS products by typing a code or words in the reader's language.
 * Chosen codes show as removable chips; matches are plain buttons, so it works by keyboard.
 */
export function CodePicker({
  kind,
  legend,
  value,
  onChange,
  error,
  max = 20,
}: {
  kind: ReferenceKind;
  legend: string;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string;
  max?: number;
}) {
  const { t, locale } = useT();
  const reference = useReference(kind);
  const [query, setQuery] = useState('');
  const id = useId();

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return reference.items
      .filter((item) => !value.includes(item.code))
      .filter((item) => item.code.toLowerCase().startsWith(q) || reference.label(item.code, locale).toLowerCase().includes(q))
      .slice(0, MAX_MATCHES);
  }, [query, reference, value, locale]);

  const add = (code: string) => {
    if (value.length >= max) return;
    onChange([...value, code]);
    setQuery('');
  };

  return (
    <fieldset className={error ? 'field-group picker field--invalid' : 'field-group picker'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {value.length > 0 && (
        <ul className="chips" aria-label={t('picker.chosen')}>
          {value.map((code) => (
            <li key={code} className="chip">
              <span>
                <span className="code">{code}</span> {reference.label(code, locale)}
              </span>
              <button
                type="button"
                className="chip__remove"
                aria-label={t('picker.remove', { item: `${code} ${reference.label(code, locale)}` })}
                onClick={() => onChange(value.filter((c) => c !== code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id} className="picker__label">
        {kind === 'sectors' ? t('picker.findSector') : t('picker.findProduct')}
      </label>
      <input
        id={id}
        type="search"
        value={query}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter picks the first match rather than submitting the surrounding form.
          if (e.key === 'Enter' && query.trim()) {
            e.preventDefault();
            if (matches[0]) add(matches[0].code);
          }
        }}
        placeholder={kind === 'sectors' ? t('picker.sectorPlaceholder') : t('picker.productPlaceholder')}
      />
      {query.trim() !== '' && (
        <ul className="picker__matches" aria-live="polite">
          {matches.length === 0 && <li className="muted">{t('picker.noMatch')}</li>}
          {matches.map((item) => (
            <li key={item.code}>
              <button type="button" className="picker__option" onClick={() => add(item.code)}>
                <span className="code">{item.code}</span> {reference.label(item.code, locale)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
