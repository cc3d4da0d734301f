/**
 * The day of an event (issue 4 items 1, 4, 11–12): publishing the schedule, check-in, quick
 * rescheduling of a late or absent participant, feedback after meetings, and in-event
 * recommendations from the matching engine restricted to the event's approved participants.
 */
import type { Locale } from '../../../contracts/common';
import type {
  CheckInInput, Event, EventRecommendationList, Feedback, FeedbackInput, FeedbackList, Meeting, Participant, RescheduleParticipantInput,
  RescheduleParticipantResult,
} from '../../../contracts/events';
import type { Schedule, SchedulingInstance } from '../../domain/scheduling/instance';
import { forbidden, notFound } from '../../errors';
import type { Viewer } from '../auth/auth-context';
import type { EventAccess } from './event-access';
import { EventDayProblem } from './event-problems';
import { createEventDayRepository, type FeedbackRow, type MeetingPlace } from './event-day.repository';
import type { MeetingRow, ParticipantRow } from './event.repository';
import type { EventContext } from './event.service';
import { runSolverInWorker, runSolverInline } from './run-solver';
import type { EventInstance } from './schedule-meetings';

/** Most other meetings moved to re-place one missed meeting. */
const MAX_MOVES_PER_MISSED = 2;
/** Seconds the incremental rescheduler may take for one participant. */
const RESCHEDULE_SECONDS = 2;

const presentFeedback = (f: FeedbackRow): Feedback => ({
  meetingId: f.meeting_id,
  participantId: f.participant_id,
  rating: f.rating,
  continue: f.continue_cooperation,
  expectAgreement: f.expect_agreement,
  comment: f.comment,
  updatedAt: f.updated_at.toISOString(),
});

const presentMeeting = (m: MeetingRow): Meeting => ({
  id: m.id, requestId: m.request_id, participantIds: [m.from_participant_id, m.to_participant_id], slotId: m.slot_id, tableId: m.table_id,
  interpreterId: m.interpreter_id, pinned: m.pinned, status: m.status, sequence: m.sequence,
});

const share = (rows: readonly FeedbackRow[], pick: (f: FeedbackRow) => boolean) => (rows.length ? rows.filter(pick).length / rows.length : null);

export function createEventDayService(
  ctx: EventContext,
  instanceFor: (eventId: string) => Promise<EventInstance>,
  presentParticipants: (a: EventAccess, rows: ParticipantRow[]) => Promise<Participant[]>,
  getEvent: (eventId: string, viewer: Viewer | null) => Promise<Event>,
) {
  const { db, repo, access, clock, notifier, matching } = ctx;
  const dayRepo = createEventDayRepository(db);

  /**
   * The reduced instance for re-placing a participant's missed meetings: only slots from `from`
   * on, only the meetings already there (kept in place unless room must be made) plus the missed
   * ones, which the rescheduler sees as displaced confirmed meetings.
   */
  function reducedInstance(ei: EventInstance, futureSlots: Set<string>, missed: readonly MeetingRow[]): { instance: SchedulingInstance; previous: Schedule } {
    const missedRequests = new Set(missed.map((m) => m.request_id));
    const live = ei.meetings.filter((m) => m.status !== 'cancelled');
    const kept = live.filter((m) => futureSlots.has(m.slot_id) && ei.pairs.has(m.request_id));
    const keepRequests = new Set([...kept.map((m) => m.request_id), ...missedRequests]);
    // Meetings already behind everyone still count against each participant's maximum.
    const past = new Map<string, number>();
    for (const m of live) {
      if (futureSlots.has(m.slot_id) || missedRequests.has(m.request_id)) continue;
      for (const p of [m.from_participant_id, m.to_participant_id]) past.set(p, (past.get(p) ?? 0) + 1);
    }
    const instance: SchedulingInstance = {
      ...ei.instance,
      slots: ei.instance.slots.filter((s) => futureSlots.has(s.id)),
      interpreters: ei.instance.interpreters.map((i) => ({ ...i, ...(i.available ? { available: i.available.filter((s) => futureSlots.has(s)) } : {}) })),
      participants: ei.instance.participants.map((p) => ({
        ...p,
        available: (p.available ?? [...futureSlots]).filter((s) => futureSlots.has(s)),
        ...(p.maxMeetings !== undefined ? { maxMeetings: Math.max(0, p.maxMeetings - (past.get(p.id) ?? 0)) } : {}),
      })),
      requests: ei.instance.requests.filter((r) => keepRequests.has(r.id)).map((r) => (missedRequests.has(r.id) ? { ...r, fixedSlot: undefined, mandatory: false } : r)),
    };
    const previous = { meetings: ei.previous.meetings.filter((m) => keepRequests.has(m.request)), unscheduled: [] };
    return { instance, previous };
  }

  return {
    /** Publishes (or re-publishes) the schedule: every approved participant's people are told. */
    async publish(eventId: string, viewer: Viewer | null): Promise<Event> {
      const a = await access.asOrganiser(eventId, viewer);
      if ((await repo.meetings(eventId)).every((m) => m.status === 'cancelled')) throw new EventDayProblem('conflict', 'nothing_to_publish');
      await dayRepo.publish(eventId, clock());
      await notifier.schedulePublished((await repo.findEvent(eventId))!);
      return getEvent(eventId, a.viewer);
    },

    async checkIn(eventId: string, participantId: string, input: CheckInInput, viewer: Viewer | null): Promise<Participant> {
      const a = await access.asOrganiser(eventId, viewer);
      const p = await repo.findParticipant(eventId, participantId);
      if (!p) throw notFound('participant');
      if (p.status !== 'approved') throw new EventDayProblem('conflict', 'check_in_not_approved');
      // Checking in twice keeps the first arrival time.
      if (input.checkedIn !== Boolean(p.checked_in_at)) await dayRepo.setCheckedIn(eventId, participantId, input.checkedIn ? clock() : null);
      return (await presentParticipants(a, [(await repo.findParticipant(eventId, participantId))!]))[0]!;
    },

    async reschedule(eventId: string, participantId: string, input: RescheduleParticipantInput, viewer: Viewer | null): Promise<RescheduleParticipantResult> {
      const a = await access.asOrganiser(eventId, viewer);
      const p = await repo.findParticipant(eventId, participantId);
      if (!p) throw notFound('participant');
      const ei = await instanceFor(eventId);
      const now = clock();
      const from = input.fromSlotId ? ei.slots.find((s) => s.id === input.fromSlotId) : ei.slots.find((s) => s.starts_at >= now);
      if (input.fromSlotId && !from) throw notFound('slot');
      if (!from) throw new EventDayProblem('conflict', 'reschedule_no_slots_left');
      const futureSlots = new Set(ei.slots.filter((s) => s.position >= from.position).map((s) => s.id));
      const mine = ei.meetings.filter((m) => m.status === 'scheduled' && (m.from_participant_id === p.id || m.to_participant_id === p.id));
      const missed = mine.filter((m) => !futureSlots.has(m.slot_id));
      const keptMine = mine.filter((m) => futureSlots.has(m.slot_id));
      const { instance, previous } = reducedInstance(ei, futureSlots, missed.filter((m) => !m.pinned));
      const job = { instance, previous, options: { timeLimitSeconds: RESCHEDULE_SECONDS, seed: 1, maxMovesPerDisplaced: MAX_MOVES_PER_MISSED } };
      const result = ctx.solver === 'worker' ? await runSolverInWorker(job) : runSolverInline(job, ctx.monotonic);
      if (result.status !== 'scheduled') throw new EventDayProblem('conflict', 'reschedule_failed');
      const byRequest = new Map(ei.meetings.filter((m) => m.status !== 'cancelled').map((m) => [m.request_id, m]));
      const places: MeetingPlace[] = [];
      for (const s of result.schedule.meetings) {
        const m = byRequest.get(s.request)!;
        const tableId = ei.tableIds[s.table - 1]!;
        if (m.slot_id === s.slot && m.table_id === tableId && m.interpreter_id === s.interpreter) continue;
        places.push({ id: m.id, slotId: s.slot, tableId, interpreterId: s.interpreter, sequence: m.sequence + 1, participants: [m.from_participant_id, m.to_participant_id] });
      }
      const placed = new Set(result.schedule.meetings.map((s) => s.request));
      const lost = missed.filter((m) => !placed.has(m.request_id));
      const seen = new Map(ei.meetings.map((m) => [m.id, `${m.status}:${m.slot_id}:${m.table_id}:${m.sequence}`]));
      try {
        await db.transaction(async (tx) => {
          await repo.lockEvent(eventId, tx);
          const current = await repo.meetings(eventId, tx);
          if (current.length !== seen.size || current.some((m) => seen.get(m.id) !== `${m.status}:${m.slot_id}:${m.table_id}:${m.sequence}`)) {
            throw new EventDayProblem('conflict', 'reschedule_changed');
          }
          await dayRepo.replacePlaces(eventId, places, now, tx);
          for (const m of lost) await dayRepo.setMeetingStatus(m.id, 'no_show', now, tx);
        });
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === '23505' || code === '23503') throw new EventDayProblem('conflict', 'reschedule_changed');
        throw err;
      }
      const after = await repo.meetings(eventId);
      const movedIds = new Set(places.map((x) => x.id));
      await notifier.meetingsChanged(a.event, after.filter((m) => movedIds.has(m.id)), 'meeting_moved');
      return {
        moved: places.length,
        cancelled: lost.length,
        kept: keptMine.filter((m) => !movedIds.has(m.id)).length,
        meetings: after.filter((m) => m.status !== 'cancelled').map(presentMeeting),
      };
    },

    /** Feedback after a meeting, by a member of one side's organisation; sending again replaces it. */
    async giveFeedback(eventId: string, meetingId: string, input: FeedbackInput, viewer: Viewer | null): Promise<Feedback> {
      const a = await access.asParticipant(eventId, input.participantId, viewer);
      if (!a.myOrgs.includes(a.participant.organisation_id)) throw forbidden();
      const m = await repo.findMeeting(eventId, meetingId);
      if (!m || (m.from_participant_id !== a.participant.id && m.to_participant_id !== a.participant.id)) throw notFound('meeting');
      const slot = (await repo.slots(eventId)).find((s) => s.id === m.slot_id)!;
      if (m.status === 'cancelled' || m.status === 'no_show') throw new EventDayProblem('conflict', 'feedback_not_held');
      if (m.status === 'scheduled' && slot.starts_at > clock()) throw new EventDayProblem('conflict', 'feedback_too_early');
      await dayRepo.upsertFeedback({
        meeting_id: m.id, participant_id: a.participant.id, eventId, rating: input.rating, continue_cooperation: input.continue,
        expect_agreement: input.expectAgreement, comment: input.comment ?? null, by: a.viewer.userId, at: clock(),
      });
      return presentFeedback((await dayRepo.feedback(eventId, a.participant.id)).find((f) => f.meeting_id === m.id)!);
    },

    async feedback(eventId: string, viewer: Viewer | null): Promise<FeedbackList> {
      await access.asOrganiser(eventId, viewer);
      const rows = await dayRepo.feedback(eventId);
      const average = rows.length ? rows.reduce((s, f) => s + f.rating, 0) / rows.length : null;
      return {
        items: rows.map(presentFeedback),
        summary: {
          count: rows.length,
          averageRating: average === null ? null : Math.round(average * 100) / 100,
          continueShare: share(rows, (f) => f.continue_cooperation),
          expectAgreementShare: share(rows, (f) => f.expect_agreement),
        },
      };
    },

    /**
     * Whom to meet: the matching engine's organisation recommendations for this participant,
     * kept to the event's other approved participants. The engine ranks the whole directory, so
     * a participant outside its top 50 for this organisation is not suggested here.
     */
    async recommendations(eventId: string, participantId: string, viewer: Viewer | null, locale: Locale): Promise<EventRecommendationList> {
      const a = await access.asParticipant(eventId, participantId, viewer);
      if (!matching) return { items: [] };
      const [participants, requests] = await Promise.all([repo.participants(eventId), repo.requests(eventId, participantId)]);
      const byOrg = new Map(participants.filter((p) => p.status === 'approved' && p.id !== participantId).map((p) => [p.organisation_id, p]));
      const live = new Set(requests.filter((r) => r.status !== 'declined').flatMap((r) => [r.from_participant_id, r.to_participant_id]));
      // Ranked among the event's approved participants only, so nobody is crowded out by the directory.
      const list = await matching.forOrganisation(a.participant.organisation_id, { limit: 50, kind: ['organisation'] }, a.viewer, locale, new Set(byOrg.keys()));
      return {
        items: list.items
          .filter((i) => byOrg.has(i.organisation.id))
          .map((i) => {
            const p = byOrg.get(i.organisation.id)!;
            return { participantId: p.id, organisation: i.organisation, score: i.score, reasons: i.explanation.reasons, requested: live.has(p.id) };
          }),
      };
    },
  };
}

export type EventDayService = ReturnType<typeof createEventDayService>;
