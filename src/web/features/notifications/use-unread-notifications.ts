import { useBadgeCount } from '../../lib/use-badge-count';
import { notificationApi, onNotificationsChanged } from './notification-api';

/** Unread notifications for the header badge. */
export function useUnreadNotifications(userId: string | null, navigationKey: string): number {
  return useBadgeCount(notificationApi.unread, onNotificationsChanged, userId, navigationKey);
}
