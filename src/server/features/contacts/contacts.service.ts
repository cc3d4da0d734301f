/**
 * The contact flow: an organisation expresses interest in another (or in one of its
 * opportunities) with a message; the recipient accepts or declines; contact details of both sides
 * are revealed only after acceptance. Every step is mailed to the people concerned in their own
 * language, and a request left pending for `reminderDays` gets one reminder.
 */
import { pickText, type Locale } from '../../../contracts/common';
import type { ContactDetails, ContactList, ContactListQuery, ContactRequest, ContactRequestInput } from '../../../contracts/contacts';
import type { Db } from '../../db/client';
import { conflict, forbidden, invalid, notFound, unauthenticated } from '../../errors';
import { composeMail, type Mailer } from '../../mail/mailer';
import type { Viewer } from '../auth/auth-context';
import { recordMatchEvent } from '../matching/match-events.repository';
import { presentSummary } from '../organisations/organisation.presenter';
import { createOrganisationRepository, type OrganisationRow } from '../organisations/organisation.repository';
import { createContactsRepository, type ContactRow, type Person } from './contacts.repository';

export interface ContactsDeps {
  db: Db;
  mailer: Mailer;
  clock: () => Date;
  publicUrl: string;
  /** A pending request older than this many days gets one reminder. */
  reminderDays: number;
}

export function createContactsService(deps: ContactsDeps) {
  const { db, mailer, clock, publicUrl } = deps;
  const repo = createContactsRepository(db);
  const orgs = createOrganisationRepository(db);
  const inboxLink = `${publicUrl}/inbox`;

  const orgName = (o: OrganisationRow, locale: Locale) => pickText(o.names, locale) || o.legal_name;

  async function mailMembers(orgId: string, template: 'contactReceived' | 'contactReminder', params: (p: Person) => Record<string, string>) {
    for (const p of await repo.membersOf(orgId)) {
      await mailer.send(composeMail(p.locale, template, { email: p.email, name: p.display_name }, params(p)));
    }
  }

  function contactOf(person: Person | null, org: OrganisationRow): ContactDetails | null {
    if (!person) return null;
    return {
      personName: person.display_name,
      personEmail: person.email,
      organisationEmail: org.contact_email,
      organisationPhone: org.contact_phone,
    };
  }

  /** The organisations of these requests, each read once. */
  async function organisationsOf(rows: readonly ContactRow[]): Promise<Map<string, OrganisationRow>> {
    const ids = [...new Set(rows.flatMap((r) => [r.from_organisation_id, r.to_organisation_id]))];
    const found = await Promise.all(ids.map((id) => orgs.findById(id)));
    return new Map(found.filter((o): o is OrganisationRow => o !== null).map((o) => [o.id, o]));
  }

  async function present(row: ContactRow, myOrgs: readonly string[], known?: Map<string, OrganisationRow>): Promise<ContactRequest> {
    const byId = known ?? (await organisationsOf([row]));
    const [from, to] = [byId.get(row.from_organisation_id), byId.get(row.to_organisation_id)];
    if (!from || !to) throw notFound('organisation');
    const box = myOrgs.includes(row.to_organisation_id) ? 'inbox' : 'sent';
    let counterpartContact: ContactDetails | null = null;
    if (row.status === 'accepted') {
      // Each side sees the other: the sender sees who accepted, the recipient sees who asked.
      counterpartContact =
        box === 'inbox'
          ? contactOf(await repo.person(row.from_user_id), from)
          : contactOf(row.responded_by ? await repo.person(row.responded_by) : null, to);
    }
    return {
      id: row.id,
      status: row.status,
      box,
      from: presentSummary(from),
      to: presentSummary(to),
      opportunity: row.opportunity_id && row.opportunity_title ? { id: row.opportunity_id, title: row.opportunity_title } : null,
      message: row.message,
      createdAt: row.created_at.toISOString(),
      respondedAt: row.responded_at?.toISOString() ?? null,
      counterpartContact,
    };
  }

  async function myOrganisations(viewer: Viewer | null): Promise<string[]> {
    if (!viewer) throw unauthenticated();
    return repo.memberOrganisationIds(viewer.userId);
  }

  return {
    async create(input: ContactRequestInput, viewer: Viewer | null): Promise<ContactRequest> {
      const mine = await myOrganisations(viewer);
      if (!mine.includes(input.fromOrganisationId)) throw forbidden();
      let toId = input.toOrganisationId ?? null;
      if (input.opportunityId) {
        const { rows } = await db.query<{ organisation_id: string; status: string; listed: boolean }>(
          `select p.organisation_id, p.status, o.listed from opportunities p join organisations o on o.id = p.organisation_id
           where p.id = $1`,
          [input.opportunityId],
        );
        const target = rows[0];
        if (!target || target.status === 'draft' || !target.listed) throw notFound('opportunity');
        toId = target.organisation_id;
      }
      const to = toId ? await orgs.findById(toId) : null;
      if (!to || (!to.listed && !mine.includes(to.id))) throw notFound('organisation');
      if (to.id === input.fromOrganisationId) throw invalid([{ path: 'toOrganisationId', key: 'contact_self' }]);
      const from = (await orgs.findById(input.fromOrganisationId))!;
      const id = await repo.insert({
        from: from.id,
        to: to.id,
        opportunityId: input.opportunityId ?? null,
        userId: viewer!.userId,
        message: input.message,
        // The service clock, like the reminder check: one notion of time for the whole flow.
        at: clock(),
      });
      if (!id) throw conflict('contact_pending');
      await recordMatchEvent(db, {
        userId: viewer!.userId,
        organisationId: from.id,
        subjectKey: `org:${from.id}`,
        candidateKey: input.opportunityId ? `opp:${input.opportunityId}` : `org:${to.id}`,
        event: 'contact',
        components: null,
      });
      await mailMembers(to.id, 'contactReceived', (p) => ({ from: orgName(from, p.locale), message: input.message, link: inboxLink }));
      return present((await repo.findById(id))!, mine);
    },

    async list(q: ContactListQuery, viewer: Viewer | null): Promise<ContactList> {
      const mine = await myOrganisations(viewer);
      const rows = await repo.forOrganisations(mine, q.box, q.status ?? null);
      const known = await organisationsOf(rows);
      return {
        items: await Promise.all(rows.map((r) => present(r, mine, known))),
        pendingInbox: await repo.countPendingFor(mine),
      };
    },

    async respond(id: string, decision: 'accepted' | 'declined', viewer: Viewer | null): Promise<ContactRequest> {
      const mine = await myOrganisations(viewer);
      const row = await repo.findById(id);
      // Only the recipient decides; to everyone else the request does not exist.
      if (!row || !(mine.includes(row.to_organisation_id) || mine.includes(row.from_organisation_id))) throw notFound('contact');
      if (!mine.includes(row.to_organisation_id)) throw forbidden();
      if (!(await repo.respond(id, decision, viewer!.userId, clock()))) throw conflict('contact_answered');
      await recordMatchEvent(db, {
        userId: viewer!.userId,
        organisationId: row.to_organisation_id,
        subjectKey: row.opportunity_id ? `opp:${row.opportunity_id}` : `org:${row.to_organisation_id}`,
        candidateKey: `org:${row.from_organisation_id}`,
        event: decision === 'accepted' ? 'accept' : 'decline',
        components: null,
      });
      const sender = await repo.person(row.from_user_id);
      const to = await orgs.findById(row.to_organisation_id);
      if (sender && to) {
        await mailer.send(
          composeMail(sender.locale, decision === 'accepted' ? 'contactAccepted' : 'contactDeclined', { email: sender.email, name: sender.display_name }, {
            to: orgName(to, sender.locale),
            link: inboxLink,
          }),
        );
      }
      return present((await repo.findById(id))!, mine);
    },

    /** Sends one reminder for every request pending longer than reminderDays; returns how many. */
    async remindPending(): Promise<number> {
      const now = clock();
      const before = new Date(now.getTime() - deps.reminderDays * 86_400_000);
      let sent = 0;
      for (const row of await repo.dueForReminder(before)) {
        if (!(await repo.markReminded(row.id, now))) continue;
        const from = await orgs.findById(row.from_organisation_id);
        if (!from) continue;
        const days = String(Math.floor((now.getTime() - row.created_at.getTime()) / 86_400_000));
        await mailMembers(row.to_organisation_id, 'contactReminder', (p) => ({ from: orgName(from, p.locale), days, link: inboxLink }));
        sent++;
      }
      return sent;
    },

  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
