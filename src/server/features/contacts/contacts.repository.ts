import type { Queryable } from '../../db/client';

export interface ContactRow {
  id: string;
  from_organisation_id: string;
  to_organisation_id: string;
  opportunity_id: string | null;
  opportunity_title: Record<string, string> | null;
  from_user_id: string;
  message: string;
  status: 'pending' | 'accepted' | 'declined';
  responded_by: string | null;
  responded_at: Date | null;
  reminded_at: Date | null;
  created_at: Date;
}

export interface Person {
  id: string;
  email: string;
  display_name: string;
  locale: 'it' | 'zh' | 'en';
}

const SELECT = `select c.id, c.from_organisation_id, c.to_organisation_id, c.opportunity_id, p.title as opportunity_title,
  c.from_user_id, c.message, c.status, c.responded_by, c.responded_at, c.reminded_at, c.created_at
  from contact_requests c left join opportunities p on p.id = c.opportunity_id`;

/**
 * How reliably each organisation answers contact requests, for matching's responsiveness: the
 * share answered (accepted or declined) among those answered or left pending longer than
 * `graceDays`, with one answered and one ignored request as prior — so 0.5 while nothing is known
 * and a single ignored request does not sink anyone.
 */
export async function answeredShares(db: Queryable, graceDays: number): Promise<Map<string, number>> {
  const { rows } = await db.query<{ organisation_id: string; answered: number; ignored: number }>(
    `select to_organisation_id as organisation_id,
            count(*) filter (where status <> 'pending')::int as answered,
            count(*) filter (where status = 'pending' and created_at < now() - make_interval(days => $1))::int as ignored
       from contact_requests group by to_organisation_id`,
    [graceDays],
  );
  return new Map(rows.map((r) => [r.organisation_id, (r.answered + 1) / (r.answered + r.ignored + 2)]));
}

export function createContactsRepository(db: Queryable) {
  return {
    /** Inserts a pending request; null when one is already pending for the same pair and subject. */
    async insert(r: { from: string; to: string; opportunityId: string | null; userId: string; message: string; at: Date }): Promise<string | null> {
      const { rows } = await db.query<{ id: string }>(
        `insert into contact_requests (from_organisation_id, to_organisation_id, opportunity_id, from_user_id, message, created_at)
         values ($1, $2, $3, $4, $5, $6)
         on conflict do nothing returning id`,
        [r.from, r.to, r.opportunityId, r.userId, r.message, r.at],
      );
      return rows[0]?.id ?? null;
    },

    async findById(id: string): Promise<ContactRow | null> {
      const { rows } = await db.query<ContactRow>(`${SELECT} where c.id = $1`, [id]);
      return rows[0] ?? null;
    },

    async forOrganisations(orgIds: readonly string[], box: 'inbox' | 'sent', status: string | null): Promise<ContactRow[]> {
      const column = box === 'inbox' ? 'c.to_organisation_id' : 'c.from_organisation_id';
      const { rows } = await db.query<ContactRow>(
        `${SELECT} where ${column} = any($1::uuid[]) and ($2::text is null or c.status = $2)
         order by c.created_at desc limit 200`,
        [orgIds, status],
      );
      return rows;
    },

    async countPendingFor(orgIds: readonly string[]): Promise<number> {
      const { rows } = await db.query<{ n: number }>(
        `select count(*) as n from contact_requests where to_organisation_id = any($1::uuid[]) and status = 'pending'`,
        [orgIds],
      );
      return Number(rows[0]!.n);
    },

    /** Moves a pending request to accepted/declined; false when it was no longer pending. */
    async respond(id: string, status: 'accepted' | 'declined', userId: string, at: Date): Promise<boolean> {
      const { rows } = await db.query(
        `update contact_requests set status = $2, responded_by = $3, responded_at = $4
         where id = $1 and status = 'pending' returning id`,
        [id, status, userId, at],
      );
      return rows.length > 0;
    },

    /** Pending requests created before `before` that were never reminded. */
    async dueForReminder(before: Date): Promise<ContactRow[]> {
      const { rows } = await db.query<ContactRow>(
        `${SELECT} where c.status = 'pending' and c.reminded_at is null and c.created_at < $1 order by c.created_at`,
        [before],
      );
      return rows;
    },

    /** Claims the reminder (false when another process already sent it). */
    async markReminded(id: string, at: Date): Promise<boolean> {
      const { rows } = await db.query(
        'update contact_requests set reminded_at = $2 where id = $1 and reminded_at is null returning id',
        [id, at],
      );
      return rows.length > 0;
    },

    async memberOrganisationIds(userId: string): Promise<string[]> {
      const { rows } = await db.query<{ organisation_id: string }>(
        'select organisation_id from organisation_members where user_id = $1',
        [userId],
      );
      return rows.map((r) => r.organisation_id);
    },

    async membersOf(orgId: string): Promise<Person[]> {
      const { rows } = await db.query<Person>(
        `select u.id, u.email, u.display_name, u.locale from organisation_members m join users u on u.id = m.user_id
         where m.organisation_id = $1 order by m.role, u.created_at`,
        [orgId],
      );
      return rows;
    },

    async person(userId: string): Promise<Person | null> {
      const { rows } = await db.query<Person>('select id, email, display_name, locale from users where id = $1', [userId]);
      return rows[0] ?? null;
    },

  };
}

export type ContactsRepository = ReturnType<typeof createContactsRepository>;
