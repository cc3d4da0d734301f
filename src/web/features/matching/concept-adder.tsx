import { useEffect, useId, useState } from 'react';
import type { ConceptRef } from '../../../contracts/matching';
import { useT, type MessageKey } from '../../i18n/i18n';
import { matchingApi } from './matching-api';

export const conceptKindKey = (kind: string) => `conceptKinds.${kind}` as MessageKey;

/**
 * Searches the taxonomy by a label in any language and adds the chosen concept. Matches are plain
 * buttons (keyboard and screen readers need nothing special); Enter takes the first match
 * instead of submitting the surrounding form.
 */
export function ConceptAdder({
  exclude,
  disabled,
  onAdd,
}: {
  exclude: ReadonlySet<string>;
  disabled: boolean;
  onAdd: (concept: ConceptRef) => void;
}) {
  const { t, locale } = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ key: string; items: ConceptRef[] } | null>(null);
  const q = query.trim();
  const key = `${locale}|${q}`;

  useEffect(() => {
    if (!q) return;
    let live = true;
    const timer = setTimeout(() => {
      matchingApi.searchConcepts(q, 8).then(
        (list) => live && setFound({ key, items: list.items }),
        () => live && setFound({ key, items: [] }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, q]);

  const matches = found?.key === key ? found.items.filter((c) => !exclude.has(c.id)) : null;
  const add = (c: ConceptRef) => {
    onAdd(c);
    setQuery('');
  };

  return (
    <div className="concept-adder">
      <label htmlFor={id} className="picker__label">
        {t('understanding.addLabel')}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {disabled ? t('understanding.addLimit') : t('understanding.addHint')}
      </p>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={query}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        placeholder={t('understanding.addPlaceholder')}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && q) {
            e.preventDefault();
            if (matches?.[0]) add(matches[0]);
          }
        }}
      />
      {q !== '' && (
        <ul className="picker__matches" aria-live="polite" aria-label={t('understanding.matchesLabel')}>
          {matches === null && <li className="muted">{t('common.loading')}</li>}
          {matches?.length === 0 && <li className="muted">{t('understanding.noConcept')}</li>}
          {matches?.map((c) => (
            <li key={c.id}>
              <button type="button" className="picker__option" onClick={() => add(c)}>
                {c.label} <span className="muted">· {t(conceptKindKey(c.kind))}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
