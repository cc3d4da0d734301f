/**
 * Loads what the hard constraints of a meeting placement need (participants, interpreters, live
 * meetings) and names the violations for messages. Reads through `tx` when given, so a write
 * checks what its own transaction (holding the event's row lock) sees.
 */
import type { Queryable } from '../../db/client';
import { checkPlacement, planSwap, type LiveMeeting, type PlacementInterpreter, type PlacementParticipant, type SwapPlan, type Violation } from '../../domain/events/meeting-constraints';
import { invalid } from '../../errors';
import { MeetingConstraintError, type NamedViolation } from './event-problems';
import type { InterpreterRow, MeetingRow, ParticipantRow } from './event.repository';
import type { EventContext } from './event.service';
import { availabilityOf } from './schedule-meetings';

export interface PlacementRequest {
  meetingId?: string | null;
  movingPinned?: boolean;
  participantA: string;
  participantB: string;
  slotId: string;
  tableId: string;
  interpreterId: string | null;
}

export const liveOf = (meetings: readonly MeetingRow[]): LiveMeeting[] =>
  meetings
    .filter((m) => m.status !== 'cancelled')
    .map((m) => ({ id: m.id, slotId: m.slot_id, tableId: m.table_id, interpreterId: m.interpreter_id, participants: [m.from_participant_id, m.to_participant_id] as const }));

const PATHS: Record<Violation['code'], string> = {
  table_taken: 'tableId',
  participant_busy: 'slotId',
  participant_unavailable: 'slotId',
  interpreter_busy: 'interpreterId',
  interpreter_unavailable: 'interpreterId',
  interpreter_languages: 'interpreterId',
  interpreter_needed: 'interpreterId',
  max_meetings: 'participantB',
  pinned: 'meetingId',
};

export function createMeetingChecks({ repo, access }: Pick<EventContext, 'repo' | 'access'>) {
  async function load(eventId: string, tx?: Queryable) {
    const [slots, tables, participants, interpreters, meetings] = await Promise.all([
      repo.slots(eventId, tx), repo.tables(eventId, tx), repo.participants(eventId, tx), repo.interpreters(eventId, tx), repo.meetings(eventId, tx),
    ]);
    return { slots, tables, participants: new Map(participants.map((p) => [p.id, p])), interpreters: new Map(interpreters.map((i) => [i.id, i])), meetings };
  }
  type Loaded = Awaited<ReturnType<typeof load>>;

  function side(p: ParticipantRow, data: Loaded): PlacementParticipant {
    return { id: p.id, languages: p.languages, available: availabilityOf(p, data.slots) ?? null, maxMeetings: p.max_meetings };
  }

  const interpreterOf = (i: InterpreterRow): PlacementInterpreter => ({ id: i.id, languages: i.languages, available: i.available_slot_ids });

  /** The swap of two meetings judged as a whole (domain `planSwap`): what the swap write does and the live check shows. */
  function swap(x: MeetingRow, y: MeetingRow, data: Loaded): SwapPlan {
    const of = (m: MeetingRow) => ({
      id: m.id,
      pinned: m.pinned,
      a: side(data.participants.get(m.from_participant_id)!, data),
      b: side(data.participants.get(m.to_participant_id)!, data),
      slotId: m.slot_id,
      tableId: m.table_id,
      interpreterId: m.interpreter_id,
    });
    return planSwap(of(x), of(y), liveOf(data.meetings), [...data.interpreters.values()].map(interpreterOf));
  }

  /** Raw violations of one placement (unknown slot, table or interpreter: 400). */
  function violations(req: PlacementRequest, data: Loaded): Violation[] {
    const fields: Array<{ path: string; key: string }> = [];
    if (!data.slots.some((s) => s.id === req.slotId)) fields.push({ path: 'slotId', key: 'event_unknown_slot' });
    if (!data.tables.some((t) => t.id === req.tableId)) fields.push({ path: 'tableId', key: 'event_unknown_table' });
    const interpreter: InterpreterRow | null = req.interpreterId ? (data.interpreters.get(req.interpreterId) ?? null) : null;
    if (req.interpreterId && !interpreter) fields.push({ path: 'interpreterId', key: 'event_unknown_interpreter' });
    if (fields.length > 0) throw invalid(fields);
    const [a, b] = [data.participants.get(req.participantA)!, data.participants.get(req.participantB)!];
    return checkPlacement(
      {
        meetingId: req.meetingId ?? null,
        movingPinned: req.movingPinned ?? false,
        a: side(a, data),
        b: side(b, data),
        slotId: req.slotId,
        tableId: req.tableId,
        interpreter: interpreter ? interpreterOf(interpreter) : null,
      },
      liveOf(data.meetings),
    );
  }

  /** Attaches names (organisations' in every language, interpreters') for the messages. */
  async function named(eventId: string, vs: readonly Violation[]): Promise<NamedViolation[]> {
    const [participants, interpreters] = await Promise.all([repo.participants(eventId), repo.interpreters(eventId)]);
    const orgOf = new Map(participants.map((p) => [p.id, p.organisation_id]));
    const summaries = await access.summaries(vs.filter((v) => v.subject?.kind === 'participant').map((v) => orgOf.get(v.subject!.id)!));
    return vs.map((v) => {
      let name: NamedViolation['name'];
      if (v.subject?.kind === 'participant') {
        const s = summaries.get(orgOf.get(v.subject.id)!);
        name = s ? { names: s.names as Record<string, string>, plain: s.legalName } : undefined;
      } else if (v.subject?.kind === 'interpreter') {
        name = { plain: interpreters.find((i) => i.id === v.subject!.id)?.name ?? '' };
      }
      return { code: v.code, path: PATHS[v.code], ...(name ? { name } : {}), ...(v.meetingId ? { meetingId: v.meetingId } : {}) };
    });
  }

  return {
    load,
    violations,
    swap,
    named,
    /** Throws the 409 for violations found inside a transaction, after it rolled back (names are read outside it). */
    async refuse(eventId: string, vs: readonly Violation[]): Promise<never> {
      throw new MeetingConstraintError(await named(eventId, vs));
    },
  };
}

/** Carries violations out of a transaction so it rolls back before names are read. */
export class PlacementRefused extends Error {
  constructor(readonly violations: Violation[]) {
    super('placement refused');
  }
}

export type MeetingChecks = ReturnType<typeof createMeetingChecks>;
