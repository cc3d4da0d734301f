import { type CompiledInstance, compileInstance } from './compile-instance';
import { type EjectionPolicy, blockersFor, ejectAndPlace } from './ejection';
import { type SchedulingConflict, findConflicts } from './find-conflicts';
import { improveBreaks } from './improve-breaks';
import type { Schedule, SchedulingInstance } from './instance';
import { type SearchContext, type SolveOptions, improveWeight, placeBest, recreateNeighbourhoods, searchContext } from './placement';
import { ScheduleState } from './schedule-state';
import { type ScheduleStats, scheduleStats } from './stats';

export interface UnplacedMeeting {
  request: string;
  participants: [string, string];
  slots: string[];
}

export type SolveResult =
  | { status: 'scheduled'; schedule: Schedule; stats: ScheduleStats }
  | { status: 'infeasible'; conflicts: SchedulingConflict[]; seconds: number }
  /** No schedule holding every mandatory meeting was found, and none was proven impossible. */
  | { status: 'unsolved'; message: string; unplaced: UnplacedMeeting[]; seconds: number };

/**
 * Schedules an event (issue 4, items 5–6): every mandatory and pinned meeting first (or a report
 * naming the conflict), then the most total weight, then the fewest breaks within the fairness
 * limit. Constructive placement, tabu ejection repair for mandatory meetings, weight-driven
 * ejection with relocation, and simulated annealing over slots (see docs/decisions/006).
 */
export function solveSchedule(instance: SchedulingInstance, options: SolveOptions = {}): SolveResult {
  const ctx = searchContext(options);
  const c = compileInstance(instance);
  const conflicts = findConflicts(c);
  if (conflicts.length > 0) return { status: 'infeasible', conflicts, seconds: ctx.elapsedSeconds() };
  const state = new ScheduleState(c);

  const pinConflicts = placePinned(state);
  if (pinConflicts.length > 0) return { status: 'infeasible', conflicts: pinConflicts, seconds: ctx.elapsedSeconds() };

  const unplaced = placeMandatory(state, ctx);
  if (unplaced.length > 0) {
    const list = unplaced.map((r) => describeUnplaced(c, r));
    return {
      status: 'unsolved',
      message:
        `no schedule holding every mandatory meeting was found within the limits; still unplaced: ` +
        list.map((u) => `${u.request} (${u.participants.join('–')})`).join(', ') +
        '. This is not a proof of infeasibility: raise --time-limit, or relax availability, pins or tables.',
      unplaced: list,
      seconds: ctx.elapsedSeconds(),
    };
  }

  // Time shares of the limit per phase: weight first, then breaks; at most 90 % in all.
  placeOptional(state, ctx);
  improveWeight(state, ctx, 0.25);
  recreateNeighbourhoods(state, ctx, Math.round(ctx.effort * Math.max(6000, 15 * c.nP)), 0.5);
  improveWeight(state, ctx, 0.55);
  improveBreaks(state, {
    rng: ctx.rng,
    // The UdG benchmark (breaks are its whole objective) earns a longer search than weighted events.
    iterations: Math.round(ctx.effort * (c.breakSpread !== undefined ? Math.max(400_000, 150 * state.heldCount) : Math.max(100_000, 60 * state.heldCount))),
    movable: (r) => c.fixed[r]! < 0,
    outOfTime: () => ctx.outOfTime(0.8),
  });
  // The search may have opened room: fill it, then let breaks settle once more.
  if (improveWeight(state, ctx, 0.85) > 0) {
    improveBreaks(state, {
      rng: ctx.rng,
      iterations: Math.round(ctx.effort * Math.max(50_000, 20 * state.heldCount)),
      movable: (r) => c.fixed[r]! < 0,
      outOfTime: () => ctx.outOfTime(0.9),
    });
  }
  const schedule = buildSchedule(state);
  return { status: 'scheduled', schedule, stats: scheduleStats(instance, schedule, ctx.elapsedSeconds()) };
}

/** Pins first; a pin that does not fit next to the others is an infeasibility of its own. */
export function placePinned(state: ScheduleState): SchedulingConflict[] {
  const c = state.c;
  const out: SchedulingConflict[] = [];
  for (let r = 0; r < c.nR; r++) {
    const s = c.fixed[r]!;
    if (s < 0 || state.isHeld(r)) continue;
    if (state.place(r, s)) continue;
    const req = c.instance.requests[r]!;
    const why = !state.precedenceOk(r, s)
      ? 'its precedences with other pinned meetings cannot hold'
      : c.needsInterp[r]
        ? 'no interpreter is left for it in that slot'
        : 'a side is already at their maximum number of meetings';
    out.push({
      kind: 'pinned-clash',
      message: `request ${req.id} (${req.a}–${req.b}) is pinned to slot ${c.instance.slots[s]!.id} but ${why}`,
      participants: [req.a, req.b],
      slots: [c.instance.slots[s]!.id],
      requests: [req.id],
    });
  }
  return out;
}

function describeUnplaced(c: CompiledInstance, r: number): UnplacedMeeting {
  const req = c.instance.requests[r]!;
  return { request: req.id, participants: [req.a, req.b], slots: [...c.domain[r]!].map((s) => c.instance.slots[s]!.id) };
}

/** Places pinned-free mandatory meetings, hardest first, then repairs by tabu ejection. */
function placeMandatory(state: ScheduleState, ctx: SearchContext): number[] {
  const c = state.c;
  const mandCount = new Int32Array(c.nP);
  const todo: number[] = [];
  for (let r = 0; r < c.nR; r++) {
    if (!c.mandatory[r] || state.isHeld(r)) continue;
    todo.push(r);
    mandCount[c.reqA[r]!]!++;
    mandCount[c.reqB[r]!]!++;
  }
  const pressure = (r: number) => mandCount[c.reqA[r]!]! + mandCount[c.reqB[r]!]!;
  todo.sort((x, y) => c.domain[x]!.length - c.domain[y]!.length || pressure(y) - pressure(x) || x - y);
  const queue: number[] = [];
  for (const r of todo) if (!placeBest(state, r)) queue.push(r);
  if (queue.length === 0) return [];

  const policy: EjectionPolicy = { canEject: (q) => c.fixed[q]! < 0, price: () => 1 };
  const tabuUntil = new Map<number, number>();
  const tenure = 7;
  const maxIter = Math.round(ctx.effort * (20_000 + 400 * todo.length));
  const stuck: number[] = [];
  for (let iter = 0; queue.length > 0 && iter < maxIter; iter++) {
    if ((iter & 63) === 0 && ctx.outOfTime(0.6)) break;
    const k = ctx.rng.int(0, queue.length - 1);
    const r = queue[k]!;
    queue[k] = queue[queue.length - 1]!;
    queue.pop();
    if (placeBest(state, r)) continue;
    let bestS = -1;
    let bestB: number[] = [];
    let bestScore = Infinity;
    for (const s of c.domain[r]!) {
      const blockers = blockersFor(state, r, s, policy);
      if (!blockers) continue;
      const tabu = (tabuUntil.get(r * c.nS + s) ?? -1) > iter ? 100 : 0;
      const score = blockers.length + tabu + ctx.rng.float() * 0.9;
      if (score < bestScore) {
        bestScore = score;
        bestS = s;
        bestB = blockers;
      }
    }
    if (bestS < 0) {
      stuck.push(r);
      continue;
    }
    const ejected = ejectAndPlace(state, r, bestS, bestB);
    if (!ejected) {
      queue.push(r);
      continue;
    }
    for (const e of ejected) {
      tabuUntil.set(e.r * c.nS + e.from, iter + tenure + ctx.rng.int(0, 4));
      queue.push(e.r);
    }
  }
  return [...queue, ...stuck];
}

/** Optional requests by weight (heavier first, then the fewer slots they could use). */
function placeOptional(state: ScheduleState, _ctx: SearchContext): void {
  const c = state.c;
  const order: number[] = [];
  for (let r = 0; r < c.nR; r++) if (!state.isHeld(r) && c.domain[r]!.length > 0) order.push(r);
  order.sort((x, y) => c.weight[y]! - c.weight[x]! || c.domain[x]!.length - c.domain[y]!.length || x - y);
  for (const r of order) placeBest(state, r);
}

/** Tables numbered per slot (kept from `keepTables` where still free), interpreters from the matching. */
export function buildSchedule(state: ScheduleState, keepTables?: Map<string, number>): Schedule {
  const c = state.c;
  const { requests, slots, interpreters } = c.instance;
  const meetings: Schedule['meetings'] = [];
  for (let s = 0; s < c.nS; s++) {
    const members = [...state.members[s]!].sort((x, y) => x - y);
    const used = new Set<number>();
    const table = new Map<number, number>();
    for (const r of members) {
      const t = keepTables?.get(`${requests[r]!.id}@${slots[s]!.id}`);
      if (t !== undefined && t >= 1 && t <= c.tables && !used.has(t)) {
        used.add(t);
        table.set(r, t);
      }
    }
    let next = 1;
    for (const r of members) {
      if (table.has(r)) continue;
      while (used.has(next)) next++;
      used.add(next);
      table.set(r, next);
    }
    for (const r of members) {
      const i = state.interpOf[r]!;
      meetings.push({ request: requests[r]!.id, slot: slots[s]!.id, table: table.get(r)!, interpreter: i >= 0 ? interpreters[i]!.id : null });
    }
  }
  const unscheduled: string[] = [];
  for (let r = 0; r < c.nR; r++) if (!state.isHeld(r)) unscheduled.push(requests[r]!.id);
  return { meetings, unscheduled };
}
