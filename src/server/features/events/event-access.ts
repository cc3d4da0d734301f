/**
 * Who may do what in an event, shared by the event use cases. Organisers are members of the
 * organiser organisation or hold the platform organiser/admin role; participants act only for
 * organisations they belong to. To outsiders a draft event does not exist.
 */
import type { OrganisationSummary } from '../../../contracts/organisation';
import type { Db } from '../../db/client';
import { DomainError, conflict, forbidden, notFound, unauthenticated } from '../../errors';
import type { Viewer } from '../auth/auth-context';
import { presentSummary } from '../organisations/organisation.presenter';
import { createOrganisationRepository } from '../organisations/organisation.repository';
import { type EventRepository, type EventRow, type ParticipantRow } from './event.repository';

export interface EventAccess {
  event: EventRow;
  viewer: Viewer | null;
  myOrgs: string[];
  isOrganiser: boolean;
}

export function createEventAccess(db: Db, repo: EventRepository) {
  const orgs = createOrganisationRepository(db);

  async function load(eventId: string, viewer: Viewer | null): Promise<EventAccess> {
    const event = await repo.findEvent(eventId);
    if (!event) throw notFound('event');
    const myOrgs = viewer ? await repo.memberOrganisationIds(viewer.userId) : [];
    const isOrganiser = Boolean(viewer && (viewer.roles.length > 0 || myOrgs.includes(event.organiser_organisation_id)));
    if (event.status === 'draft' && !isOrganiser) throw notFound('event');
    return { event, viewer, myOrgs, isOrganiser };
  }

  return {
    load,

    async asOrganiser(eventId: string, viewer: Viewer | null): Promise<EventAccess & { viewer: Viewer }> {
      if (!viewer) throw unauthenticated();
      const access = await load(eventId, viewer);
      if (!access.isOrganiser) throw forbidden();
      return access as EventAccess & { viewer: Viewer };
    },

    /** The participant, when the viewer acts for its organisation (or organises the event). */
    async asParticipant(eventId: string, participantId: string, viewer: Viewer | null): Promise<EventAccess & { viewer: Viewer; participant: ParticipantRow }> {
      if (!viewer) throw unauthenticated();
      const access = await load(eventId, viewer);
      const participant = await repo.findParticipant(eventId, participantId);
      if (!participant) throw notFound('participant');
      if (!access.isOrganiser && !access.myOrgs.includes(participant.organisation_id)) throw forbidden();
      return { ...access, viewer, participant };
    },

    async summaries(orgIds: readonly string[]): Promise<Map<string, OrganisationSummary>> {
      const unique = [...new Set(orgIds)];
      const rows = await Promise.all(unique.map((id) => orgs.findById(id)));
      const out = new Map<string, OrganisationSummary>();
      for (const r of rows) if (r) out.set(r.id, presentSummary(r));
      return out;
    },
  };
}

export type EventAccessor = ReturnType<typeof createEventAccess>;

/** Unique-index names → the domain conflict they mean (two organisers writing at once). */
const CONSTRAINT_CONFLICTS: Record<string, string> = {
  event_meetings_table_key: 'meeting_table_taken',
  event_meeting_seats_busy_key: 'meeting_participant_busy',
  event_meetings_interpreter_key: 'meeting_interpreter_busy',
  event_meetings_request_key: 'meeting_exists',
  event_meeting_seats_pkey: 'meeting_participant_busy',
};

/**
 * Turns a unique or foreign-key violation from PGlite or node-postgres into a domain conflict;
 * anything else is rethrown. Both drivers report SQLSTATE in `code`; the index name is in
 * `constraint` (pg) or the message (both).
 */
export function asConflict(err: unknown, fallbackKey: string): DomainError {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e?.code !== '23505' && e?.code !== '23503') throw err;
  const name = e.constraint ?? Object.keys(CONSTRAINT_CONFLICTS).find((k) => e.message?.includes(k));
  return conflict((name && CONSTRAINT_CONFLICTS[name]) || fallbackKey);
}
