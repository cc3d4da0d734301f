/**
 * Placement and weight search shared by the scheduler and incremental rescheduling: options and
 * time budget, best-slot placement, ejection with relocation and ruin-and-recreate.
 */
import { Rng } from '../synth/prng';
import { type EjectionPolicy, blockersFor, ejectAndPlace, relocateOrThrow } from './ejection';
import type { ScheduleState } from './schedule-state';

export interface SolveOptions {
  seed?: number;
  /** Wall-clock cap for the whole run; only honoured when `clock` is given. Default 10 s. */
  timeLimitSeconds?: number;
  /** Milliseconds from any origin (e.g. performance.now); the domain never reads a clock itself. */
  clock?: () => number;
  /** Multiplies the iteration budgets of the searches (default 1). */
  effort?: number;
}

/** Time and randomness shared by the phases of one run. */
export interface SearchContext {
  rng: Rng;
  effort: number;
  outOfTime: (share?: number) => boolean;
  elapsedSeconds: () => number;
}

export function searchContext(options: SolveOptions): SearchContext {
  const clock = options.clock;
  const start = clock?.() ?? 0;
  const limitMs = (options.timeLimitSeconds ?? 10) * 1000;
  return {
    rng: new Rng(options.seed ?? 1),
    effort: options.effort ?? 1,
    outOfTime: (share = 1) => (clock ? clock() - start > limitMs * share : false),
    elapsedSeconds: () => (clock ? (clock() - start) / 1000 : 0),
  };
}

/**
 * Puts r in the slot that adds the fewest breaks and idle slots for its two sides (then the
 * emptiest slot). `avoid` is skipped. Returns false when no slot fits.
 */
export function placeBest(state: ScheduleState, r: number, avoid = -1): boolean {
  const c = state.c;
  const a = c.reqA[r]!;
  const b = c.reqB[r]!;
  const baseA = state.shapeWith(a, -1);
  const baseB = state.shapeWith(b, -1);
  let bestS = -1;
  let bestScore = Infinity;
  const candidates: Array<[number, number]> = [];
  for (const s of c.domain[r]!) {
    if (s === avoid || !state.fitsBasic(r, s)) continue;
    const na = state.shapeWith(a, s);
    const nb = state.shapeWith(b, s);
    const score = na.breaks - baseA.breaks + nb.breaks - baseB.breaks + 0.15 * (na.gaps - baseA.gaps + nb.gaps - baseB.gaps) + (0.01 * state.load[s]!) / Math.max(1, c.tables);
    if (!c.needsInterp[r]) {
      if (score < bestScore) {
        bestScore = score;
        bestS = s;
      }
    } else candidates.push([score, s]);
  }
  if (!c.needsInterp[r]) return bestS >= 0 && state.place(r, bestS);
  candidates.sort((x, y) => x[0] - y[0]);
  for (const [, s] of candidates) if (state.place(r, s)) return true;
  return false;
}

/**
 * Inserts unheld requests by taking out lighter meetings: the blockers of each candidate slot are
 * taken out, r goes in, and each blocker is moved to another slot when one fits; the exchange is
 * kept only when it adds weight. Mandatory meetings may move but are never dropped. Returns the
 * weight gained.
 */
export function improveWeight(state: ScheduleState, ctx: SearchContext, timeShare: number): number {
  const c = state.c;
  const policy: EjectionPolicy = { canEject: (q) => c.fixed[q]! < 0, price: (q) => (c.mandatory[q] ? 1e9 : c.weight[q]!) };
  const start = state.heldWeight;
  const maxPasses = Math.max(1, Math.round(4 * ctx.effort));
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    const order: number[] = [];
    for (let r = 0; r < c.nR; r++) if (!state.isHeld(r) && c.domain[r]!.length > 0 && c.weight[r]! > 0) order.push(r);
    order.sort((x, y) => c.weight[y]! - c.weight[x]! || c.domain[x]!.length - c.domain[y]!.length || x - y);
    for (let k = 0; k < order.length; k++) {
      if ((k & 31) === 0 && ctx.outOfTime(timeShare)) return state.heldWeight - start;
      const r = order[k]!;
      if (state.isHeld(r)) continue;
      if (placeBest(state, r)) {
        improved = true;
        continue;
      }
      if (tryEjectionInsert(state, r, policy)) improved = true;
    }
    if (!improved) break;
  }
  return state.heldWeight - start;
}

/**
 * Ruin and recreate: take out every optional meeting of a few linked participants, put their
 * requests back heaviest first (with a little noise, so each round tries another combination),
 * and keep the result when the weight did not drop. Exchanges along chains of participants at
 * their maximum, which single ejections cannot find, come out of this.
 */
export function recreateNeighbourhoods(state: ScheduleState, ctx: SearchContext, rounds: number, timeShare: number): number {
  const c = state.c;
  const { rng } = ctx;
  const start = state.heldWeight;
  const inSet = new Int32Array(c.nP);
  const waiting: number[] = [];
  let stamp = 0;
  for (let round = 0; round < rounds; round++) {
    if ((round & 15) === 0 && ctx.outOfTime(timeShare)) break;
    stamp++;
    if ((round & 63) === 0) {
      waiting.length = 0;
      for (let r = 0; r < c.nR; r++) if (!state.isHeld(r) && c.domain[r]!.length > 0 && c.weight[r]! > 0) waiting.push(r);
    }
    // Mostly around a request still waiting: that is where weight can be won.
    const people: number[] = [];
    if (waiting.length > 0 && rng.chance(0.7)) {
      const w = waiting[rng.int(0, waiting.length - 1)]!;
      people.push(c.reqA[w]!, c.reqB[w]!);
    } else people.push(rng.int(0, c.nP - 1));
    for (const p of people) inSet[p] = stamp;
    const seed = people[0]!;
    const seedReqs = c.reqsOf[seed]!;
    for (let k = 0; k < 3 && seedReqs.length > 0; k++) {
      const r = seedReqs[rng.int(0, seedReqs.length - 1)]!;
      const other = c.reqA[r] === seed ? c.reqB[r]! : c.reqA[r]!;
      if (inSet[other] !== stamp) {
        inSet[other] = stamp;
        people.push(other);
      }
    }
    const removed: Array<[number, number]> = [];
    const cands: number[] = [];
    for (const p of people) {
      for (const r of c.reqsOf[p]!) {
        if (c.mandatory[r] || c.domain[r]!.length === 0) continue;
        const other = c.reqA[r] === p ? c.reqB[r]! : c.reqA[r]!;
        if (inSet[other] === stamp && other < p) continue; // listed once
        cands.push(r);
        if (state.isHeld(r)) removed.push([r, state.slotOf[r]!]);
      }
    }
    if (removed.length === 0 && cands.length === 0) continue;
    let lost = 0;
    for (const [r] of removed) {
      lost += c.weight[r]!;
      state.unplace(r);
    }
    const key = new Map(cands.map((r) => [r, c.weight[r]! * (1 + 0.35 * rng.float())]));
    cands.sort((x, y) => key.get(y)! - key.get(x)!);
    let won = 0;
    const added: number[] = [];
    for (const r of cands) {
      if (placeBest(state, r)) {
        added.push(r);
        won += c.weight[r]!;
      }
    }
    if (won + 1e-9 >= lost) continue;
    for (const r of added) state.unplace(r);
    for (const [r, s] of removed) relocateOrThrow(state, r, s);
  }
  return state.heldWeight - start;
}

/** One ejection-chain step for r; true when kept. */
export function tryEjectionInsert(state: ScheduleState, r: number, policy: EjectionPolicy, maxTrials = 4): boolean {
  const c = state.c;
  const w = c.weight[r]!;
  const cands: Array<{ s: number; blockers: number[]; price: number }> = [];
  for (const s of c.domain[r]!) {
    const blockers = blockersFor(state, r, s, policy);
    if (!blockers) continue;
    let price = 0;
    for (const q of blockers) price += policy.price(q);
    cands.push({ s, blockers, price });
  }
  cands.sort((x, y) => x.price - y.price || x.blockers.length - y.blockers.length);
  for (let k = 0; k < Math.min(maxTrials, cands.length); k++) {
    const { s, blockers } = cands[k]!;
    const ejected = ejectAndPlace(state, r, s, blockers);
    if (!ejected) continue;
    let lost = 0;
    const relocated: number[] = [];
    for (const e of ejected) {
      if (placeBest(state, e.r, e.from)) relocated.push(e.r);
      else lost += policy.price(e.r);
    }
    if (w - lost > 1e-9) return true;
    for (const q of relocated) state.unplace(q);
    state.unplace(r);
    for (const e of ejected) relocateOrThrow(state, e.r, e.from);
  }
  return false;
}
