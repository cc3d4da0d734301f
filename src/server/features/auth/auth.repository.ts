import type { Queryable } from '../../db/client';

export interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  locale: 'it' | 'zh' | 'en';
  time_zone: string;
  roles: Array<'admin' | 'organiser'>;
}

const USER_COLUMNS = 'id, email, password_hash, display_name, locale, time_zone, roles';

export function createAuthRepository(db: Queryable) {
  return {
    async insertUser(
      u: Omit<UserRow, 'id'>,
      tx: Queryable = db,
    ): Promise<UserRow | null> {
      const { rows } = await tx.query<UserRow>(
        `insert into users (email, password_hash, display_name, locale, time_zone, roles)
         values ($1, $2, $3, $4, $5, $6) on conflict (email) do nothing returning ${USER_COLUMNS}`,
        [u.email, u.password_hash, u.display_name, u.locale, u.time_zone, u.roles],
      );
      return rows[0] ?? null;
    },

    async userByEmail(email: string): Promise<UserRow | null> {
      const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from users where email = $1`, [email]);
      return rows[0] ?? null;
    },

    async userById(id: string): Promise<UserRow | null> {
      const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from users where id = $1`, [id]);
      return rows[0] ?? null;
    },

    async updateUser(id: string, patch: { display_name?: string; locale?: string; time_zone?: string; password_hash?: string; roles?: string[] }, tx: Queryable = db) {
      const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
      if (entries.length === 0) return;
      const sets = entries.map(([k], i) => `${k} = $${i + 1}`).join(', ');
      await tx.query(`update users set ${sets}, updated_at = now() where id = $${entries.length + 1}`, [
        ...entries.map(([, v]) => v),
        id,
      ]);
    },

    async adminExists(tx: Queryable = db): Promise<boolean> {
      const { rows } = await tx.query(`select 1 from users where 'admin' = any(roles) limit 1`);
      return rows.length > 0;
    },

    async insertSession(tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
      await db.query('insert into sessions (token_hash, user_id, expires_at) values ($1, $2, $3)', [
        tokenHash,
        userId,
        expiresAt,
      ]);
    },

    async sessionUser(tokenHash: string, now: Date): Promise<UserRow | null> {
      const { rows } = await db.query<UserRow>(
        `select ${USER_COLUMNS.split(', ').map((c) => `u.${c}`).join(', ')}
         from sessions s join users u on u.id = s.user_id
         where s.token_hash = $1 and s.expires_at > $2`,
        [tokenHash, now],
      );
      return rows[0] ?? null;
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.query('delete from sessions where token_hash = $1', [tokenHash]);
    },

    async deleteUserSessions(userId: string, tx: Queryable = db): Promise<void> {
      await tx.query('delete from sessions where user_id = $1', [userId]);
    },

    async insertToken(
      t: { tokenHash: string; purpose: 'password_reset' | 'admin_setup'; userId: string | null; expiresAt: Date },
    ): Promise<void> {
      await db.query(
        'insert into one_time_tokens (token_hash, purpose, user_id, expires_at) values ($1, $2, $3, $4)',
        [t.tokenHash, t.purpose, t.userId, t.expiresAt],
      );
    },

    /** Marks a valid token used and returns it; null when unknown, expired or already used. */
    async consumeToken(
      tokenHash: string,
      purpose: 'password_reset' | 'admin_setup',
      now: Date,
      tx: Queryable = db,
    ): Promise<{ user_id: string | null } | null> {
      const { rows } = await tx.query<{ user_id: string | null }>(
        `update one_time_tokens set used_at = $3
         where token_hash = $1 and purpose = $2 and used_at is null and expires_at > $3
         returning user_id`,
        [tokenHash, purpose, now],
      );
      return rows[0] ?? null;
    },

    async memberships(userId: string) {
      const { rows } = await db.query<{ organisation_id: string; slug: string; legal_name: string; role: 'owner' | 'member' }>(
        `select m.organisation_id, o.slug, o.legal_name, m.role from organisation_members m
         join organisations o on o.id = m.organisation_id where m.user_id = $1 order by o.sort_key`,
        [userId],
      );
      return rows;
    },

    async insertInvitation(i: { tokenHash: string; organisationId: string; email: string; role: string; invitedBy: string; expiresAt: Date }) {
      await db.query(
        `insert into invitations (token_hash, organisation_id, email, role, invited_by, expires_at)
         values ($1, $2, $3, $4, $5, $6)`,
        [i.tokenHash, i.organisationId, i.email, i.role, i.invitedBy, i.expiresAt],
      );
    },

    async consumeInvitation(tokenHash: string, email: string, now: Date, tx: Queryable = db) {
      const { rows } = await tx.query<{ organisation_id: string; role: 'owner' | 'member' }>(
        `update invitations set accepted_at = $3
         where token_hash = $1 and email = $2 and accepted_at is null and expires_at > $3
         returning organisation_id, role`,
        [tokenHash, email, now],
      );
      return rows[0] ?? null;
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
