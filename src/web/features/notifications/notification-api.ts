import type { NotificationList, UnreadCount } from '../../../contracts/notifications';
import { api } from '../../lib/api';

const listeners = new Set<() => void>();

export const notificationApi = {
  list: (cursor?: string) => api.get<NotificationList>('/notifications', cursor ? { cursor } : {}),
  /** The badge needs only the count: one notification rendered, not a page. */
  unread: () => api.get<NotificationList>('/notifications', { limit: 1 }).then((l) => l.unread),
  markRead: (ids?: string[]) => api.post<UnreadCount>('/notifications/read', ids ? { ids } : {}),
};

/** The header badge listens, so marking read on the page updates it at once. */
export function notifyNotificationsChanged() {
  for (const listener of listeners) listener();
}

export function onNotificationsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
