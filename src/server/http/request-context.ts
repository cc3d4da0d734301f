import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LOCALES, type Locale } from '../../contracts/common';
import type { Viewer } from '../features/auth/auth-context';
import { localeFromAcceptLanguage } from '../i18n/messages';
import { sendProblem } from './problem';

export const SESSION_COOKIE = 'ponte_session';
export const CSRF_COOKIE = 'ponte_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** The web app sends the language on screen, which wins over the stored preference. */
export const LOCALE_HEADER = 'x-ponte-locale';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    viewer: Viewer | null;
    sessionToken: string | null;
    csrfToken: string;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the viewer from the session cookie, the language, and enforces CSRF protection by the
 * double-submit cookie pattern: state-changing API calls must echo the `ponte_csrf` cookie in the
 * `x-csrf-token` header. A cross-site page can make the browser send the cookie but cannot read
 * it to set the header. SameSite=Lax on the session cookie is the second line.
 */
export function registerRequestContext(
  app: FastifyInstance,
  opts: { viewerForToken: (token: string) => Promise<Viewer | null>; secureCookies: boolean },
) {
  app.decorateRequest('locale', 'en');
  app.decorateRequest('viewer', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.sessionToken = token;
      request.viewer = await opts.viewerForToken(token);
    }
    const header = request.headers[LOCALE_HEADER];
    const explicit = typeof header === 'string' && (LOCALES as readonly string[]).includes(header) ? (header as Locale) : null;
    request.locale =
      explicit ?? request.viewer?.locale ?? localeFromAcceptLanguage(request.headers['accept-language']) ?? 'en';

    let csrf = request.cookies[CSRF_COOKIE];
    if (!csrf || csrf.length < 20) {
      csrf = randomBytes(24).toString('base64url');
      reply.setCookie(CSRF_COOKIE, csrf, { path: '/', sameSite: 'lax', secure: opts.secureCookies, httpOnly: false });
    }
    request.csrfToken = csrf;

    if (UNSAFE.has(request.method) && request.url.startsWith('/api/')) {
      const sent = request.headers[CSRF_HEADER];
      const cookie = request.cookies[CSRF_COOKIE];
      if (typeof sent !== 'string' || !cookie || !sameToken(sent, cookie)) {
        return sendProblem(reply, request, 403, 'csrf');
      }
    }
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: 30 * 24 * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
