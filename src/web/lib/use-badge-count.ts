import { useEffect, useRef, useState } from 'react';

/**
 * A count for a header badge (pending requests, unread notifications): loaded for the signed-in
 * user on every navigation (`navigationKey`) and whenever `subscribe` reports a change in this tab.
 * A failed load keeps the last count: a badge is a hint, not a place for an error.
 */
export function useBadgeCount(
  load: () => Promise<number>,
  subscribe: (listener: () => void) => () => void,
  userId: string | null,
  navigationKey: string,
): number {
  const [count, setCount] = useState<{ userId: string; value: number } | null>(null);
  const [changes, setChanges] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => subscribe(() => setChanges((n) => n + 1)), [subscribe]);

  useEffect(() => {
    if (!userId) return;
    let live = true;
    loadRef.current().then(
      (value) => live && setCount({ userId, value }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [userId, navigationKey, changes]);

  return userId && count?.userId === userId ? count.value : 0;
}
