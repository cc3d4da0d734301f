/**
 * Placement and weight search shared by the scheduler and incremental rescheduling: options and
 * time budget, best-slot placement, insertion by Kempe-chain recolouring and ejection with relocation.
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
 * Inserts unheld requests: in a free slot, by recolouring (`kempeInsert`), or by taking out
 * lighter meetings: the blockers of each candidate slot are
 * taken out, r goes in, and each blocker is moved to another slot when one fits; the exchange is
 * kept only when it adds weight. Mandatory meetings may move but are never dropped. Returns the
 * weight gained.
 */
export function improveWeight(state: ScheduleState, ctx: SearchContext, timeShare: number): number {
  const c = state.c;
  const policy: EjectionPolicy = { canEject: (q) => c.fixed[q]! < 0, price: (q) => (c.mandatory[q] ? 1e9 : c.weight[q]!) };
  const start = state.heldWeight;
  const maxPasses = Math.max(1, Math.round(3 * ctx.effort));
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    const order: number[] = [];
    for (let r = 0; r < c.nR; r++) if (!state.isHeld(r) && c.domain[r]!.length > 0 && c.weight[r]! > 0) order.push(r);
    order.sort((x, y) => c.weight[y]! - c.weight[x]! || c.domain[x]!.length - c.domain[y]!.length || x - y);
    for (let k = 0; k < order.length; k++) {
      if ((k & 31) === 0 && ctx.outOfTime(timeShare)) return state.heldWeight - start;
      const r = order[k]!;
      if (state.isHeld(r)) continue;
      if (placeBest(state, r) || kempeInsert(state, r, ctx.rng, 16)) {
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
 * Places r = (a, b) by recolouring, losing nothing: a slot α free for a, where b is busy, and a
 * slot β free for b; the meetings along the α/β chain from b's meeting in α (b's α-meeting to β,
 * the other side's β-meeting to α, …) swap slots, which frees b in α. The classic Kempe step of
 * edge colouring; König's theorem says it always succeeds on two-sided events without windows.
 * Tries up to `maxPairs` slot pairs; true when r is placed.
 */
export function kempeInsert(state: ScheduleState, r: number, rng: Rng, maxPairs = 24): boolean {
  const c = state.c;
  if (state.isHeld(r)) return true;
  const a = c.reqA[r]!;
  const b = c.reqB[r]!;
  if (state.held[a]! >= c.maxMeetings[a]! || state.held[b]! >= c.maxMeetings[b]!) return false;
  const freeA: number[] = [];
  const freeB: number[] = [];
  for (const s of c.domain[r]!) {
    const atA = state.busy[a * c.nS + s]!;
    const atB = state.busy[b * c.nS + s]!;
    if (atA === -1 && atB !== -1) freeA.push(s);
    else if (atB === -1 && atA !== -1) freeB.push(s);
  }
  if (freeA.length === 0 || freeB.length === 0) return false;
  const chain: number[] = [];
  const target: number[] = [];
  const from: number[] = [];
  for (let k = 0; k < maxPairs; k++) {
    // Either side may be the one whose meeting makes way.
    const flip = rng.chance(0.5);
    const [x, y, alpha, beta] = flip ? [a, b, freeA[rng.int(0, freeA.length - 1)]!, freeB[rng.int(0, freeB.length - 1)]!] : [b, a, freeB[rng.int(0, freeB.length - 1)]!, freeA[rng.int(0, freeA.length - 1)]!];
    // x is free in alpha, y is busy there; y is free in beta.
    chain.length = 0;
    target.length = 0;
    let q = state.busy[y * c.nS + alpha]!;
    let at = alpha;
    let p = y;
    let ok = true;
    while (q >= 0) {
      if (c.fixed[q]! >= 0 || chain.length > 40) {
        ok = false;
        break;
      }
      const to = at === alpha ? beta : alpha;
      if (!c.allowed[q * c.nS + to]) {
        ok = false;
        break;
      }
      chain.push(q);
      target.push(to);
      const other = c.reqA[q] === p ? c.reqB[q]! : c.reqA[q]!;
      if (other === x) {
        ok = false;
        break;
      }
      p = other;
      at = to;
      q = state.busy[p * c.nS + to]!;
      if (q >= 0 && chain.includes(q)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    from.length = 0;
    for (const m of chain) {
      from.push(state.slotOf[m]!);
      state.unplace(m);
    }
    let placed = 0;
    while (placed < chain.length && state.place(chain[placed]!, target[placed]!)) placed++;
    if (placed === chain.length && state.place(r, alpha)) return true;
    for (let j = 0; j < placed; j++) state.unplace(chain[j]!);
    for (let j = 0; j < chain.length; j++) relocateOrThrow(state, chain[j]!, from[j]!);
  }
  return false;
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
