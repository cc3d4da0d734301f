/**
 * Meeting requests between participants (priority, message, "must meet"; accepted or declined by
 * the other side) and the organiser's hand on meetings: add, move, pin, cancel, swap, live
 * constraint checks and the day's outcome (issue 4 items 4, 11, 12, 14).
 * A pending request is only a wish: nothing but an accepted request reaches the scheduler, so
 * pending requests never hold anyone's slots.
 */
import type { Locale } from '../../../contracts/common';
import type {
  Meeting, MeetingCheck, MeetingCheckInput, MeetingInput, MeetingPatch, MeetingRequest, MeetingRequestInput, MeetingSwapInput,
} from '../../../contracts/events';
import type { Queryable } from '../../db/client';
import { DomainError, conflict, forbidden, invalid, notFound, unauthenticated } from '../../errors';
import type { Viewer } from '../auth/auth-context';
import { asConflict } from './event-access';
import { createEventDayRepository } from './event-day.repository';
import { EventDayProblem, violationMessage } from './event-problems';
import type { MeetingRow, RequestRow } from './event.repository';
import type { EventContext } from './event.service';
import { PlacementRefused, createMeetingChecks, type PlacementRequest } from './meeting-checks';

export function createMeetingService({ db, repo, access, clock, notifier }: EventContext) {
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

  const checks = createMeetingChecks({ repo, access });
  const dayRepo = createEventDayRepository(db);

  /** Runs a meeting write in one transaction holding the event's row lock, so checks and write see the same meetings. */
  async function placeAndWrite<T>(eventId: string, fn: (tx: Queryable, data: Awaited<ReturnType<typeof checks.load>>) => Promise<T>): Promise<T> {
    try {
      return await db.transaction(async (tx) => {
        await repo.lockEvent(eventId, tx);
        return fn(tx, await checks.load(eventId, tx));
      });
    } catch (err) {
      if (err instanceof PlacementRefused) return checks.refuse(eventId, err.violations);
      if (err instanceof DomainError) throw err;
      throw asConflict(err, 'meeting_table_taken');
    }
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
      const row = (await repo.findRequest(eventId, id))!;
      await notifier.requestReceived(a.event, row);
      return (await presentRequests(eventId, [row]))[0]!;
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
      const answered = (await repo.findRequest(eventId, requestId))!;
      await notifier.requestAnswered(a.event, answered, decision);
      return (await presentRequests(eventId, [answered]))[0]!;
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
      const now = clock();
      const id = await placeAndWrite(eventId, async (tx, data) => {
        const found = checks.violations({ ...input, interpreterId: input.interpreterId ?? null }, data);
        if (found.length > 0) throw new PlacementRefused(found);
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
      const added = (await repo.findMeeting(eventId, id))!;
      // After publication the agendas are out: both sides hear of a meeting added by hand.
      await notifier.meetingsChanged(a.event, [added], 'meeting_added');
      return presentMeeting(added);
    },

    /**
     * Move, pin or unpin, or record the outcome (held / no-show). A move is checked against every
     * hard constraint and bumps the iCal SEQUENCE so calendars update the event; after
     * publication both sides are told.
     */
    async update(eventId: string, meetingId: string, patch: MeetingPatch, viewer: Viewer | null): Promise<Meeting> {
      const a = await access.asOrganiser(eventId, viewer);
      const now = clock();
      // Read the meeting under the event's lock: a concurrent move by another organiser is seen.
      const moved = await placeAndWrite(eventId, async (tx, data) => {
        const m = data.meetings.find((x) => x.id === meetingId);
        if (!m) throw notFound('meeting');
        if (m.status === 'cancelled') throw conflict('meeting_not_scheduled');
        const next = {
          slotId: patch.slotId ?? m.slot_id,
          tableId: patch.tableId ?? m.table_id,
          interpreterId: patch.interpreterId === undefined ? m.interpreter_id : patch.interpreterId,
          pinned: patch.pinned ?? m.pinned,
        };
        const moves = next.slotId !== m.slot_id || next.tableId !== m.table_id || next.interpreterId !== m.interpreter_id;
        // Held and no-show meetings are history: only their status may change.
        if (moves && (m.status !== 'scheduled' || (patch.status && patch.status !== 'scheduled'))) throw conflict('meeting_not_scheduled');
        if (moves) {
          const found = checks.violations(
            { meetingId, movingPinned: m.pinned && patch.pinned === undefined, participantA: m.from_participant_id, participantB: m.to_participant_id, ...next },
            data,
          );
          if (found.length > 0) throw new PlacementRefused(found);
        }
        await repo.updateMeeting(meetingId, { ...next, sequence: m.sequence + (moves ? 1 : 0) }, now, tx);
        if (patch.status && patch.status !== m.status) await dayRepo.setMeetingStatus(meetingId, patch.status, now, tx);
        return moves;
      });
      const after = (await repo.findMeeting(eventId, meetingId))!;
      if (moved) await notifier.meetingsChanged(a.event, [after], 'meeting_moved');
      return presentMeeting(after);
    },

    /** Cancelled by the organiser: the scheduler will not bring this meeting back. */
    async cancel(eventId: string, meetingId: string, viewer: Viewer | null): Promise<Meeting> {
      const a = await access.asOrganiser(eventId, viewer);
      await placeAndWrite(eventId, async (tx, data) => {
        const m = data.meetings.find((x) => x.id === meetingId);
        if (!m) throw notFound('meeting');
        if (m.status !== 'scheduled') throw conflict('meeting_not_scheduled');
        await repo.cancelMeeting(meetingId, 'organiser', clock(), tx);
      });
      const after = (await repo.findMeeting(eventId, meetingId))!;
      await notifier.meetingsChanged(a.event, [after], 'meeting_cancelled');
      return presentMeeting(after);
    },

    /**
     * Undoes a cancellation: the SAME meeting (same id, so the same iCal UID, with a higher
     * SEQUENCE) returns to its slot, table and interpreter, pinned as it was, when every hard
     * constraint still holds — checked like any other write, under the event's row lock — else
     * 409 naming the violations. After publication both sides hear that it is back on; before,
     * nobody heard of the cancellation, so nobody hears of the undo.
     */
    async restore(eventId: string, meetingId: string, viewer: Viewer | null): Promise<Meeting> {
      const a = await access.asOrganiser(eventId, viewer);
      const now = clock();
      await placeAndWrite(eventId, async (tx, data) => {
        const m = data.meetings.find((x) => x.id === meetingId);
        if (!m) throw notFound('meeting');
        if (m.status !== 'cancelled') throw new EventDayProblem('conflict', 'meeting_not_cancelled');
        // The pair meets again meanwhile (added by hand, or by the scheduler): one meeting per request.
        if (data.meetings.some((x) => x.request_id === m.request_id && x.status !== 'cancelled')) throw conflict('meeting_exists');
        const found = checks.violations(
          { meetingId, participantA: m.from_participant_id, participantB: m.to_participant_id, slotId: m.slot_id, tableId: m.table_id, interpreterId: m.interpreter_id },
          data,
        );
        if (found.length > 0) throw new PlacementRefused(found);
        await repo.restoreMeeting(eventId, m, now, tx);
      });
      const after = (await repo.findMeeting(eventId, meetingId))!;
      await notifier.meetingsChanged(a.event, [after], 'meeting_restored');
      return presentMeeting(after);
    },

    /**
     * The live check behind drag and drop: the same rules PATCH/POST enforce, nothing written.
     * With `swapWith`, the swap of the two meetings as a whole, by the swap write's own rule.
     */
    async check(eventId: string, input: MeetingCheckInput, viewer: Viewer | null, locale: Locale): Promise<MeetingCheck> {
      await access.asOrganiser(eventId, viewer);
      const data = await checks.load(eventId);
      if ('swapWith' in input) {
        const [x, y] = [input.meetingId, input.swapWith].map((id) => data.meetings.find((m) => m.id === id));
        if (!x || !y || x.status === 'cancelled' || y.status === 'cancelled') throw notFound('meeting');
        if (x.status !== 'scheduled' || y.status !== 'scheduled') throw conflict('meeting_not_scheduled');
        const plan = checks.swap(x, y, data);
        const found = plan.ok ? [] : await checks.named(eventId, plan.violations);
        return { ok: found.length === 0, violations: found.map((v) => ({ code: v.code, message: violationMessage(v, locale), ...(v.meetingId ? { meetingId: v.meetingId } : {}) })) };
      }
      let req: PlacementRequest;
      if (input.meetingId) {
        const m = data.meetings.find((x) => x.id === input.meetingId);
        if (!m || m.status === 'cancelled') throw notFound('meeting');
        const moved = m.slot_id !== input.slotId || m.table_id !== input.tableId;
        req = {
          meetingId: m.id,
          movingPinned: m.pinned && moved,
          participantA: m.from_participant_id,
          participantB: m.to_participant_id,
          slotId: input.slotId,
          tableId: input.tableId,
          interpreterId: input.interpreterId === undefined ? m.interpreter_id : input.interpreterId,
        };
      } else {
        if (input.participantA === input.participantB) throw invalid([{ path: 'participantB', key: 'event_same_participant' }]);
        if (!data.participants.has(input.participantA!) || !data.participants.has(input.participantB!)) throw notFound('participant');
        req = { participantA: input.participantA!, participantB: input.participantB!, slotId: input.slotId, tableId: input.tableId, interpreterId: input.interpreterId ?? null };
      }
      const found = await checks.named(eventId, checks.violations(req, data));
      return { ok: found.length === 0, violations: found.map((v) => ({ code: v.code, message: violationMessage(v, locale) })) };
    },

    /**
     * Exchanges slot and table of two scheduled meetings in one transaction, by the domain's
     * `planSwap` (each keeps its interpreter where that stays valid, else gets a free one who
     * speaks a language of each side) — the rule the live check shows.
     */
    async swap(eventId: string, input: MeetingSwapInput, viewer: Viewer | null): Promise<{ items: Meeting[] }> {
      const a = await access.asOrganiser(eventId, viewer);
      const now = clock();
      const changed = await placeAndWrite(eventId, async (tx, data) => {
        const [x, y] = [input.a, input.b].map((id) => data.meetings.find((m) => m.id === id));
        if (!x || !y || x.status === 'cancelled' || y.status === 'cancelled') throw notFound('meeting');
        if (x.status !== 'scheduled' || y.status !== 'scheduled') throw conflict('meeting_not_scheduled');
        const plan = checks.swap(x, y, data);
        if (!plan.ok) throw new PlacementRefused(plan.violations);
        await dayRepo.replacePlaces(
          eventId,
          plan.places.map((p) => {
            const m = p.meetingId === x.id ? x : y;
            return { id: m.id, slotId: p.slotId, tableId: p.tableId, interpreterId: p.interpreterId, sequence: m.sequence + 1, participants: [m.from_participant_id, m.to_participant_id] };
          }),
          now,
          tx,
        );
        return [x.id, y.id];
      });
      const after = await repo.meetings(eventId);
      await notifier.meetingsChanged(a.event, after.filter((m) => changed.includes(m.id)), 'meeting_moved');
      return { items: after.filter((m) => m.status !== 'cancelled').map(presentMeeting) };
    },
  };
}
