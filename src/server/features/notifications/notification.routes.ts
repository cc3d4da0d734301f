import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MarkNotificationsRead, NotificationList, NotificationQuery, UnreadCount } from '../../../contracts/notifications';
import type { NotificationService } from './notification.service';

export const notificationRoutes: FastifyPluginAsyncZod<{ notifications: NotificationService }> = async (app, { notifications }) => {
  const tags = ['notifications'];
  app.get('/notifications', { schema: { tags, summary: 'Your notifications, newest first, in your language', querystring: NotificationQuery, response: { 200: NotificationList } } },
    async (req) => notifications.list(req.query, req.viewer, req.locale));
  app.post('/notifications/read', { schema: { tags, summary: 'Mark notifications read (all when no ids are given)', body: MarkNotificationsRead, response: { 200: UnreadCount } } },
    async (req) => notifications.markRead(req.body, req.viewer));
};
