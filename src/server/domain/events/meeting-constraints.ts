/**
 * The hard constraints of one meeting placement (issue 4 items 5 and 11), checked before the
 * organiser moves, adds or swaps a meeting by hand and live while they drag it. Pure: the caller
 * loads the event's current meetings and passes them in. The database's unique indexes remain the
 * last word on tables, seats and interpreters when two organisers write at once.
 */

export type ViolationCode =
  | 'table_taken'
  | 'participant_busy'
  | 'participant_unavailable'
  | 'interpreter_busy'
  | 'interpreter_unavailable'
  | 'interpreter_languages'
  | 'interpreter_needed'
  | 'max_meetings'
  | 'pinned';

export interface PlacementParticipant {
  id: string;
  languages: readonly string[];
  /** Slot ids; null = every slot. */
  available: readonly string[] | null;
  maxMeetings: number | null;
}

export interface PlacementInterpreter {
  id: string;
  languages: readonly string[];
  available: readonly string[] | null;
}

/** A live (not cancelled) meeting of the event. */
export interface LiveMeeting {
  id: string;
  slotId: string;
  tableId: string;
  interpreterId: string | null;
  participants: readonly [string, string];
}

export interface Placement {
  /** The meeting being moved, if any: it does not collide with itself. */
  meetingId?: string | null;
  /** True when the meeting being moved is pinned and the change does not say to unpin or keep it. */
  movingPinned?: boolean;
  a: PlacementParticipant;
  b: PlacementParticipant;
  slotId: string;
  tableId: string;
  interpreter: PlacementInterpreter | null;
}

export interface Violation {
  code: ViolationCode;
  /** Which participant or interpreter the violation is about (for the message). */
  subject?: { kind: 'participant' | 'interpreter'; id: string };
  /** In a swap: the meeting whose new place breaks the rule. */
  meetingId?: string;
}

const speaksOneOf = (speaker: readonly string[], side: readonly string[]) => speaker.some((l) => side.includes(l));

/** True when both sides declare languages and share none (the scheduler's rule, decision 008). */
export function meetingNeedsInterpreter(a: PlacementParticipant, b: PlacementParticipant): boolean {
  return a.languages.length > 0 && b.languages.length > 0 && !speaksOneOf(a.languages, b.languages);
}

/**
 * Every hard constraint the placement breaks, given the event's live meetings. `ignore` lists
 * meetings that will leave their places in the same change (the other side of a swap).
 */
export function checkPlacement(p: Placement, live: readonly LiveMeeting[], ignore: readonly string[] = []): Violation[] {
  const out: Violation[] = [];
  const others = live.filter((m) => m.id !== p.meetingId && !ignore.includes(m.id));
  const inSlot = others.filter((m) => m.slotId === p.slotId);
  if (p.movingPinned) out.push({ code: 'pinned' });
  if (inSlot.some((m) => m.tableId === p.tableId)) out.push({ code: 'table_taken' });
  for (const side of [p.a, p.b]) {
    const subject = { kind: 'participant' as const, id: side.id };
    if (inSlot.some((m) => m.participants.includes(side.id))) out.push({ code: 'participant_busy', subject });
    if (side.available && !side.available.includes(p.slotId)) out.push({ code: 'participant_unavailable', subject });
    if (side.maxMeetings !== null) {
      const held = others.filter((m) => m.participants.includes(side.id)).length;
      if (held + 1 > side.maxMeetings) out.push({ code: 'max_meetings', subject });
    }
  }
  const i = p.interpreter;
  if (i) {
    const subject = { kind: 'interpreter' as const, id: i.id };
    if (inSlot.some((m) => m.interpreterId === i.id)) out.push({ code: 'interpreter_busy', subject });
    if (i.available && !i.available.includes(p.slotId)) out.push({ code: 'interpreter_unavailable', subject });
    // A side that declared no language cannot be judged, like in the scheduler.
    const serves = (side: PlacementParticipant) => side.languages.length === 0 || speaksOneOf(i.languages, side.languages);
    if (!serves(p.a) || !serves(p.b)) out.push({ code: 'interpreter_languages', subject });
  } else if (meetingNeedsInterpreter(p.a, p.b)) {
    out.push({ code: 'interpreter_needed' });
  }
  return out;
}

/** A meeting taking part in a swap, where it is now. */
export interface SwapMeeting {
  id: string;
  pinned: boolean;
  a: PlacementParticipant;
  b: PlacementParticipant;
  slotId: string;
  tableId: string;
  interpreterId: string | null;
}

export interface SwapPlace {
  meetingId: string;
  slotId: string;
  tableId: string;
  interpreterId: string | null;
}

export type SwapPlan = { ok: true; places: [SwapPlace, SwapPlace] } | { ok: false; violations: Violation[] };

/**
 * Two meetings exchange slot and table (issue 4 item 11). Each keeps its interpreter where that
 * stays valid, else takes no interpreter (when none is needed) or the first free one who speaks a
 * language of each side. The second meeting is checked with the first already in its new place,
 * so the swap is judged as a whole. The swap write and the live check both call this, so the
 * console shows exactly what the write would refuse. A pinned meeting is never swapped.
 */
export function planSwap(x: SwapMeeting, y: SwapMeeting, live: readonly LiveMeeting[], interpreters: readonly PlacementInterpreter[]): SwapPlan {
  const rest = live.filter((m) => m.id !== x.id && m.id !== y.id);
  const byId = new Map(interpreters.map((i) => [i.id, i]));
  const places: SwapPlace[] = [];
  const violations: Violation[] = [];
  for (const [m, target] of [[x, y], [y, x]] as const) {
    // Empty for x; for y, x where it goes.
    const placed = places.map((p) => ({ id: p.meetingId, slotId: p.slotId, tableId: p.tableId, interpreterId: p.interpreterId, participants: [x.a.id, x.b.id] as const }));
    const at = (interpreterId: string | null) =>
      checkPlacement(
        { meetingId: m.id, movingPinned: m.pinned, a: m.a, b: m.b, slotId: target.slotId, tableId: target.tableId, interpreter: interpreterId ? (byId.get(interpreterId) ?? null) : null },
        [...rest, ...placed],
      );
    const candidates = [m.interpreterId, null, ...byId.keys()].filter((v, k, all) => all.indexOf(v) === k);
    const fits = candidates.find((interpreterId) => at(interpreterId).length === 0);
    const interpreterId = fits === undefined ? m.interpreterId : fits;
    if (fits === undefined) violations.push(...at(m.interpreterId).map((v) => ({ ...v, meetingId: m.id })));
    // A refused first half still stands where it would go, so the second is judged against the swap as a whole.
    places.push({ meetingId: m.id, slotId: target.slotId, tableId: target.tableId, interpreterId });
  }
  return violations.length > 0 ? { ok: false, violations } : { ok: true, places: places as [SwapPlace, SwapPlace] };
}
