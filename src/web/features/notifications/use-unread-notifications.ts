import { useEffect, useState } from 'react';
import { notificationApi, onNotificationsChanged } from './notification-api';

/** Unread notifications for the header badge: reloaded on every navigation and after marking read. */
export function useUnreadNotifications(userId: string | null, navigationKey: string): number {
  const [count, setCount] = useState<{ userId: string; unread: number } | null>(null);
  const [changes, setChanges] = useState(0);

  useEffect(() => onNotificationsChanged(() => setChanges((n) => n + 1)) as () => void, []);

  useEffect(() => {
    if (!userId) return;
    let live = true;
    notificationApi.list().then(
      (list) => live && setCount({ userId, unread: list.unread }),
      () => {
        // A badge is a hint: keep the last count rather than show an error in the header.
      },
    );
    return () => {
      live = false;
    };
  }, [userId, navigationKey, changes]);

  return userId && count?.userId === userId ? count.unread : 0;
}
