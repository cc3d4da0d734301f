import { buildApp } from './app';
import { loadConfig } from './config';
import { openDb } from './db/client';
import { migrate } from './db/migrate';
import { loadDemoData } from './demo/load-demo';
import { createAuthService } from './features/auth/auth.service';
import { createPasswordHasher } from './features/auth/password';
import { createOpportunityService } from './features/opportunities/opportunity.service';
import { createDirectorySearch } from './features/organisations/directory-search';
import { createOrganisationService } from './features/organisations/organisation.service';
import { createContactsService } from './features/contacts/contacts.service';
import { createEventService } from './features/events/event.service';
import { createNotificationService } from './features/notifications/notification.service';
import { createEmbeddingProvider } from './features/matching/embedding-provider';
import { loadMatchingResources } from './features/matching/matching-resources';
import { createMatchingService } from './features/matching/matching.service';
import { loadReferenceData } from './features/reference/reference-data';
import { createMailer } from './mail/mailer';

/** The composition root: the only place that builds services and wires them together. */
async function main() {
  const started = performance.now();
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const migration = await migrate(db);
  const clock = () => new Date();
  const reference = loadReferenceData();
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir: config.outboxDir,
    log: (line) => console.log(`[mail] ${line}`),
  });
  const auth = createAuthService({ db, hasher: createPasswordHasher(), mailer, clock, publicUrl: config.publicUrl });
  const directory = createDirectorySearch({ db, log: (line) => console.log(`[directory] ${line}`) });
  const organisations = createOrganisationService({ db, reference, clock, directory });
  const opportunities = createOpportunityService({ db, reference, clock });

  if (config.loadDemo) {
    const demo = await loadDemoData(db, reference);
    if (demo.loaded) console.log(`[demo] loaded ${demo.organisations} organisations and ${demo.opportunities} example opportunities`);
  }

  const matching = createMatchingService({
    db,
    clock,
    loadResources: () => loadMatchingResources(),
    organisations,
    opportunities,
    embedder: createEmbeddingProvider(config.embedding),
    responsivenessGraceDays: config.contactReminderDays,
    log: (line) => console.log(`[matching] ${line}`),
  });

  const contacts = createContactsService({ db, mailer, clock, publicUrl: config.publicUrl, reminderDays: config.contactReminderDays });
  const notifications = createNotificationService({ db, mailer, clock, publicUrl: config.publicUrl });
  const events = createEventService({ db, clock, publicUrl: config.publicUrl, notifications, matching });

  const app = await buildApp({ db, auth, organisations, opportunities, matching, contacts, events, notifications, reference, config });
  await app.listen({ port: config.port, host: config.host });

  const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  console.log(`Ponte is running at ${config.publicUrl} (database: ${where}, migration ${migration}; ready in ${Math.round(performance.now() - started)} ms)`);
  // After listen: the indexes build in the background and never delay the first page.
  void directory.start();
  matching.start();
  // Reminders for contact requests left unanswered: checked hourly; one reminder per request.
  const remind = () =>
    contacts.remindPending().then(
      (n) => n && console.log(`[contacts] sent ${n} reminder(s)`),
      (err: unknown) => console.error(`[contacts] reminders failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  // Day-before reminders: the same hourly beat; one per person and event day, after 09:00 of the
  // day before in the person's zone (a unique key makes repeated runs and processes send it once).
  const remindMeetings = () =>
    events.remindUpcomingMeetings().then(
      (n) => n && console.log(`[events] sent ${n} meeting reminder(s)`),
      (err: unknown) => console.error(`[events] meeting reminders failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  const reminders = setInterval(() => void remind().then(remindMeetings), 60 * 60 * 1000);
  reminders.unref();
  void remind().then(remindMeetings);
  const setupLink = await auth.issueSetupToken();
  if (setupLink) {
    console.log(`No administrator yet. Open this one-time link to create one (valid 72 hours):\n  ${setupLink}`);
  }

  const shutdown = async () => {
    clearInterval(reminders);
    directory.stop();
    await matching.stop();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
