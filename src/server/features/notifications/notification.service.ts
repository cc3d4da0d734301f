/**
 * In-app notifications with an e-mail copy (issue 4 item 13). `notify` stores one row per
 * recipient and mails it in the recipient's preferred language; a dedupe key makes a
 * notification idempotent (the day-before reminder is sent once per person, event and day,
 * however often the hourly job runs, and by however many server processes).
 */
import type { Locale } from '../../../contracts/common';
import type { MarkNotificationsRead, Notification, NotificationKind, NotificationList, NotificationQuery, UnreadCount } from '../../../contracts/notifications';
import type { Db } from '../../db/client';
import { unauthenticated } from '../../errors';
import { decodeCursor, encodeCursor } from '../../http/cursor';
import { translate } from '../../i18n/messages';
import type { Mailer } from '../../mail/mailer';
import type { Viewer } from '../auth/auth-context';
import { renderNotification, type NotificationParams } from './notification-render';
import { createNotificationRepository, type NotificationRow } from './notification.repository';

/** E-mails sent at once: enough to hide SMTP round trips, few enough not to flood the relay. */
const MAIL_CONCURRENCY = 8;

export interface NotificationDeps {
  db: Db;
  mailer: Mailer;
  clock: () => Date;
  publicUrl: string;
}

export interface NewNotification {
  kind: NotificationKind;
  params: NotificationParams;
  /** A path inside the web app. */
  link: string | null;
  /** Same key for the same user: stored and mailed only once. */
  dedupeKey?: string;
}

export function createNotificationService({ db, mailer, clock, publicUrl }: NotificationDeps) {
  const repo = createNotificationRepository(db);

  const present = (r: NotificationRow, locale: Locale): Notification => ({
    id: r.id,
    kind: r.kind,
    ...renderNotification(r.kind, r.params, locale),
    link: r.link,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
  });

  /**
   * Several notifications at once (a published schedule tells every participant their own
   * count): one insert for all, then the e-mails a few at a time, not one round trip each.
   */
  async function notifyEach(batch: ReadonlyArray<{ userIds: readonly string[]; notification: NewNotification }>): Promise<number> {
    const rows = batch.flatMap(({ userIds, notification: n }) =>
      [...new Set(userIds)].map((userId) => ({ userId, kind: n.kind, params: n.params, link: n.link, dedupeKey: n.dedupeKey ?? null })),
    );
    const inserted = await repo.insertMany(rows, clock());
    const recipients = new Map((await repo.recipients([...new Set(inserted.map((r) => r.user_id))])).map((u) => [u.id, u]));
    const mails = inserted.map((r) => {
      const user = recipients.get(r.user_id)!;
      const { title, body } = renderNotification(r.kind, r.params, user.locale);
      const link = r.link ? `\n\n${publicUrl}${r.link}` : '';
      return {
        to: user.email,
        subject: title,
        text: `${translate(user.locale, 'mail.greeting', { name: user.display_name })}\n\n${body}${link}\n\n${translate(user.locale, 'mail.signature')}\n`,
      };
    });
    for (let k = 0; k < mails.length; k += MAIL_CONCURRENCY) await Promise.all(mails.slice(k, k + MAIL_CONCURRENCY).map((m) => mailer.send(m)));
    return inserted.length;
  }

  return {
    notifyEach,

    /** Stores and mails `n` to each user once; returns how many were new. */
    async notify(userIds: readonly string[], n: NewNotification): Promise<number> {
      return notifyEach([{ userIds, notification: n }]);
    },

    async list(q: NotificationQuery, viewer: Viewer | null, locale: Locale): Promise<NotificationList> {
      if (!viewer) throw unauthenticated();
      const after = q.cursor ? decodeCursor(q.cursor) : null;
      const rows = await repo.page(viewer.userId, after, q.limit + 1);
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => present(r, locale)),
        unread: await repo.unread(viewer.userId),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
      };
    },

    async markRead(input: MarkNotificationsRead, viewer: Viewer | null): Promise<UnreadCount> {
      if (!viewer) throw unauthenticated();
      await repo.markRead(viewer.userId, input.ids ?? null, clock());
      return { unread: await repo.unread(viewer.userId) };
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
