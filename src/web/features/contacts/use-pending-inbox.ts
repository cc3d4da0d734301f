import { useEffect, useState } from 'react';
import { contactApi, onContactsChanged } from './contact-api';

/**
 * Pending requests waiting for the viewer's organisations, for the header badge. Reloaded on
 * every navigation (`navigationKey`) and whenever a request is sent or answered in this tab.
 */
export function usePendingInbox(userId: string | null, navigationKey: string): number {
  const [count, setCount] = useState<{ userId: string; pending: number } | null>(null);
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    const unsubscribe = onContactsChanged(() => setChanges((n) => n + 1));
    return () => {
      unsubscribe();
    };
  }, []);

  useEffect(() => {
    if (!userId) return;
    let live = true;
    contactApi.list('inbox', 'pending').then(
      (list) => live && setCount({ userId, pending: list.pendingInbox }),
      () => {
        // A badge is a hint: keep the last count rather than show an error in the header.
      },
    );
    return () => {
      live = false;
    };
  }, [userId, navigationKey, changes]);

  return userId && count?.userId === userId ? count.pending : 0;
}
