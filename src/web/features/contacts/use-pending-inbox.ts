import { useBadgeCount } from '../../lib/use-badge-count';
import { contactApi, onContactsChanged } from './contact-api';

const loadPending = () => contactApi.list('inbox', 'pending').then((list) => list.pendingInbox);

/** Pending requests waiting for the viewer's organisations, for the header badge. */
export function usePendingInbox(userId: string | null, navigationKey: string): number {
  return useBadgeCount(loadPending, onContactsChanged, userId, navigationKey);
}
