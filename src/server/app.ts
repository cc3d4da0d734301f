import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { Problem } from '../contracts/common';
import { Health } from '../contracts/system';
import type { Db } from './db/client';
import { migrationVersion } from './db/migrate';
import { authRoutes } from './features/auth/auth.routes';
import type { AuthService } from './features/auth/auth.service';
import { contactRoutes } from './features/contacts/contacts.routes';
import { eventRoutes } from './features/events/event.routes';
import type { EventService } from './features/events/event.service';
import type { ContactsService } from './features/contacts/contacts.service';
import { notificationRoutes } from './features/notifications/notification.routes';
import type { NotificationService } from './features/notifications/notification.service';
import { matchingRoutes } from './features/matching/matching.routes';
import type { MatchingService } from './features/matching/matching.service';
import { opportunityRoutes } from './features/opportunities/opportunity.routes';
import type { OpportunityService } from './features/opportunities/opportunity.service';
import { organisationRoutes } from './features/organisations/organisation.routes';
import type { OrganisationService } from './features/organisations/organisation.service';
import type { ReferenceData } from './features/reference/reference-data';
import { referenceRoutes } from './features/reference/reference.routes';
import { problemErrorHandler, sendProblem } from './http/problem';
import { registerRequestContext } from './http/request-context';
import { zodValidatorCompiler } from './http/validation';

export const WEB_DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
export const VERSION = '0.1.0';

export interface AppDeps {
  db: Db;
  auth: AuthService;
  organisations: OrganisationService;
  opportunities: OpportunityService;
  matching: MatchingService;
  contacts: ContactsService;
  /** Optional so callers that predate events still build; the routes are registered when given. */
  events?: EventService;
  /** In-app notifications (optional like events). */
  notifications?: NotificationService;
  reference: ReferenceData;
  config: {
    bodyLimitBytes: number;
    trustProxy: boolean;
    secureCookies: boolean;
    authRateLimitPerMinute: number;
    /** Requests per minute and client to POST /analysis (CPU-bound). Default 120. */
    analysisRateLimitPerMinute?: number;
    /** Contact requests per minute and client. Default 30. */
    contactRateLimitPerMinute?: number;
    logLevel: string;
  };
  webDistDir?: string | null;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    // One line per request is noise at info level; debug and trace keep it.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
  }).withTypeProvider<ZodTypeProvider>();

  // Every documented route also documents its errors: RFC 9457 problem details.
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { response?: Record<string, unknown>; hide?: boolean } | undefined;
    if (!schema || schema.hide) return;
    schema.response = { ...schema.response, '4XX': Problem, '5XX': Problem };
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemErrorHandler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only makes sense behind https.
    hsts: config.secureCookies,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  registerRequestContext(app, { viewerForToken: deps.auth.viewerForToken, secureCookies: config.secureCookies });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ponte API',
        version: VERSION,
        description:
          'Italian–Chinese partnering. Errors are RFC 9457 problem+json in the caller\'s language ' +
          '(x-ponte-locale header, the user\'s preference, or Accept-Language). State-changing calls ' +
          'must echo the ponte_csrf cookie in the x-csrf-token header.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { schema: { tags: ['system'], summary: 'Liveness, database kind and migration version', response: { 200: Health } } },
    async () => ({ status: 'ok' as const, database: deps.db.kind, migration: await migrationVersion(deps.db), version: VERSION }));

  await app.register(
    async (api) => {
      await api.register(authRoutes, {
        auth: deps.auth,
        secureCookies: config.secureCookies,
        authRateLimitPerMinute: config.authRateLimitPerMinute,
      });
      await api.register(organisationRoutes, { organisations: deps.organisations, auth: deps.auth });
      await api.register(opportunityRoutes, { opportunities: deps.opportunities });
      await api.register(referenceRoutes, { reference: deps.reference });
      await api.register(matchingRoutes, { matching: deps.matching, analysisRateLimitPerMinute: config.analysisRateLimitPerMinute ?? 120 });
      await api.register(contactRoutes, { contacts: deps.contacts, contactRateLimitPerMinute: config.contactRateLimitPerMinute ?? 30 });
      if (deps.events) await api.register(eventRoutes, { events: deps.events });
      if (deps.notifications) await api.register(notificationRoutes, { notifications: deps.notifications });
    },
    { prefix: '/api/v1' },
  );

  const webDir = deps.webDistDir === undefined ? WEB_DIST_DIR : deps.webDistDir;
  const hasWeb = webDir !== null && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
  }

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0]!;
    const isApi = pathname.startsWith('/api') || pathname === '/healthz';
    // Client-side routes (/organisations/…) get the single-page app; files and the API get 404.
    if (!isApi && hasWeb && request.method === 'GET' && !path.extname(pathname)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendProblem(reply, request, 404, 'route_not_found', { method: request.method, url: pathname });
  });

  return app;
}
