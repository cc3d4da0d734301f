import { type CompiledInstance, compileInstance } from './compile-instance';
import { type EjectionPolicy, blockersFor, ejectAndPlace } from './ejection';
import { type SchedulingConflict, findConflicts } from './find-conflicts';
import { annealBreaks, canAnneal } from './break-annealing';
import { breakLowerBound } from './break-lower-bound';
import { improveBreaks } from './improve-breaks';
import { selectRequests } from './select-requests';
import type { Schedule, SchedulingInstance } from './instance';
import { type SearchContext, type SolveOptions, improveWeight, kempeInsert, placeBest, searchContext } from './placement';
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
 * limit. Constructive placement with tabu ejection repair for mandatory meetings; the optional
 * requests to hold chosen slot-free (a weighted b-matching by annealing), placed with Kempe-chain
 * recolouring and topped up by ejection with relocation; then annealing over slots for breaks
 * (see docs/decisions/006).
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

  // Work is counted in iterations, so a seed gives one schedule; the shares of the time limit
  // per phase (weight first, then breaks; at most 90 % in all) only guard slow machines.
  const chosen = selectRequests(c, ctx.rng, Math.round(ctx.effort * Math.max(100_000, 30 * c.nR)), () => ctx.outOfTime(0.15));
  placeOptional(state, ctx, chosen);
  improveWeight(state, ctx, 0.4);
  settleBreaks(state, ctx, 0.8);
  // The search may have opened room: fill it, then let breaks settle once more.
  if (improveWeight(state, ctx, 0.85) > 0) {
    improveBreaks(state, {
      rng: ctx.rng,
      iterations: Math.round(ctx.effort * Math.max(20_000, 10 * state.heldCount)),
      movable: (r) => c.fixed[r]! < 0,
      outOfTime: () => ctx.outOfTime(0.9),
    });
  }
  const schedule = buildSchedule(state);
  return { status: 'scheduled', schedule, stats: scheduleStats(instance, schedule, ctx.elapsedSeconds()) };
}

/**
 * Fewest breaks on the meetings now held. Without interpreters in play (the UdG benchmark, and
 * any event whose meetings share a language) the annealer with soft table limits; otherwise the
 * search that keeps every constraint, interpreters' matching included, at every step.
 */
function settleBreaks(state: ScheduleState, ctx: SearchContext, timeShare: number): void {
  const c = state.c;
  const movable = (r: number) => c.fixed[r]! < 0;
  const outOfTime = () => ctx.outOfTime(timeShare);
  // Breaks are the whole objective of the benchmark's all-mandatory events: a long search
  // (at most about 1.5 s on one core); on weighted events they come third and the baselines are far.
  const fairnessBound = c.breakSpread !== undefined;
  if (canAnneal(state)) {
    const iterations = fairnessBound ? 2_600_000 : Math.max(200_000, 100 * state.heldCount);
    const lowerBound = breakLowerBound(c, (r) => state.isHeld(r));
    annealBreaks(state, { rng: ctx.rng, iterations: Math.round(ctx.effort * iterations), movable, outOfTime, lowerBound });
  } else {
    const iterations = fairnessBound ? Math.max(400_000, 150 * state.heldCount) : Math.max(30_000, 20 * state.heldCount);
    improveBreaks(state, { rng: ctx.rng, iterations: Math.round(ctx.effort * iterations), movable, outOfTime });
  }
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

/**
 * Optional requests: the set `selectRequests` chose first, those with the fewest usable slots
 * first; then the rest by weight (heavier first, then the fewer slots they could use).
 */
function placeOptional(state: ScheduleState, ctx: SearchContext, chosen: Uint8Array): void {
  const c = state.c;
  const order: number[] = [];
  for (let r = 0; r < c.nR; r++) if (!state.isHeld(r) && c.domain[r]!.length > 0) order.push(r);
  const pick = (r: number) => chosen[r]!;
  order.sort((x, y) => pick(y) - pick(x) || (pick(x) ? c.domain[x]!.length - c.domain[y]!.length || c.weight[y]! - c.weight[x]! : c.weight[y]! - c.weight[x]! || c.domain[x]!.length - c.domain[y]!.length) || x - y);
  // A chosen request that finds no free slot gets one by recolouring the slots of others.
  for (const r of order) if (!placeBest(state, r) && pick(r)) kempeInsert(state, r, ctx.rng);
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
