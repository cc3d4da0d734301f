import { z } from 'zod';
import { Uuid } from './common';

/** In-app notifications, per user (issue 4 item 13); also mailed in the recipient's language. */
export const NotificationKind = z.enum([
  'meeting_request_received',
  'meeting_request_accepted',
  'meeting_request_declined',
  'schedule_published',
  'meeting_moved',
  'meeting_cancelled',
  /** One meeting's reminder; superseded by `day_reminder`, kept so stored notifications still render. */
  'meeting_reminder',
  /** A meeting added or restored by the organiser after publication. */
  'meeting_added',
  'meeting_restored',
  /** The day before: one per person and event day, listing that day's meetings. */
  'day_reminder',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z.object({
  id: Uuid,
  kind: NotificationKind,
  /** Rendered in the reader's language when read, so switching language re-renders it. */
  title: z.string(),
  body: z.string(),
  /** A path inside the web app (e.g. /events/…), or null. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationQuery = z.infer<typeof NotificationQuery>;

export const NotificationList = z.object({
  items: z.array(Notification),
  /** Unread notifications of the reader in all. */
  unread: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof NotificationList>;

/** Marks these notifications read; without `ids`, all of the reader's. */
export const MarkNotificationsRead = z.object({ ids: z.array(Uuid).max(200).optional() }).strict();
export type MarkNotificationsRead = z.infer<typeof MarkNotificationsRead>;

export const UnreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;
