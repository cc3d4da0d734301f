import { z } from 'zod';
import { Locale, TimeZone, Uuid } from './common';

/** At least 10 characters; length beats composition rules (NIST SP 800-63B). */
export const Password = z.string().min(10).max(200);
export const Email = z.email().max(200).transform((e) => e.toLowerCase());

export const SignUpInput = z
  .object({
    email: Email,
    password: Password,
    displayName: z.string().trim().min(1).max(100),
    locale: Locale.default('en'),
    timeZone: TimeZone.default('Europe/Rome'),
  })
  .strict();
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SignInInput = z.object({ email: Email, password: z.string().min(1).max(200) }).strict();
export const PasswordResetRequest = z.object({ email: Email }).strict();
export const PasswordResetConfirm = z
  .object({ token: z.string().min(20).max(200), password: Password })
  .strict();
export const SetupInput = SignUpInput.extend({ token: z.string().min(20).max(200) }).strict();
export const AcceptInvitationInput = z.object({ token: z.string().min(20).max(200) }).strict();

export const PLATFORM_ROLES = ['admin', 'organiser'] as const;
export const PlatformRole = z.enum(PLATFORM_ROLES);

export const Membership = z.object({
  organisationId: Uuid,
  slug: z.string(),
  legalName: z.string(),
  role: z.enum(['owner', 'member']),
});

export const Me = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  locale: Locale,
  timeZone: z.string(),
  roles: z.array(PlatformRole),
  memberships: z.array(Membership),
});
export type Me = z.infer<typeof Me>;

export const SessionResponse = z.object({ user: Me.nullable(), csrfToken: z.string().nullable() });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const MePatch = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    locale: Locale.optional(),
    timeZone: TimeZone.optional(),
  })
  .strict();

export const RoleGrant = z.object({ roles: z.array(PlatformRole) }).strict();
export const Ok = z.object({ ok: z.literal(true) });
