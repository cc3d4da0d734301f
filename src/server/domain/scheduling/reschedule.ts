import { compileInstance } from './compile-instance';
import { type EjectionPolicy, blockersFor, ejectAndPlace, relocateOrThrow } from './ejection';
import { type SchedulingConflict, findConflicts } from './find-conflicts';
import type { Schedule, SchedulingInstance } from './instance';
import { ScheduleState } from './schedule-state';
import { type SolveOptions, placeBest, searchContext } from './placement';
import { buildSchedule, placePinned } from './solve-schedule';
import { type ScheduleStats, scheduleStats } from './stats';

export interface RescheduleOptions extends SolveOptions {
  /** Request ids pinned where the previous schedule has them, on top of the instance's fixed slots. */
  pinned?: string[];
  /** Most confirmed meetings that may move to re-place one displaced confirmed meeting (default 2). */
  maxMovesPerDisplaced?: number;
  /** Most confirmed meetings that may move to fit one new or waiting optional request (default 0). */
  maxMovesPerNewRequest?: number;
}

export interface MovedMeeting {
  request: string;
  from: string;
  to: string;
}

export type RescheduleResult =
  | {
      status: 'scheduled';
      schedule: Schedule;
      stats: ScheduleStats;
      /** Confirmed meetings now in another slot. */
      moved: MovedMeeting[];
      /** Previously held meetings that are no longer held (cancelled, or no longer possible). */
      dropped: string[];
      /** Meetings held now that were not before. */
      added: string[];
    }
  | { status: 'infeasible'; conflicts: SchedulingConflict[]; seconds: number }
  | { status: 'unsolved'; message: string; unplaced: string[]; seconds: number };

/**
 * Incremental rescheduling (issue 4 item 7). `instance` is the event as it is now (cancelled
 * requests removed, late arrivals' availability changed, new requests added); `previous` the
 * published schedule. Every confirmed meeting that still fits stays in its slot and at its table;
 * pinned ones never move. Displaced and new meetings go where they fit; a confirmed meeting
 * moves only to make room for a mandatory meeting or a displaced confirmed one (fewest moves
 * first), and for new requests only when `maxMovesPerNewRequest` allows it. Breaks are not re-optimised: stability matters more than a tighter day.
 */
export function rescheduleMeetings(instance: SchedulingInstance, previous: Schedule, options: RescheduleOptions = {}): RescheduleResult {
  const ctx = searchContext(options);
  const prevSlot = new Map(previous.meetings.map((m) => [m.request, m.slot]));
  const extraPins = new Set(options.pinned ?? []);
  const slotIds = new Set(instance.slots.map((s) => s.id));
  const effective: SchedulingInstance = {
    ...instance,
    requests: instance.requests.map((r) => {
      const was = prevSlot.get(r.id);
      return extraPins.has(r.id) && was !== undefined && slotIds.has(was) && r.fixedSlot === undefined ? { ...r, fixedSlot: was } : r;
    }),
  };
  const c = compileInstance(effective);
  const conflicts = findConflicts(c);
  if (conflicts.length > 0) return { status: 'infeasible', conflicts, seconds: ctx.elapsedSeconds() };
  const state = new ScheduleState(c);
  const pinConflicts = placePinned(state);
  if (pinConflicts.length > 0) return { status: 'infeasible', conflicts: pinConflicts, seconds: ctx.elapsedSeconds() };

  // Confirmed meetings back where they were: mandatory first, then the heavier.
  const confirmed = new Uint8Array(c.nR);
  const keepOrder: Array<[number, number]> = [];
  for (const [id, slot] of prevSlot) {
    const r = c.requestIndex.get(id);
    const s = c.slotIndex.get(slot);
    if (r === undefined) continue;
    confirmed[r] = 1;
    if (s !== undefined && !state.isHeld(r)) keepOrder.push([r, s]);
  }
  keepOrder.sort(([x], [y]) => c.mandatory[y]! - c.mandatory[x]! || c.weight[y]! - c.weight[x]!);
  for (const [r, s] of keepOrder) state.place(r, s);

  const movesDisplaced = options.maxMovesPerDisplaced ?? 2;
  const movesNew = options.maxMovesPerNewRequest ?? 0;
  const todo: number[] = [];
  for (let r = 0; r < c.nR; r++) if (!state.isHeld(r) && c.domain[r]!.length > 0) todo.push(r);
  todo.sort((x, y) => c.mandatory[y]! - c.mandatory[x]! || c.weight[y]! - c.weight[x]! || x - y);
  const unplaced: string[] = [];
  for (const r of todo) {
    if (placeBest(state, r)) continue;
    const mandatory = c.mandatory[r] === 1;
    const budget = mandatory ? Infinity : confirmed[r] ? movesDisplaced : movesNew;
    if (budget > 0 && insertMovingOthers(state, r, budget)) continue;
    if (mandatory) unplaced.push(c.instance.requests[r]!.id);
  }
  if (unplaced.length > 0) {
    return {
      status: 'unsolved',
      message: `mandatory requests ${unplaced.join(', ')} could not be placed without dropping other mandatory or pinned meetings`,
      unplaced,
      seconds: ctx.elapsedSeconds(),
    };
  }

  // Interpreters too stay with the meetings they were given, where the matching allows it.
  const interpIndex = new Map(instance.interpreters.map((it, i) => [it.id, i]));
  const wanted = new Map<number, number>();
  for (const m of previous.meetings) {
    const r = c.requestIndex.get(m.request);
    const i = m.interpreter === null ? undefined : interpIndex.get(m.interpreter);
    if (r !== undefined && i !== undefined && state.slotOf[r] === c.slotIndex.get(m.slot)) wanted.set(r, i);
  }
  for (const [r, i] of wanted) state.preferInterpreter(r, i, (q) => wanted.get(q) === state.interpOf[q]);
  const keepTables = new Map(previous.meetings.map((m) => [`${m.request}@${m.slot}`, m.table]));
  const schedule = buildSchedule(state, keepTables);
  const moved: MovedMeeting[] = [];
  const dropped: string[] = [];
  const added: string[] = [];
  const nowSlot = new Map(schedule.meetings.map((m) => [m.request, m.slot]));
  for (const [id, was] of prevSlot) {
    const now = nowSlot.get(id);
    if (now === undefined) dropped.push(id);
    else if (now !== was) moved.push({ request: id, from: was, to: now });
  }
  for (const m of schedule.meetings) if (!prevSlot.has(m.request)) added.push(m.request);
  return { status: 'scheduled', schedule, stats: scheduleStats(instance, schedule, ctx.elapsedSeconds()), moved, dropped, added };
}

/**
 * Puts r in the slot where the fewest held meetings have to move elsewhere, every one of them
 * relocated (nobody loses a meeting). At most `maxMoves` moves. True when done.
 */
function insertMovingOthers(state: ScheduleState, r: number, maxMoves: number): boolean {
  const c = state.c;
  const policy: EjectionPolicy = { canEject: (q) => c.fixed[q]! < 0, price: () => 1 };
  const options: Array<{ s: number; blockers: number[] }> = [];
  for (const s of c.domain[r]!) {
    const blockers = blockersFor(state, r, s, policy);
    if (blockers && blockers.length <= maxMoves) options.push({ s, blockers });
  }
  options.sort((x, y) => x.blockers.length - y.blockers.length);
  for (const { s, blockers } of options) {
    const ejected = ejectAndPlace(state, r, s, blockers);
    if (!ejected) continue;
    const relocated: number[] = [];
    for (const e of ejected) {
      if (!placeBest(state, e.r, e.from)) break;
      relocated.push(e.r);
    }
    if (relocated.length === ejected.length) return true;
    for (const q of relocated) state.unplace(q);
    state.unplace(r);
    for (const e of ejected) relocateOrThrow(state, e.r, e.from);
  }
  return false;
}
