import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/i18n';

export type FetchState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: null; error: unknown };

type Settled<T> = { key: string } & ({ status: 'ready'; data: T; error: null } | { status: 'error'; data: null; error: unknown });

/**
 * Loads `load()` whenever `key` or the screen language changes (the server localises errors).
 * A result is kept with the key it was loaded for, so a stale one reads as "loading".
 */
export function useFetch<T>(load: () => Promise<T>, key: string): FetchState<T> & { reload: () => void } {
  const { locale } = useT();
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const fullKey = `${key}|${locale}|${nonce}`;

  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (data) => live && setSettled({ key: fullKey, status: 'ready', data, error: null }),
      (error: unknown) => live && setSettled({ key: fullKey, status: 'error', data: null, error }),
    );
    return () => {
      live = false;
    };
  }, [fullKey]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  if (!settled || settled.key !== fullKey) return { status: 'loading', data: null, error: null, reload };
  const { key: _key, ...state } = settled;
  return { ...state, reload };
}
