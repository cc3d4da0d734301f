/**
 * The bridge between the event tables and the pure scheduler (issue 4 item 3): builds a Ponte
 * instance from the database, runs `solveSchedule` (first run) or `rescheduleMeetings` (so
 * confirmed meetings move as little as possible), and writes the result in one transaction that
 * replaces the unpinned scheduled meetings. A crash before commit leaves the old schedule intact.
 */
import type { ScheduleInput, ScheduleRun, ScheduleSummary } from '../../../contracts/events';
import { withinWorkingDay } from '../../domain/events/slot-grid';
import { compileInstance } from '../../domain/scheduling/compile-instance';
import type { MeetingRequest, Schedule, SchedulingInstance } from '../../domain/scheduling/instance';
import { runSolverInline, runSolverInWorker } from './run-solver';
import { scheduleStats } from '../../domain/scheduling/stats';
import { conflict } from '../../errors';
import { translate } from '../../i18n/messages';
import type { Locale } from '../../../contracts/common';
import { conflictMessages } from './conflict-messages';
import type { Viewer } from '../auth/auth-context';
import type { MeetingRow, NewMeeting, ParticipantRow, RequestRow, SlotRow } from './event.repository';
import type { EventContext } from './event.service';

/** Weight by priority (1 = most wanted); mutual and "must meet" requests weigh more (issue 4 item 6). */
const PRIORITY_WEIGHT: Record<number, number> = { 1: 3, 2: 2, 3: 1 };
const MUTUAL_BONUS = 2;
const MUST_MEET_BONUS = 3;

/** Meetings the scheduler must leave where they are: pinned, or already held / missed. */
const isFixed = (m: MeetingRow) => m.status !== 'cancelled' && (m.pinned || m.status !== 'scheduled');

export interface EventInstance {
  instance: SchedulingInstance;
  /** The published schedule in the instance's terms (live meetings of requests in the instance). */
  previous: Schedule;
  slots: SlotRow[];
  tableIds: string[];
  meetings: MeetingRow[];
  /** Instance request id → the two participant ids. */
  pairs: Map<string, [string, string]>;
}

/**
 * Participants' availability: what they set; otherwise every slot, except for a remote
 * participant with a zone, whose default is 08:00–19:00 of their own working day.
 */
export function availabilityOf(p: ParticipantRow, slots: readonly SlotRow[]): string[] | undefined {
  if (p.available_slot_ids) return p.available_slot_ids;
  if (p.attendance === 'remote' && p.time_zone) {
    const tz = p.time_zone;
    return slots.filter((s) => withinWorkingDay({ startsAt: s.starts_at, endsAt: s.ends_at }, tz)).map((s) => s.id);
  }
  return undefined;
}

export function createScheduleMeetings({ db, repo, access, clock, monotonic, solver }: EventContext) {
  async function instanceFor(eventId: string): Promise<EventInstance> {
    const [slots, tables, participants, interpreters, requests, meetings] = await Promise.all([
      repo.slots(eventId), repo.tables(eventId), repo.participants(eventId), repo.interpreters(eventId), repo.requests(eventId, null), repo.meetings(eventId),
    ]);
    const cancelledByOrganiser = new Set(meetings.filter((m) => m.cancel_reason === 'organiser').map((m) => m.request_id));
    const fixedMeetings = meetings.filter(isFixed);
    const fixedRequests = new Set(fixedMeetings.map((m) => m.request_id));
    const approved = new Set(participants.filter((p) => p.status === 'approved').map((p) => p.id));

    // One scheduler request per pair: the request with a live meeting, else the earliest accepted one.
    const live = requests.filter((r) => r.status !== 'declined');
    const asked = new Set(live.map((r) => `${r.from_participant_id}>${r.to_participant_id}`));
    const liveMeetingRequest = new Set(meetings.filter((m) => m.status !== 'cancelled').map((m) => m.request_id));
    const byPair = new Map<string, RequestRow[]>();
    for (const r of requests) {
      if (r.status !== 'accepted' && !fixedRequests.has(r.id)) continue;
      const key = [r.from_participant_id, r.to_participant_id].sort().join('|');
      byPair.set(key, [...(byPair.get(key) ?? []), r]);
    }
    const pairs = new Map<string, [string, string]>();
    const schedRequests: MeetingRequest[] = [];
    const used = new Set<string>();
    for (const group of byPair.values()) {
      const primary = group.find((r) => liveMeetingRequest.has(r.id)) ?? group[0]!;
      if (group.some((r) => cancelledByOrganiser.has(r.id)) && !group.some((r) => liveMeetingRequest.has(r.id))) continue;
      const [a, b] = [primary.from_participant_id, primary.to_participant_id];
      const fixed = fixedMeetings.find((m) => m.request_id === primary.id);
      if (!fixed && !(approved.has(a) && approved.has(b))) continue;
      const mutual = asked.has(`${a}>${b}`) && asked.has(`${b}>${a}`);
      const weight = Math.max(...group.map((r) => PRIORITY_WEIGHT[r.priority] ?? 1)) + (mutual ? MUTUAL_BONUS : 0) + (group.some((r) => r.must_meet) ? MUST_MEET_BONUS : 0);
      schedRequests.push({
        id: primary.id,
        a,
        b,
        weight,
        ...(group.some((r) => r.mandatory) ? { mandatory: true } : {}),
        ...(fixed ? { fixedSlot: fixed.slot_id } : {}),
      });
      pairs.set(primary.id, [a, b]);
      used.add(a).add(b);
    }

    const instance: SchedulingInstance = {
      slots: slots.map((s) => ({ id: s.id, session: s.session })),
      tables: tables.length,
      interpreters: interpreters.map((i) => ({ id: i.id, languages: i.languages, ...(i.available_slot_ids ? { available: i.available_slot_ids } : {}) })),
      participants: participants
        .filter((p) => approved.has(p.id) || used.has(p.id))
        .map((p) => {
          const available = availabilityOf(p, slots);
          return { id: p.id, languages: p.languages, ...(available ? { available } : {}), ...(p.max_meetings !== null ? { maxMeetings: p.max_meetings } : {}) };
        }),
      requests: schedRequests,
      precedences: [],
    };
    const tableNumber = new Map(tables.map((t, k) => [t.id, k + 1]));
    const previous: Schedule = {
      meetings: meetings
        .filter((m) => m.status !== 'cancelled' && pairs.has(m.request_id))
        .map((m) => ({ request: m.request_id, slot: m.slot_id, table: tableNumber.get(m.table_id)!, interpreter: m.interpreter_id })),
      unscheduled: [],
    };
    return { instance, previous, slots, tableIds: tables.map((t) => t.id), meetings, pairs };
  }

  function summary(instance: SchedulingInstance, schedule: Schedule): ScheduleSummary {
    const s = scheduleStats(instance, schedule, 0);
    return { meetings: s.meetings, totalWeight: s.totalWeight, breaks: s.breaks.total, interpretedMeetings: s.interpretedMeetings };
  }

  /** Why a request stayed out, as a code the web app translates. */
  function reasons(instance: SchedulingInstance, schedule: Schedule, pairs: Map<string, [string, string]>): ScheduleRun['unscheduled'] {
    const c = compileInstance(instance);
    const held = new Map<string, number>();
    for (const m of schedule.meetings) for (const p of pairs.get(m.request) ?? []) held.set(p, (held.get(p) ?? 0) + 1);
    const max = new Map(instance.participants.map((p) => [p.id, p.maxMeetings]));
    return schedule.unscheduled.map((id) => {
      const r = c.requestIndex.get(id)!;
      const [a, b] = pairs.get(id)!;
      const atMax = [a, b].some((p) => max.get(p) !== undefined && (held.get(p) ?? 0) >= max.get(p)!);
      const reason = c.domain[r]!.length === 0 ? (c.emptyDomainReason[r]!.includes('interpreter') ? 'no_interpreter' : 'no_common_slot') : atMax ? 'max_meetings' : 'no_room';
      return { requestId: id, participantIds: [a, b], reason };
    });
  }

  /** Deletes the replaced rows, then inserts: no unique index sees two versions of one meeting. */
  async function write(eventId: string, ei: EventInstance, schedule: Schedule): Promise<void> {
    const now = clock();
    const replaceable = ei.meetings.filter((m) => m.status === 'scheduled' && !m.pinned);
    const revivable = new Map(ei.meetings.filter((m) => m.cancel_reason === 'rescheduled').map((m) => [m.request_id, m]));
    const fixedIds = new Set(ei.meetings.filter(isFixed).map((m) => m.request_id));
    const oldByRequest = new Map(replaceable.map((m) => [m.request_id, m]));
    const rows: NewMeeting[] = [];
    const removed: string[] = replaceable.map((m) => m.id);
    const placed = new Set<string>();
    for (const m of schedule.meetings) {
      if (fixedIds.has(m.request)) continue;
      placed.add(m.request);
      const tableId = ei.tableIds[m.table - 1]!;
      const old = oldByRequest.get(m.request) ?? revivable.get(m.request);
      if (old && old.status === 'cancelled') removed.push(old.id);
      const changed = !old || old.status === 'cancelled' || old.slot_id !== m.slot || old.table_id !== tableId || old.interpreter_id !== m.interpreter;
      rows.push({
        ...(old ? { id: old.id } : {}),
        requestId: m.request,
        slotId: m.slot,
        tableId,
        interpreterId: m.interpreter,
        pinned: false,
        status: 'scheduled',
        cancelReason: null,
        sequence: old ? old.sequence + (changed ? 1 : 0) : 0,
        participants: ei.pairs.get(m.request)!,
      });
    }
    // Dropped meetings stay as cancelled rows, so calendars that imported them remove them.
    for (const old of replaceable) {
      if (placed.has(old.request_id)) continue;
      rows.push({
        id: old.id, requestId: old.request_id, slotId: old.slot_id, tableId: old.table_id, interpreterId: old.interpreter_id, pinned: false,
        status: 'cancelled', cancelReason: 'rescheduled', sequence: old.sequence + 1, participants: [old.from_participant_id, old.to_participant_id],
      });
    }
    const seen = new Map(ei.meetings.map((m) => [m.id, `${m.status}:${m.slot_id}:${m.table_id}:${m.pinned}:${m.sequence}`]));
    try {
      await db.transaction(async (tx) => {
        await repo.lockEvent(eventId, tx);
        // Optimistic check: the meetings must be as they were when the instance was read.
        const current = await repo.meetings(eventId, tx);
        const same = current.length === seen.size && current.every((m) => seen.get(m.id) === `${m.status}:${m.slot_id}:${m.table_id}:${m.pinned}:${m.sequence}`);
        if (!same) throw conflict('event_schedule_changed');
        await repo.deleteMeetings(removed, tx);
        for (const row of rows) await repo.insertMeeting(eventId, row, now, tx);
      });
    } catch (err) {
      // A meeting written by hand since the read took a table or a person: run again.
      const code = (err as { code?: string }).code;
      if (code === '23505' || code === '23503') throw conflict('event_schedule_changed');
      throw err;
    }
  }

  return {
    instanceFor,

    async schedule(eventId: string, input: ScheduleInput, viewer: Viewer | null, locale: Locale = 'en'): Promise<ScheduleRun> {
      await access.asOrganiser(eventId, viewer);
      const ei = await instanceFor(eventId);
      if (ei.instance.slots.length === 0 || ei.instance.tables === 0) throw conflict('event_grid_missing');
      const { instance, previous } = ei;
      const before = summary(instance, previous);
      const job = { instance, previous, options: { timeLimitSeconds: input.timeLimitSeconds, seed: input.seed ?? 1 } };
      // In a worker thread by default: a run may take its whole time limit.
      const result = solver === 'worker' ? await runSolverInWorker(job) : runSolverInline(job, monotonic);
      const requestedWeight = instance.requests.reduce((s, r) => s + r.weight, 0);
      if (result.status === 'infeasible') {
        const [event, participants] = await Promise.all([repo.findEvent(eventId), repo.participants(eventId)]);
        const summaries = await access.summaries(participants.map((p) => p.organisation_id));
        const organisations = new Map(participants.flatMap((p) => (summaries.has(p.organisation_id) ? [[p.id, summaries.get(p.organisation_id)!] as const] : [])));
        const slotStarts = new Map(ei.slots.map((sl) => [sl.id, new Date(sl.starts_at).toISOString()]));
        const conflicts = conflictMessages(result.conflicts, { locale, timeZone: event?.time_zone ?? 'UTC', organisations, slotStarts });
        return { status: 'infeasible', before, after: null, requestedWeight, moved: 0, unscheduled: [], conflicts, seconds: result.seconds };
      }
      if (result.status === 'unsolved') {
        return { status: 'unsolved', before, after: null, requestedWeight, moved: 0, unscheduled: [], conflicts: [translate(locale, 'events.conflicts.unsolved')], seconds: result.seconds };
      }
      await write(eventId, ei, result.schedule);
      return {
        status: 'scheduled',
        before,
        after: summary(instance, result.schedule),
        requestedWeight,
        moved: 'moved' in result ? (result.moved as unknown[]).length : 0,
        unscheduled: reasons(instance, result.schedule, ei.pairs),
        conflicts: [],
        seconds: result.stats.seconds,
      };
    },
  };
}
