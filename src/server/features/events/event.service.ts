/**
 * Events: creation and editing with the slot-grid generator and tables, registration with the
 * organiser's approval, participant settings and interpreters (issue 4 items 1–3). Meeting
 * requests and meetings live in meeting.service.ts, scheduling in schedule-meetings.ts, agendas in
 * agenda.service.ts; `createEventService` puts them together.
 */
import type {
  Event, EventInput, EventList, EventPatch, Interpreter, InterpreterInput, Participant, ParticipantSettings, RegistrationInput,
  SlotGridInput, TablesInput,
} from '../../../contracts/events';
import type { Db } from '../../db/client';
import { generateSlots } from '../../domain/events/slot-grid';
import { conflict, forbidden, invalid, notFound, unauthenticated } from '../../errors';
import type { Viewer } from '../auth/auth-context';
import { asConflict, createEventAccess, type EventAccess } from './event-access';
import { createEventRepository, type EventRow, type InterpreterRow, type ParticipantRow } from './event.repository';
import { createAgendaService } from './agenda.service';
import { createMeetingService } from './meeting.service';
import { createScheduleMeetings } from './schedule-meetings';
import { createEventDayService } from './event-day.service';
import { createEventNotifier, type EventNotifier } from './event-notifier';
import type { NotificationService } from '../notifications/notification.service';
import type { MatchingService } from '../matching/matching.service';

export interface EventDeps {
  db: Db;
  clock: () => Date;
  /** Milliseconds for the solver's time limit (performance.now in production). */
  monotonic?: () => number;
  /** Base of links handed out (calendar feeds); empty gives relative links. */
  publicUrl?: string;
  /** Where the scheduler runs: a worker thread (default) or the calling thread. */
  solver?: 'worker' | 'inline';
  /** In-app + e-mail notifications; absent = nobody is notified (CLI, older callers). */
  notifications?: NotificationService;
  /** The matching engine for in-event recommendations; absent = none. */
  matching?: MatchingService;
}

const MAX_SLOTS = 2000;

export function createEventService(deps: EventDeps) {
  const { db, clock } = deps;
  const repo = createEventRepository(db);
  const access = createEventAccess(db, repo);

  const iso = (d: Date | null) => (d ? d.toISOString() : null);

  async function present(a: EventAccess): Promise<Event> {
    const { event: e } = a;
    const [slots, tables, summaries] = await Promise.all([repo.slots(e.id), repo.tables(e.id), access.summaries([e.organiser_organisation_id])]);
    const participates = (await repo.participants(e.id)).some((p) => a.myOrgs.includes(p.organisation_id) && p.status === 'approved');
    return {
      ...presentHead(e, summaries),
      grid: e.slot_grid as Event['grid'],
      slots: slots.map((s) => ({ id: s.id, position: s.position, day: s.day, session: s.session, startsAt: s.starts_at.toISOString(), endsAt: s.ends_at.toISOString() })),
      // Video links are for the people in the meetings, not for anyone browsing events.
      tables: tables.map((t) => ({ id: t.id, position: t.position, name: t.name, videoUrl: a.isOrganiser || participates ? t.video_url : null })),
      viewerRole: a.isOrganiser ? 'organiser' : participates ? 'participant' : null,
    };
  }

  function presentHead(e: EventRow, summaries: Map<string, Event['organiser']>): Omit<Event, 'grid' | 'slots' | 'tables' | 'viewerRole'> {
    return {
      id: e.id,
      organiser: summaries.get(e.organiser_organisation_id)!,
      title: e.title as Event['title'],
      description: e.description,
      venue: e.venue,
      online: e.online,
      timeZone: e.time_zone,
      registrationOpensAt: iso(e.registration_opens_at),
      registrationClosesAt: iso(e.registration_closes_at),
      approvalRequired: e.approval_required,
      status: e.status,
      schedulePublishedAt: iso(e.schedule_published_at),
    };
  }

  async function applyGrid(eventId: string, timeZone: string, grid: SlotGridInput): Promise<void> {
    const slots = generateSlots(grid, timeZone);
    if (slots.length > MAX_SLOTS) throw invalid([{ path: 'grid', key: 'event_too_many_slots' }]);
    await db.transaction(async (tx) => {
      await repo.lockEvent(eventId, tx);
      if ((await repo.countMeetings(eventId, tx)) > 0) throw conflict('event_grid_in_use');
      await repo.replaceSlots(eventId, grid, slots, tx);
    });
  }

  async function checkSlotIds(eventId: string, ids: readonly string[] | null | undefined, path: string): Promise<void> {
    if (!ids) return;
    const known = new Set((await repo.slots(eventId)).map((s) => s.id));
    const bad = ids.findIndex((id) => !known.has(id));
    if (bad >= 0) throw invalid([{ path: `${path}.${bad}`, key: 'event_unknown_slot' }]);
  }

  async function checkPeople(orgId: string, people: readonly string[] | undefined): Promise<void> {
    if (!people) return;
    const members = new Set((await repo.membersOf(orgId)).map((m) => m.id));
    const bad = people.findIndex((id) => !members.has(id));
    if (bad >= 0) throw invalid([{ path: `people.${bad}`, key: 'event_person_not_member' }]);
  }

  async function presentParticipants(a: EventAccess, rows: ParticipantRow[]): Promise<Participant[]> {
    const [summaries, people] = await Promise.all([access.summaries(rows.map((r) => r.organisation_id)), repo.people(rows.map((r) => r.id))]);
    return rows.map((r) => {
      const insider = a.isOrganiser || a.myOrgs.includes(r.organisation_id);
      return {
        id: r.id,
        eventId: r.event_id,
        organisation: summaries.get(r.organisation_id)!,
        status: r.status,
        languages: r.languages,
        attendance: r.attendance,
        timeZone: r.time_zone,
        availableSlotIds: insider ? r.available_slot_ids : null,
        maxMeetings: insider ? r.max_meetings : null,
        people: insider ? people.filter((p) => p.participant_id === r.id).map((p) => ({ userId: p.user_id, displayName: p.display_name })) : [],
        checkedInAt: r.checked_in_at ? r.checked_in_at.toISOString() : null,
      };
    });
  }

  function settingsOf(base: ParticipantRow, s: ParticipantSettings): ParticipantRow {
    const attendance = s.attendance ?? base.attendance;
    return {
      ...base,
      languages: s.languages ?? base.languages,
      attendance,
      // An on-site participant follows the event's clock.
      time_zone: attendance === 'remote' ? (s.timeZone === undefined ? base.time_zone : s.timeZone) : null,
      available_slot_ids: s.availableSlotIds === undefined ? base.available_slot_ids : s.availableSlotIds,
      max_meetings: s.maxMeetings === undefined ? base.max_meetings : s.maxMeetings,
    };
  }

  const presentInterpreter = (i: InterpreterRow): Interpreter => ({ id: i.id, name: i.name, languages: i.languages, availableSlotIds: i.available_slot_ids });

  const events = {
    async create(input: EventInput, viewer: Viewer | null): Promise<Event> {
      if (!viewer) throw unauthenticated();
      const mine = await repo.memberOrganisationIds(viewer.userId);
      if (!mine.includes(input.organiserOrganisationId) && viewer.roles.length === 0) throw forbidden();
      checkWindow(input.registrationOpensAt ?? null, input.registrationClosesAt ?? null);
      const slots = input.grid ? generateSlots(input.grid, input.timeZone) : [];
      if (slots.length > MAX_SLOTS) throw invalid([{ path: 'grid', key: 'event_too_many_slots' }]);
      // Event, slots and tables in one transaction: a failure leaves no half-made event.
      const id = await db.transaction(async (tx) => {
        const eventId = await repo.insertEvent(
          {
            organiser_organisation_id: input.organiserOrganisationId,
            title: input.title,
            description: input.description ?? {},
            venue: input.venue ?? null,
            online: input.online,
            time_zone: input.timeZone,
            registration_opens_at: input.registrationOpensAt ? new Date(input.registrationOpensAt) : null,
            registration_closes_at: input.registrationClosesAt ? new Date(input.registrationClosesAt) : null,
            approval_required: input.approvalRequired,
            status: input.status,
            createdBy: viewer.userId,
          },
          tx,
        );
        if (input.grid) await repo.replaceSlots(eventId, input.grid, slots, tx);
        await repo.replaceTables(eventId, input.tables.map((t) => ({ name: t.name, videoUrl: t.videoUrl ?? null })), tx);
        return eventId;
      });
      return present(await access.load(id, viewer));
    },

    async get(eventId: string, viewer: Viewer | null): Promise<Event> {
      return present(await access.load(eventId, viewer));
    },

    async list(viewer: Viewer | null): Promise<EventList> {
      const mine = viewer ? await repo.memberOrganisationIds(viewer.userId) : [];
      const platformOrganiser = Boolean(viewer && viewer.roles.length > 0);
      const visible = await repo.listEvents(mine, platformOrganiser);
      const summaries = await access.summaries(visible.map((e) => e.organiser_organisation_id));
      return {
        items: visible.map((e) => ({
          ...presentHead(e, summaries),
          viewerRole: platformOrganiser || mine.includes(e.organiser_organisation_id) ? ('organiser' as const) : null,
        })),
      };
    },

    async update(eventId: string, patch: EventPatch, viewer: Viewer | null): Promise<Event> {
      const a = await access.asOrganiser(eventId, viewer);
      const e = a.event;
      const next = {
        title: patch.title ?? e.title,
        description: patch.description === undefined ? e.description : (patch.description ?? {}),
        venue: patch.venue === undefined ? e.venue : patch.venue,
        online: patch.online ?? e.online,
        time_zone: patch.timeZone ?? e.time_zone,
        registration_opens_at: patch.registrationOpensAt === undefined ? e.registration_opens_at : patch.registrationOpensAt ? new Date(patch.registrationOpensAt) : null,
        registration_closes_at:
          patch.registrationClosesAt === undefined ? e.registration_closes_at : patch.registrationClosesAt ? new Date(patch.registrationClosesAt) : null,
        approval_required: patch.approvalRequired ?? e.approval_required,
        status: patch.status ?? e.status,
      };
      if (!next.online && !next.venue) throw invalid([{ path: 'venue', key: 'event_venue_required' }]);
      checkWindow(iso(next.registration_opens_at), iso(next.registration_closes_at));
      // The slots are instants computed in the old zone: a new zone regenerates them.
      if (next.time_zone !== e.time_zone && e.slot_grid) await applyGrid(e.id, next.time_zone, e.slot_grid);
      await repo.updateEvent(e.id, next, clock());
      return present(await access.load(e.id, viewer));
    },

    async setGrid(eventId: string, grid: SlotGridInput, viewer: Viewer | null): Promise<Event> {
      const a = await access.asOrganiser(eventId, viewer);
      await applyGrid(eventId, a.event.time_zone, grid);
      return present(await access.load(eventId, viewer));
    },

    async setTables(eventId: string, input: TablesInput, viewer: Viewer | null): Promise<Event> {
      await access.asOrganiser(eventId, viewer);
      try {
        await db.transaction(async (tx) => {
          await repo.lockEvent(eventId, tx);
          await repo.replaceTables(eventId, input.tables.map((t) => ({ name: t.name, videoUrl: t.videoUrl ?? null })), tx);
        });
      } catch (err) {
        throw asConflict(err, 'event_table_in_use');
      }
      return present(await access.load(eventId, viewer));
    },
  };

  function checkWindow(opens: string | null, closes: string | null) {
    if (opens && closes && new Date(opens) >= new Date(closes)) throw invalid([{ path: 'registrationClosesAt', key: 'event_window_order' }]);
  }

  const participants = {
    async register(eventId: string, input: RegistrationInput, viewer: Viewer | null): Promise<Participant> {
      if (!viewer) throw unauthenticated();
      const a = await access.load(eventId, viewer);
      if (!a.myOrgs.includes(input.organisationId)) throw forbidden();
      const now = clock();
      const e = a.event;
      const windowOpen = (!e.registration_opens_at || e.registration_opens_at <= now) && (!e.registration_closes_at || now < e.registration_closes_at);
      if (e.status !== 'open' || !windowOpen) throw conflict('event_registration_closed');
      await checkSlotIds(eventId, input.availableSlotIds, 'availableSlotIds');
      const people = input.people ?? [viewer.userId];
      await checkPeople(input.organisationId, people);
      const base: ParticipantRow = {
        id: '', event_id: eventId, organisation_id: input.organisationId, languages: [], attendance: 'on_site', time_zone: null,
        available_slot_ids: null, max_meetings: null, status: e.approval_required ? 'pending' : 'approved', checked_in_at: null,
      };
      const row = settingsOf(base, input);
      if (!input.languages) row.languages = await organisationLanguages(input.organisationId);
      const id = await repo.insertParticipant({ ...row, registeredBy: viewer.userId, decidedAt: row.status === 'approved' ? now : null });
      if (!id) throw conflict('event_already_registered');
      await db.transaction((tx) => repo.setPeople(id, people, tx));
      return (await presentParticipants(a, [(await repo.findParticipant(eventId, id))!]))[0]!;
    },

    /** Organiser: everyone. Others: their own registrations and, once approved, the approved others. */
    async list(eventId: string, viewer: Viewer | null): Promise<{ items: Participant[] }> {
      if (!viewer) throw unauthenticated();
      const a = await access.load(eventId, viewer);
      const rows = await repo.participants(eventId);
      const own = rows.filter((r) => a.myOrgs.includes(r.organisation_id));
      const approvedSelf = own.some((r) => r.status === 'approved');
      const visible = a.isOrganiser ? rows : rows.filter((r) => own.includes(r) || (approvedSelf && r.status === 'approved'));
      return { items: await presentParticipants(a, visible) };
    },

    async decide(eventId: string, participantId: string, status: 'approved' | 'rejected', viewer: Viewer | null): Promise<Participant> {
      const a = await access.asOrganiser(eventId, viewer);
      if (!(await repo.findParticipant(eventId, participantId))) throw notFound('participant');
      if (!(await repo.decideParticipant(participantId, status, a.viewer.userId, clock()))) throw conflict('event_participant_decided');
      return (await presentParticipants(a, [(await repo.findParticipant(eventId, participantId))!]))[0]!;
    },

    async updateSettings(eventId: string, participantId: string, s: ParticipantSettings, viewer: Viewer | null): Promise<Participant> {
      const a = await access.asParticipant(eventId, participantId, viewer);
      await checkSlotIds(eventId, s.availableSlotIds, 'availableSlotIds');
      await checkPeople(a.participant.organisation_id, s.people);
      await repo.updateParticipant(settingsOf(a.participant, s), clock());
      if (s.people) await db.transaction((tx) => repo.setPeople(participantId, s.people!, tx));
      return (await presentParticipants(a, [(await repo.findParticipant(eventId, participantId))!]))[0]!;
    },
  };

  async function organisationLanguages(orgId: string): Promise<string[]> {
    const { rows } = await db.query<{ languages: string[] }>('select languages from organisations where id = $1', [orgId]);
    return rows[0]?.languages ?? [];
  }

  const interpreters = {
    async list(eventId: string, viewer: Viewer | null): Promise<{ items: Interpreter[] }> {
      await access.asOrganiser(eventId, viewer);
      return { items: (await repo.interpreters(eventId)).map(presentInterpreter) };
    },

    async create(eventId: string, input: InterpreterInput, viewer: Viewer | null): Promise<Interpreter> {
      await access.asOrganiser(eventId, viewer);
      await checkSlotIds(eventId, input.availableSlotIds, 'availableSlotIds');
      const id = await repo.insertInterpreter(eventId, { name: input.name, languages: input.languages, available_slot_ids: input.availableSlotIds ?? null });
      return presentInterpreter((await repo.interpreters(eventId)).find((i) => i.id === id)!);
    },

    async replace(eventId: string, interpreterId: string, input: InterpreterInput, viewer: Viewer | null): Promise<Interpreter> {
      await access.asOrganiser(eventId, viewer);
      await checkSlotIds(eventId, input.availableSlotIds, 'availableSlotIds');
      const row = { id: interpreterId, name: input.name, languages: input.languages, available_slot_ids: input.availableSlotIds ?? null };
      if (!(await repo.updateInterpreter(eventId, row))) throw notFound('interpreter');
      return presentInterpreter(row);
    },

    async remove(eventId: string, interpreterId: string, viewer: Viewer | null): Promise<void> {
      await access.asOrganiser(eventId, viewer);
      let removed: boolean;
      try {
        removed = await repo.deleteInterpreter(eventId, interpreterId);
      } catch (err) {
        throw asConflict(err, 'event_interpreter_in_use');
      }
      if (!removed) throw notFound('interpreter');
    },
  };

  const base = { db, repo, access, clock, monotonic: deps.monotonic ?? (() => performance.now()), publicUrl: deps.publicUrl ?? '', solver: deps.solver ?? 'worker' as const };
  const ctx: EventContext = { ...base, notifier: createEventNotifier(base, deps.notifications ?? null), matching: deps.matching ?? null };
  const scheduling = createScheduleMeetings(ctx);
  const day = createEventDayService(ctx, scheduling.instanceFor, presentParticipants, (eventId, viewer) => events.get(eventId, viewer));
  return {
    events,
    participants,
    interpreters,
    meetings: createMeetingService(ctx),
    ...scheduling,
    agendas: createAgendaService(ctx),
    day,
    /** The hourly job: the day-before reminders (one per person and event day, listing its meetings). */
    remindUpcomingMeetings: () => ctx.notifier.remindUpcoming(),
  };
}

export type EventService = ReturnType<typeof createEventService>;

export interface EventContext {
  db: Db;
  publicUrl: string;
  solver: 'worker' | 'inline';
  repo: ReturnType<typeof createEventRepository>;
  access: ReturnType<typeof createEventAccess>;
  clock: () => Date;
  monotonic: () => number;
  notifier: EventNotifier;
  matching: MatchingService | null;
}
