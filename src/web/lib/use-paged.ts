import { useCallback, useEffect, useRef, useState } from 'react';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface ListState<T> {
  key: string;
  items: T[];
  cursor: string | null;
  status: 'ready' | 'more' | 'error';
  error: unknown;
}

/** A cursor-paged list: the first page reloads when `key` changes, `loadMore` appends the next. */
export function usePaged<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, key: string) {
  const [state, setState] = useState<ListState<T> | null>(null);
  const fetchRef = useRef(fetchPage);
  useEffect(() => {
    fetchRef.current = fetchPage;
  });

  useEffect(() => {
    let live = true;
    fetchRef.current(null).then(
      (page) => live && setState({ key, items: page.items, cursor: page.nextCursor, status: 'ready', error: null }),
      (error: unknown) => live && setState({ key, items: [], cursor: null, status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [key]);

  const current = state && state.key === key ? state : null;
  const cursor = current?.cursor ?? null;

  const loadMore = useCallback(() => {
    if (!cursor) return;
    setState((s) => (s && s.key === key ? { ...s, status: 'more' } : s));
    fetchRef.current(cursor).then(
      (page) =>
        setState((s) =>
          s && s.key === key ? { ...s, items: [...s.items, ...page.items], cursor: page.nextCursor, status: 'ready' } : s,
        ),
      (error: unknown) => setState((s) => (s && s.key === key ? { ...s, status: 'error', error } : s)),
    );
  }, [cursor, key]);

  return {
    items: current?.items ?? [],
    hasMore: cursor !== null,
    status: current?.status ?? ('loading' as const),
    error: current?.error ?? null,
    loadMore,
  };
}
