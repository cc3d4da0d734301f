import { useCallback, useEffect, useState } from 'react';
import type { ConceptRef, TextUnderstanding } from '../../../contracts/matching';
import { MAX_ANALYSIS_CHARS } from '../../../contracts/matching';
import { useT } from '../../i18n/i18n';
import { matchingApi } from './matching-api';

/**
 * "What we understood" in a text that is being written: analysed after the writer pauses, in
 * the reader's language. The last reading stays on screen while the next one is on its way, so
 * the chips do not flicker at every keystroke.
 */
export function useUnderstanding(text: string, delayMs = 600) {
  const { locale } = useT();
  const trimmed = text.trim().slice(0, MAX_ANALYSIS_CHARS);
  const key = `${locale}|${trimmed}`;
  const [last, setLast] = useState<{ key: string; data: TextUnderstanding } | null>(null);
  const [failedKey, setFailedKey] = useState<string | null>(null);

  useEffect(() => {
    if (!trimmed) return;
    let live = true;
    const timer = setTimeout(() => {
      matchingApi.understand(trimmed).then(
        (data) => live && setLast({ key, data }),
        () => live && setFailedKey(key),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, trimmed, delayMs]);

  return {
    data: trimmed ? (last?.data ?? null) : null,
    empty: !trimmed,
    reading: trimmed !== '' && last?.key !== key && failedKey !== key,
    failed: trimmed !== '' && failedKey === key,
  };
}

/**
 * Labels for concept ids that the current reading does not name (concepts the writer added, or
 * removed ones the text no longer mentions), fetched once per language.
 */
export function useConceptLabels(ids: readonly string[], known: ReadonlyMap<string, ConceptRef>) {
  const { locale } = useT();
  const [fetched, setFetched] = useState<{ locale: string; refs: Map<string, ConceptRef> }>({ locale, refs: new Map() });
  const refs = fetched.locale === locale ? fetched.refs : new Map<string, ConceptRef>();
  const missing = ids.filter((id) => !known.has(id) && !refs.has(id)).join(',');

  useEffect(() => {
    if (!missing) return;
    let live = true;
    matchingApi.conceptsById(missing.split(',')).then(
      (list) => {
        if (!live) return;
        setFetched((prev) => {
          const base = prev.locale === locale ? prev.refs : new Map<string, ConceptRef>();
          return { locale, refs: new Map([...base, ...list.items.map((c) => [c.id, c] as const)]) };
        });
      },
      () => undefined, // Unlabelled ids show as they are; nothing else depends on the labels.
    );
    return () => {
      live = false;
    };
  }, [missing, locale]);

  const remember = useCallback(
    (ref: ConceptRef) =>
      setFetched((prev) => ({ locale, refs: new Map([...(prev.locale === locale ? prev.refs : []), [ref.id, ref]]) })),
    [locale],
  );
  const label = (id: string): ConceptRef => known.get(id) ?? refs.get(id) ?? { id, label: id, kind: '' };
  return { label, remember };
}
