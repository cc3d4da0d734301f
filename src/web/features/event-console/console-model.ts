/**
 * Pure view logic of the organiser console: the slot × table grid, filters, unplaced requests,
 * interpreter schedules and table cards. No React, no fetch — tested in console-model.test.ts.
 */
import { pickText, type Locale } from '../../../contracts/common';
import type { EventSlot, EventTable, Interpreter, Meeting, MeetingRequest } from '../../../contracts/events';
import type { OrganisationSummary } from '../../../contracts/organisation';
import type { ConsoleParticipant } from './console-api';

export type SessionName = EventSlot['session'];

export interface DayGroup {
  day: string;
  sessions: { session: SessionName; slots: EventSlot[] }[];
}

/** Slots by day, then by session, in grid order. */
export function groupSlots(slots: readonly EventSlot[]): DayGroup[] {
  const days: DayGroup[] = [];
  for (const slot of [...slots].sort((a, b) => a.position - b.position)) {
    let day = days.at(-1);
    if (!day || day.day !== slot.day) days.push((day = { day: slot.day, sessions: [] }));
    let session = day.sessions.at(-1);
    if (!session || session.session !== slot.session) day.sessions.push((session = { session: slot.session, slots: [] }));
    session.slots.push(slot);
  }
  return days;
}

/** Scheduled, held and no-show meetings occupy their cell; cancelled ones do not. */
export const isLive = (m: Meeting) => m.status !== 'cancelled';

export const cellKey = (slotId: string, tableId: string) => `${slotId}|${tableId}`;

export function meetingsByCell(meetings: readonly Meeting[]): Map<string, Meeting> {
  const out = new Map<string, Meeting>();
  for (const m of meetings) if (isLive(m)) out.set(cellKey(m.slotId, m.tableId), m);
  return out;
}

export function organisationName(org: OrganisationSummary, locale: Locale): string {
  return pickText(org.names, locale) || org.legalName;
}

/** Both sides declare their languages and share none (the server's rule for an interpreter). */
export function needsInterpreter(a: ConsoleParticipant | undefined, b: ConsoleParticipant | undefined): boolean {
  if (!a || !b || a.languages.length === 0 || b.languages.length === 0) return false;
  return !a.languages.some((l) => b.languages.includes(l));
}

const pairKey = (a: string, b: string) => [a, b].sort().join('|');

/**
 * Accepted requests with no live meeting, one per pair (a mutual pair has two requests but only
 * one meeting), most wanted first.
 */
export function unplacedRequests(requests: readonly MeetingRequest[], meetings: readonly Meeting[]): MeetingRequest[] {
  const placed = new Set(meetings.filter(isLive).map((m) => pairKey(m.participantIds[0], m.participantIds[1])));
  const seen = new Set<string>();
  const out: MeetingRequest[] = [];
  for (const r of [...requests].sort((x, y) => Number(y.mandatory) - Number(x.mandatory) || Number(y.mustMeet) - Number(x.mustMeet) || x.priority - y.priority)) {
    const key = pairKey(r.fromParticipantId, r.toParticipantId);
    if (r.status !== 'accepted' || placed.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

export interface GridFilter {
  /** Only meetings of this participant are shown; others stay as greyed, occupied cells. */
  participantId: string | null;
  /** A day (YYYY-MM-DD) or a day and session ("YYYY-MM-DD|morning"); null = all. */
  period: string | null;
  /** Only meetings that need an interpreter. */
  interpreterOnly: boolean;
}

export const NO_FILTER: GridFilter = { participantId: null, period: null, interpreterOnly: false };

export function filterDays(days: readonly DayGroup[], period: string | null): DayGroup[] {
  if (!period) return [...days];
  const [day, session] = period.split('|');
  return days
    .filter((d) => d.day === day)
    .map((d) => ({ ...d, sessions: session ? d.sessions.filter((s) => s.session === session) : d.sessions }));
}

export function meetingMatches(m: Meeting, filter: GridFilter, participant: (id: string) => ConsoleParticipant | undefined): boolean {
  if (filter.participantId && !m.participantIds.includes(filter.participantId)) return false;
  if (filter.interpreterOnly) {
    const [a, b] = m.participantIds;
    if (!m.interpreterId && !needsInterpreter(participant(a), participant(b))) return false;
  }
  return true;
}

export interface SlotMeeting {
  slot: EventSlot;
  meeting: Meeting;
}

/** Each interpreter's live meetings in slot order (interpreters without meetings included). */
export function interpreterSchedules(interpreters: readonly Interpreter[], meetings: readonly Meeting[], slots: readonly EventSlot[]) {
  const slotById = new Map(slots.map((s) => [s.id, s]));
  return interpreters.map((interpreter) => ({
    interpreter,
    items: meetings
      .filter((m) => isLive(m) && m.interpreterId === interpreter.id && slotById.has(m.slotId))
      .map((meeting) => ({ slot: slotById.get(meeting.slotId)!, meeting }))
      .sort((a, b) => a.slot.position - b.slot.position),
  }));
}

export interface TableCard {
  table: EventTable;
  day: string;
  items: SlotMeeting[];
}

/** One card per table and day that has at least one meeting, table by table. */
export function tableCards(tables: readonly EventTable[], slots: readonly EventSlot[], meetings: readonly Meeting[]): TableCard[] {
  const byCell = meetingsByCell(meetings);
  const days = groupSlots(slots);
  const cards: TableCard[] = [];
  for (const table of [...tables].sort((a, b) => a.position - b.position)) {
    for (const day of days) {
      const items = day.sessions
        .flatMap((s) => s.slots)
        .flatMap((slot) => {
          const meeting = byCell.get(cellKey(slot.id, table.id));
          return meeting ? [{ slot, meeting }] : [];
        });
      if (items.length > 0) cards.push({ table, day: day.day, items });
    }
  }
  return cards;
}

/** Search over every language of an organisation's name and its people's names. */
export function participantMatches(p: ConsoleParticipant, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return true;
  const texts = [p.organisation.legalName, ...Object.values(p.organisation.names ?? {}), ...p.people.map((x) => x.displayName)];
  return texts.some((text) => typeof text === 'string' && text.toLocaleLowerCase().includes(q));
}

/**
 * An interpreter for a pair that needs one in `slotId`: speaks a language of each side, is
 * available then and not at another meeting (`movingMeetingId` is the meeting being placed).
 * Null when the pair needs none or nobody fits; the server has the last word either way.
 */
export function suggestInterpreter(
  a: ConsoleParticipant | undefined,
  b: ConsoleParticipant | undefined,
  slotId: string,
  interpreters: readonly Interpreter[],
  meetings: readonly Meeting[],
  movingMeetingId?: string,
): string | null {
  if (!a || !b || !needsInterpreter(a, b)) return null;
  const busy = new Set(meetings.filter((m) => isLive(m) && m.slotId === slotId && m.id !== movingMeetingId).map((m) => m.interpreterId));
  const fit = interpreters.find(
    (i) =>
      !busy.has(i.id) &&
      (i.availableSlotIds === null || i.availableSlotIds.includes(slotId)) &&
      i.languages.some((l) => a.languages.includes(l)) &&
      i.languages.some((l) => b.languages.includes(l)),
  );
  return fit?.id ?? null;
}
