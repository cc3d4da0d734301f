import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { type Db, openPglite, openPostgres } from '../db/client';
import { migrate } from '../db/migrate';
import { createAuthService } from '../features/auth/auth.service';
import { createPasswordHasher } from '../features/auth/password';
import { createOpportunityService } from '../features/opportunities/opportunity.service';
import { createDirectorySearch } from '../features/organisations/directory-search';
import { createOrganisationService } from '../features/organisations/organisation.service';
import { createContactsService } from '../features/contacts/contacts.service';
import { createEventService } from '../features/events/event.service';
import { createNotificationService } from '../features/notifications/notification.service';
import { loadMatchingResources } from '../features/matching/matching-resources';
import { createMatchingService } from '../features/matching/matching.service';
import type { MatchingResources } from '../domain/matching/text-features';
import { loadReferenceData } from '../features/reference/reference-data';
import { createMailer } from '../mail/mailer';

export type DbKind = 'pglite' | 'postgres';

/** PGlite always; real PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const DB_KINDS: DbKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A fresh, migrated database. On PostgreSQL each call creates its own database, so test files
 * running in parallel never see each other's rows.
 */
export async function openTestDb(kind: DbKind): Promise<Db> {
  if (kind === 'pglite') {
    const db = await openPglite(null);
    await migrate(db);
    return db;
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `ponte_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 4);
  await migrate(db);
  return {
    ...db,
    async close() {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface TestContext {
  db: Db;
  app: FastifyInstance;
  outboxDir: string;
  now: { value: Date };
  services: {
    auth: ReturnType<typeof createAuthService>;
    organisations: ReturnType<typeof createOrganisationService>;
    opportunities: ReturnType<typeof createOpportunityService>;
    /** Not started: a test that needs recommendations calls `matching.ready()`. */
    matching: ReturnType<typeof createMatchingService>;
    contacts: ReturnType<typeof createContactsService>;
    events: ReturnType<typeof createEventService>;
    notifications: ReturnType<typeof createNotificationService>;
  };
  close(): Promise<void>;
}

export const reference = loadReferenceData();

let resources: MatchingResources | null = null;
/** Loaded once per test file (about a second), and only by tests that start matching. */
const sharedResources = () => (resources ??= loadMatchingResources());

export async function createTestContext(kind: DbKind, opts: { authRateLimitPerMinute?: number; secureCookies?: boolean } = {}): Promise<TestContext> {
  const db = await openTestDb(kind);
  const outboxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-outbox-'));
  const now = { value: new Date('2026-03-01T09:00:00Z') };
  const clock = () => now.value;
  const mailer = createMailer({ smtpUrl: undefined, from: 'Ponte <test@ponte.local>', outboxDir, log: () => undefined });
  // A cheap scrypt cost keeps the suite fast; production uses DEFAULT_PASSWORD_COST.
  const hasher = createPasswordHasher({ N: 2 ** 10, r: 8, p: 1 });
  const auth = createAuthService({ db, hasher, mailer, clock, publicUrl: 'http://ponte.test' });
  // Started like in production, so directory tests exercise the index path (SQL re-checks its pages).
  const directory = createDirectorySearch({ db });
  await directory.start();
  const organisations = createOrganisationService({ db, reference, clock, directory });
  const opportunities = createOpportunityService({ db, reference, clock });
  const matching = createMatchingService({ db, clock, loadResources: sharedResources, organisations, opportunities });
  const contacts = createContactsService({ db, mailer, clock, publicUrl: 'http://ponte.test', reminderDays: 3 });
  const notifications = createNotificationService({ db, mailer, clock, publicUrl: 'http://ponte.test' });
  const events = createEventService({ db, clock, publicUrl: 'http://ponte.test', notifications, matching });
  const app = await buildApp({
    db,
    auth,
    organisations,
    opportunities,
    matching,
    contacts,
    events,
    notifications,
    reference,
    webDistDir: null,
    config: {
      bodyLimitBytes: 64 * 1024,
      trustProxy: false,
      secureCookies: opts.secureCookies ?? false,
      authRateLimitPerMinute: opts.authRateLimitPerMinute ?? 1000,
      logLevel: 'silent',
    },
  });
  await app.ready();
  return {
    db,
    app,
    outboxDir,
    now,
    services: { auth, organisations, opportunities, matching, contacts, events, notifications },
    async close() {
      await matching.stop();
      directory.stop();
      await app.close();
      await db.close();
      await fs.rm(outboxDir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client: keeps cookies and sends the CSRF header on state-changing calls. */
export class TestClient {
  private cookies = new Map<string, string>();
  constructor(
    private readonly app: FastifyInstance,
    private readonly locale?: 'it' | 'zh' | 'en',
  ) {}

  async request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) {
    if (!this.cookies.has('ponte_csrf')) {
      this.absorb(await this.app.inject({ method: 'GET', url: '/api/v1/auth/session' }));
    }
    const res = await this.app.inject({
      method,
      url,
      payload: body === undefined ? undefined : (body as object),
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': this.cookies.get('ponte_csrf') ?? '',
        ...(this.locale ? { 'x-ponte-locale': this.locale } : {}),
        ...headers,
      },
    });
    this.absorb(res);
    return res;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  delete = (url: string) => this.request('DELETE', url);

  private absorb(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
}
