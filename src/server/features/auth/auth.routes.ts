import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptInvitationInput,
  MePatch,
  Ok,
  PasswordResetConfirm,
  PasswordResetRequest,
  RoleGrant,
  SessionResponse,
  SetupInput,
  SignInInput,
  SignUpInput,
} from '../../../contracts/auth';
import { Uuid } from '../../../contracts/common';
import { clearSessionCookie, setSessionCookie } from '../../http/request-context';
import type { AuthService } from './auth.service';

export interface AuthRouteOptions {
  auth: AuthService;
  secureCookies: boolean;
  authRateLimitPerMinute: number;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, { auth, secureCookies, authRateLimitPerMinute }) => {
  const limited = { rateLimit: { max: authRateLimitPerMinute, timeWindow: '1 minute' } };
  const tags = ['auth'];

  async function session(request: { viewer: Parameters<AuthService['me']>[0]; csrfToken: string }) {
    return { user: request.viewer ? await auth.me(request.viewer) : null, csrfToken: request.csrfToken };
  }

  app.get('/auth/session', { schema: { tags, summary: 'Current user and CSRF token', response: { 200: SessionResponse } } },
    async (request) => session(request));

  app.post('/auth/sign-up', { config: limited, schema: { tags, summary: 'Create an account', body: SignUpInput, response: { 201: SessionResponse } } },
    async (request, reply) => {
      const { token, viewer } = await auth.signUp(request.body);
      setSessionCookie(reply, token, secureCookies);
      return reply.status(201).send({ user: await auth.me(viewer), csrfToken: request.csrfToken });
    });

  app.post('/auth/sign-in', { config: limited, schema: { tags, summary: 'Sign in', body: SignInInput, response: { 200: SessionResponse } } },
    async (request, reply) => {
      const { token, viewer } = await auth.signIn(request.body.email, request.body.password);
      setSessionCookie(reply, token, secureCookies);
      return { user: await auth.me(viewer), csrfToken: request.csrfToken };
    });

  app.post('/auth/sign-out', { schema: { tags, summary: 'Sign out', response: { 200: Ok } } }, async (request, reply) => {
    if (request.sessionToken) await auth.signOut(request.sessionToken);
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  app.post('/auth/password-reset/request', { config: limited, schema: { tags, summary: 'E-mail a password reset link', body: PasswordResetRequest, response: { 202: Ok } } },
    async (request, reply) => {
      await auth.requestPasswordReset(request.body.email);
      return reply.status(202).send({ ok: true as const });
    });

  app.post('/auth/password-reset/confirm', { config: limited, schema: { tags, summary: 'Set a new password with a reset token', body: PasswordResetConfirm, response: { 200: Ok } } },
    async (request) => {
      await auth.confirmPasswordReset(request.body.token, request.body.password);
      return { ok: true as const };
    });

  app.post('/auth/setup', { config: limited, schema: { tags, summary: 'Create the first administrator with the one-time setup token', body: SetupInput, response: { 201: SessionResponse } } },
    async (request, reply) => {
      const { token: setupToken, ...input } = request.body;
      const { token, viewer } = await auth.completeSetup(setupToken, input);
      setSessionCookie(reply, token, secureCookies);
      return reply.status(201).send({ user: await auth.me(viewer), csrfToken: request.csrfToken });
    });

  app.patch('/me', { schema: { tags, summary: 'Update my name, language or time zone', body: MePatch, response: { 200: SessionResponse } } },
    async (request) => {
      await auth.updateMe(request.viewer, request.body);
      const viewer = request.viewer ? { ...request.viewer, locale: request.body.locale ?? request.viewer.locale } : null;
      return { user: await auth.me(viewer), csrfToken: request.csrfToken };
    });

  app.post('/invitations/accept', { schema: { tags, summary: 'Accept an invitation to an organisation', body: AcceptInvitationInput, response: { 200: z.object({ organisationId: Uuid }) } } },
    async (request) => auth.acceptInvitation(request.viewer, request.body.token));

  app.put('/users/:id/roles', { schema: { tags, summary: 'Set platform roles (administrators only)', params: z.object({ id: Uuid }), body: RoleGrant, response: { 200: Ok } } },
    async (request) => {
      await auth.grantRoles(request.viewer, request.params.id, request.body.roles);
      return { ok: true as const };
    });
};
