import { createHash, randomBytes } from 'node:crypto';
import type { Me, SignUpInput } from '../../../contracts/auth';
import type { Locale } from '../../../contracts/common';
import type { Db } from '../../db/client';
import { DomainError, conflict, forbidden, notFound, unauthenticated } from '../../errors';
import { translate } from '../../i18n/messages';
import type { Mailer } from '../../mail/mailer';
import { composeMail } from '../../mail/mailer';
import type { Viewer } from './auth-context';
import { isAdmin } from './auth-context';
import { createAuthRepository, type UserRow } from './auth.repository';
import type { PasswordHasher } from './password';

const SESSION_DAYS = 30;
const RESET_MINUTES = 60;
const INVITATION_DAYS = 7;
const SETUP_HOURS = 72;

export const newToken = (): string => randomBytes(32).toString('base64url');
/** Only hashes of tokens are stored: a leaked database does not grant sessions. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

function toViewer(u: UserRow): Viewer {
  return { userId: u.id, email: u.email, displayName: u.display_name, locale: u.locale, roles: u.roles };
}

export function createAuthService(deps: {
  db: Db;
  hasher: PasswordHasher;
  mailer: Mailer;
  clock: () => Date;
  publicUrl: string;
}) {
  const { db, hasher, mailer, clock, publicUrl } = deps;
  const repo = createAuthRepository(db);
  // Verifying against a throw-away hash when the e-mail is unknown keeps sign-in time the same
  // for known and unknown addresses, so timing does not reveal who has an account.
  const dummyHash = hasher.hash(newToken());

  async function startSession(userId: string): Promise<string> {
    const token = newToken();
    await repo.insertSession(hashToken(token), userId, addMinutes(clock(), SESSION_DAYS * 24 * 60));
    return token;
  }

  async function createUser(input: SignUpInput, roles: Array<'admin' | 'organiser'>) {
    const user = await repo.insertUser({
      email: input.email,
      password_hash: await hasher.hash(input.password),
      display_name: input.displayName,
      locale: input.locale,
      time_zone: input.timeZone,
      roles,
    });
    if (!user) throw conflict('email_taken');
    return user;
  }

  return {
    async signUp(input: SignUpInput): Promise<{ token: string; viewer: Viewer }> {
      const user = await createUser(input, []);
      await mailer.send(
        composeMail(user.locale, 'welcome', { email: user.email, name: user.display_name }, { link: publicUrl }),
      );
      return { token: await startSession(user.id), viewer: toViewer(user) };
    },

    async signIn(email: string, password: string): Promise<{ token: string; viewer: Viewer }> {
      const user = await repo.userByEmail(email);
      const ok = await hasher.verify(password, user?.password_hash ?? (await dummyHash));
      if (!user || !ok) throw new DomainError('unauthenticated', 'invalid_credentials');
      return { token: await startSession(user.id), viewer: toViewer(user) };
    },

    async signOut(token: string): Promise<void> {
      await repo.deleteSession(hashToken(token));
    },

    async viewerForToken(token: string): Promise<Viewer | null> {
      const user = await repo.sessionUser(hashToken(token), clock());
      return user ? toViewer(user) : null;
    },

    async me(viewer: Viewer | null): Promise<Me> {
      if (!viewer) throw unauthenticated();
      const user = await repo.userById(viewer.userId);
      if (!user) throw unauthenticated();
      const memberships = await repo.memberships(user.id);
      return {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        locale: user.locale,
        timeZone: user.time_zone,
        roles: user.roles,
        memberships: memberships.map((m) => ({
          organisationId: m.organisation_id,
          slug: m.slug,
          legalName: m.legal_name,
          role: m.role,
        })),
      };
    },

    async updateMe(viewer: Viewer | null, patch: { displayName?: string; locale?: Locale; timeZone?: string }) {
      if (!viewer) throw unauthenticated();
      await repo.updateUser(viewer.userId, {
        display_name: patch.displayName,
        locale: patch.locale,
        time_zone: patch.timeZone,
      });
    },

    /** Always succeeds from the caller's view, so the form does not reveal which e-mails exist. */
    async requestPasswordReset(email: string): Promise<void> {
      const user = await repo.userByEmail(email);
      if (!user) return;
      const token = newToken();
      await repo.insertToken({
        tokenHash: hashToken(token),
        purpose: 'password_reset',
        userId: user.id,
        expiresAt: addMinutes(clock(), RESET_MINUTES),
      });
      const link = `${publicUrl}/reset-password?token=${token}`;
      await mailer.send(composeMail(user.locale, 'passwordReset', { email: user.email, name: user.display_name }, { link }));
    },

    async confirmPasswordReset(token: string, password: string): Promise<void> {
      const passwordHash = await hasher.hash(password);
      await db.transaction(async (tx) => {
        const t = await repo.consumeToken(hashToken(token), 'password_reset', clock(), tx);
        if (!t?.user_id) throw new DomainError('invalid', 'token_invalid');
        await repo.updateUser(t.user_id, { password_hash: passwordHash }, tx);
        // A reset ends every open session: whoever knew the old password is signed out.
        await repo.deleteUserSessions(t.user_id, tx);
      });
    },

    /** Issues a one-time link for creating the first administrator; null once one exists. */
    async issueSetupToken(): Promise<string | null> {
      if (await repo.adminExists()) return null;
      const token = newToken();
      await repo.insertToken({
        tokenHash: hashToken(token),
        purpose: 'admin_setup',
        userId: null,
        expiresAt: addMinutes(clock(), SETUP_HOURS * 60),
      });
      return `${publicUrl}/setup?token=${token}`;
    },

    async completeSetup(token: string, input: SignUpInput): Promise<{ token: string; viewer: Viewer }> {
      const passwordHash = await hasher.hash(input.password);
      const user = await db.transaction(async (tx) => {
        if (await repo.adminExists(tx)) throw conflict('setup_done');
        const t = await repo.consumeToken(hashToken(token), 'admin_setup', clock(), tx);
        if (!t) throw new DomainError('invalid', 'token_invalid');
        const created = await repo.insertUser(
          {
            email: input.email,
            password_hash: passwordHash,
            display_name: input.displayName,
            locale: input.locale,
            time_zone: input.timeZone,
            roles: ['admin'],
          },
          tx,
        );
        if (!created) throw conflict('email_taken');
        return created;
      });
      return { token: await startSession(user.id), viewer: toViewer(user) };
    },

    async grantRoles(viewer: Viewer | null, userId: string, roles: Array<'admin' | 'organiser'>) {
      if (!viewer) throw unauthenticated();
      if (!isAdmin(viewer)) throw forbidden();
      const user = await repo.userById(userId);
      if (!user) throw notFound('user');
      await repo.updateUser(userId, { roles });
    },

    async invite(
      viewer: Viewer | null,
      org: { id: string; name: string; viewerRole: string | null },
      email: string,
      role: 'owner' | 'member',
    ): Promise<void> {
      if (!viewer) throw unauthenticated();
      if (org.viewerRole !== 'owner' && org.viewerRole !== 'admin') throw forbidden();
      const token = newToken();
      await repo.insertInvitation({
        tokenHash: hashToken(token),
        organisationId: org.id,
        email,
        role,
        invitedBy: viewer.userId,
        expiresAt: addMinutes(clock(), INVITATION_DAYS * 24 * 60),
      });
      const invitee = await repo.userByEmail(email);
      // Invitees without an account get the inviter's language; members read their own.
      const locale = invitee?.locale ?? viewer.locale;
      const link = `${publicUrl}/invitations/accept?token=${token}`;
      await mailer.send(
        composeMail(locale, 'invitation', { email, name: invitee?.display_name ?? email }, {
          inviter: viewer.displayName,
          organisation: org.name,
          role: composeRole(locale, role),
          link,
        }),
      );
    },

    async acceptInvitation(viewer: Viewer | null, token: string): Promise<{ organisationId: string }> {
      if (!viewer) throw unauthenticated();
      return db.transaction(async (tx) => {
        const inv = await repo.consumeInvitation(hashToken(token), viewer.email, clock(), tx);
        if (!inv) throw new DomainError('invalid', 'token_invalid');
        await tx.query(
          `insert into organisation_members (organisation_id, user_id, role) values ($1, $2, $3)
           on conflict (organisation_id, user_id) do update set role = excluded.role`,
          [inv.organisation_id, viewer.userId, inv.role],
        );
        return { organisationId: inv.organisation_id };
      });
    },
  };
}

function composeRole(locale: Locale, role: 'owner' | 'member'): string {
  return translate(locale, `mail.roles.${role}`);
}

export type AuthService = ReturnType<typeof createAuthService>;
