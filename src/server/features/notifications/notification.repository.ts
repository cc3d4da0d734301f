import type { NotificationKind } from '../../../contracts/notifications';
import type { Queryable } from '../../db/client';
import type { NotificationParams } from './notification-render';

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  params: NotificationParams;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

export interface Recipient {
  id: string;
  email: string;
  display_name: string;
  locale: 'it' | 'zh' | 'en';
}

export function createNotificationRepository(db: Queryable) {
  return {
    /**
     * Inserts many notifications in one statement; rows whose (user, dedupe key) exists already
     * are skipped. Returns the rows actually inserted.
     */
    async insertMany(rows: ReadonlyArray<{ userId: string; kind: NotificationKind; params: NotificationParams; link: string | null; dedupeKey: string | null }>, at: Date): Promise<Array<NotificationRow & { user_id: string }>> {
      if (rows.length === 0) return [];
      const { rows: inserted } = await db.query<NotificationRow & { user_id: string }>(
        `insert into notifications (user_id, kind, params, link, dedupe_key, created_at)
         select u, k, p::jsonb, l, d, $6 from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) as t(u, k, p, l, d)
         on conflict (user_id, dedupe_key) where dedupe_key is not null do nothing
         returning id, user_id, kind, params, link, created_at, read_at`,
        [rows.map((r) => r.userId), rows.map((r) => r.kind), rows.map((r) => JSON.stringify(r.params)), rows.map((r) => r.link), rows.map((r) => r.dedupeKey), at],
      );
      return inserted;
    },

    async recipients(userIds: readonly string[]): Promise<Recipient[]> {
      const { rows } = await db.query<Recipient>('select id, email, display_name, locale from users where id = any($1::uuid[])', [userIds]);
      return rows;
    },

    /** Newest first, keyset-paged on (created_at, id). */
    async page(userId: string, after: [string, string] | null, limit: number): Promise<NotificationRow[]> {
      const { rows } = await db.query<NotificationRow>(
        `select id, kind, params, link, created_at, read_at from notifications
         where user_id = $1 and ($2::timestamptz is null or (created_at, id) < ($2::timestamptz, $3::uuid))
         order by created_at desc, id desc limit $4`,
        [userId, after?.[0] ?? null, after?.[1] ?? null, limit],
      );
      return rows;
    },

    async unread(userId: string): Promise<number> {
      const { rows } = await db.query<{ n: number }>('select count(*) as n from notifications where user_id = $1 and read_at is null', [userId]);
      return Number(rows[0]!.n);
    },

    async markRead(userId: string, ids: readonly string[] | null, at: Date): Promise<void> {
      await db.query(
        'update notifications set read_at = $3 where user_id = $1 and read_at is null and ($2::uuid[] is null or id = any($2::uuid[]))',
        [userId, ids, at],
      );
    },
  };
}

export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
