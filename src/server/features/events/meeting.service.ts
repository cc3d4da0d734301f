/**
 * Meeting requests between participants (priority, message, "must meet"; accepted or declined by
 * the other side) and the organiser's hand on meetings: add, move, pin, cancel (issue 4 item 4).
 * A pending request is only a wish: nothing but an accepted request reaches the scheduler, so
 * pending requests never hold anyone's slots.
 */
import type { Meeting, MeetingInput, MeetingPatch, MeetingRequest, MeetingRequestInput } from '../../../contracts/events';
import { conflict, forbidden, invalid, notFound, unauthenticated } from '../../errors';
import type { Viewer } from '../auth/auth-context';
import { asConflict } from './event-access';
import type { MeetingRow, RequestRow } from './event.repository';
import type { EventContext } from './event.service';

export function createMeetingService({ db, repo, access, clock }: EventContext) {
  async function presentRequests(eventId: string, rows: RequestRow[]): Promise<MeetingRequest[]> {
    const participants = new Map((await repo.participants(eventId)).map((p) => [p.id, p]));
    const all = await repo.requests(eventId, null);
    const live = new Set(all.filter((r) => r.status !== 'declined').map((r) => `${r.from_participant_id}>${r.to_participant_id}`));
    const summaries = await access.summaries([...participants.values()].map((p) => p.organisation_id));
    const org = (pid: string) => summaries.get(participants.get(pid)!.organisation_id)!;
    return rows.map((r) => ({
      id: r.id,
      fromParticipantId: r.from_participant_id,
      toParticipantId: r.to_participant_id,
      from: org(r.from_participant_id),
      to: org(r.to_participant_id),
      priority: r.priority,
      message: r.message,
      mustMeet: r.must_meet,
      mandatory: r.mandatory,
      status: r.status,
      mutual: live.has(`${r.to_participant_id}>${r.from_participant_id}`),
      createdAt: r.created_at.toISOString(),
    }));
  }

  const presentMeeting = (m: MeetingRow): Meeting => ({
    id: m.id,
    requestId: m.request_id,
    participantIds: [m.from_participant_id, m.to_participant_id],
    slotId: m.slot_id,
    tableId: m.table_id,
    interpreterId: m.interpreter_id,
    pinned: m.pinned,
    status: m.status,
    sequence: m.sequence,
  });

  async function checkPlace(eventId: string, slotId: string, tableId: string, interpreterId: string | null | undefined) {
    const [slots, tables, interpreters] = await Promise.all([repo.slots(eventId), repo.tables(eventId), repo.interpreters(eventId)]);
    const fields: Array<{ path: string; key: string }> = [];
    if (!slots.some((s) => s.id === slotId)) fields.push({ path: 'slotId', key: 'event_unknown_slot' });
    if (!tables.some((t) => t.id === tableId)) fields.push({ path: 'tableId', key: 'event_unknown_table' });
    if (interpreterId && !interpreters.some((i) => i.id === interpreterId)) fields.push({ path: 'interpreterId', key: 'event_unknown_interpreter' });
    if (fields.length > 0) throw invalid(fields);
  }

  return {
    async request(eventId: string, input: MeetingRequestInput, viewer: Viewer | null): Promise<MeetingRequest> {
      const a = await access.asParticipant(eventId, input.fromParticipantId, viewer);
      // Requests speak for an organisation: only its members send them, even organisers.
      if (!a.myOrgs.includes(a.participant.organisation_id)) throw forbidden();
      if (a.event.status !== 'open') throw conflict('event_not_open');
      if (a.participant.status !== 'approved') throw conflict('event_not_approved');
      const to = await repo.findParticipant(eventId, input.toParticipantId);
      if (!to || to.status !== 'approved') throw notFound('participant');
      if (to.id === a.participant.id) throw invalid([{ path: 'toParticipantId', key: 'event_same_participant' }]);
      const id = await repo.insertRequest({
        event_id: eventId,
        from_participant_id: a.participant.id,
        to_participant_id: to.id,
        priority: input.priority,
        message: input.message ?? null,
        must_meet: input.mustMeet,
        mandatory: false,
        status: 'pending',
        createdBy: a.viewer.userId,
        at: clock(),
      });
      if (!id) throw conflict('event_request_exists');
      return (await presentRequests(eventId, [(await repo.findRequest(eventId, id))!]))[0]!;
    },

    /** Organiser: all requests (or one participant's). Others: their own participants' requests. */
    async listRequests(eventId: string, participantId: string | undefined, viewer: Viewer | null): Promise<{ items: MeetingRequest[] }> {
      if (!viewer) throw unauthenticated();
      if (participantId) {
        await access.asParticipant(eventId, participantId, viewer);
        return { items: await presentRequests(eventId, await repo.requests(eventId, participantId)) };
      }
      const a = await access.load(eventId, viewer);
      const rows = await repo.requests(eventId, null);
      if (a.isOrganiser) return { items: await presentRequests(eventId, rows) };
      const mine = new Set((await repo.participants(eventId)).filter((p) => a.myOrgs.includes(p.organisation_id)).map((p) => p.id));
      return { items: await presentRequests(eventId, rows.filter((r) => mine.has(r.from_participant_id) || mine.has(r.to_participant_id))) };
    },

    async respond(eventId: string, requestId: string, decision: 'accepted' | 'declined', viewer: Viewer | null): Promise<MeetingRequest> {
      if (!viewer) throw unauthenticated();
      const a = await access.load(eventId, viewer);
      const row = await repo.findRequest(eventId, requestId);
      if (!row) throw notFound('meeting_request');
      const [from, to] = await Promise.all([repo.findParticipant(eventId, row.from_participant_id), repo.findParticipant(eventId, row.to_participant_id)]);
      const mineTo = a.myOrgs.includes(to!.organisation_id);
      // Only the other side answers; to strangers the request does not exist.
      if (!mineTo && !a.myOrgs.includes(from!.organisation_id) && !a.isOrganiser) throw notFound('meeting_request');
      if (!mineTo) throw forbidden();
      if (!(await repo.respondRequest(requestId, decision, viewer.userId, clock()))) throw conflict('event_request_answered');
      return (await presentRequests(eventId, [(await repo.findRequest(eventId, requestId))!]))[0]!;
    },

    async list(eventId: string, viewer: Viewer | null): Promise<{ items: Meeting[] }> {
      await access.asOrganiser(eventId, viewer);
      return { items: (await repo.meetings(eventId)).map(presentMeeting) };
    },

    /** Organiser adds a meeting by hand (pinned by default); an accepted request is made if none is live. */
    async add(eventId: string, input: MeetingInput, viewer: Viewer | null): Promise<Meeting> {
      const a = await access.asOrganiser(eventId, viewer);
      if (input.participantA === input.participantB) throw invalid([{ path: 'participantB', key: 'event_same_participant' }]);
      const [pa, pb] = await Promise.all([repo.findParticipant(eventId, input.participantA), repo.findParticipant(eventId, input.participantB)]);
      if (!pa || !pb) throw notFound('participant');
      await checkPlace(eventId, input.slotId, input.tableId, input.interpreterId);
      const now = clock();
      try {
        const id = await db.transaction(async (tx) => {
          let request = await repo.liveRequestBetween(eventId, pa.id, pb.id, tx);
          if (request?.status === 'pending') {
            await repo.respondRequest(request.id, 'accepted', a.viewer.userId, now, tx);
          }
          const requestId =
            request?.id ??
            (await repo.insertRequest(
              { event_id: eventId, from_participant_id: pa.id, to_participant_id: pb.id, priority: 1, message: null, must_meet: false, mandatory: input.mandatory, status: 'accepted', createdBy: a.viewer.userId, at: now },
              tx,
            ))!;
          if (input.mandatory) await repo.markMandatory(requestId, tx);
          request = await repo.findRequest(eventId, requestId, tx);
          return repo.insertMeeting(
            eventId,
            { requestId, slotId: input.slotId, tableId: input.tableId, interpreterId: input.interpreterId ?? null, pinned: input.pinned, status: 'scheduled', cancelReason: null, sequence: 0, participants: [request!.from_participant_id, request!.to_participant_id] },
            now,
            tx,
          );
        });
        return presentMeeting((await repo.findMeeting(eventId, id))!);
      } catch (err) {
        throw asConflict(err, 'meeting_table_taken');
      }
    },

    /** Move, pin or unpin; a move bumps the iCal SEQUENCE so calendars update the event. */
    async update(eventId: string, meetingId: string, patch: MeetingPatch, viewer: Viewer | null): Promise<Meeting> {
      await access.asOrganiser(eventId, viewer);
      const m = await repo.findMeeting(eventId, meetingId);
      if (!m) throw notFound('meeting');
      if (m.status !== 'scheduled') throw conflict('meeting_not_scheduled');
      const next = {
        slotId: patch.slotId ?? m.slot_id,
        tableId: patch.tableId ?? m.table_id,
        interpreterId: patch.interpreterId === undefined ? m.interpreter_id : patch.interpreterId,
        pinned: patch.pinned ?? m.pinned,
      };
      await checkPlace(eventId, next.slotId, next.tableId, next.interpreterId);
      const moved = next.slotId !== m.slot_id || next.tableId !== m.table_id || next.interpreterId !== m.interpreter_id;
      try {
        await db.transaction((tx) => repo.updateMeeting(meetingId, { ...next, sequence: m.sequence + (moved ? 1 : 0) }, clock(), tx));
      } catch (err) {
        throw asConflict(err, 'meeting_table_taken');
      }
      return presentMeeting((await repo.findMeeting(eventId, meetingId))!);
    },

    /** Cancelled by the organiser: the scheduler will not bring this meeting back. */
    async cancel(eventId: string, meetingId: string, viewer: Viewer | null): Promise<Meeting> {
      await access.asOrganiser(eventId, viewer);
      const m = await repo.findMeeting(eventId, meetingId);
      if (!m) throw notFound('meeting');
      if (m.status !== 'scheduled') throw conflict('meeting_not_scheduled');
      await db.transaction((tx) => repo.cancelMeeting(meetingId, 'organiser', clock(), tx));
      return presentMeeting((await repo.findMeeting(eventId, meetingId))!);
    },
  };
}
