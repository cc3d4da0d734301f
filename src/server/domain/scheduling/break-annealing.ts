import type { ScheduleState } from './schedule-state';
import { breakSpreadExcess, GAP_WEIGHT, SPREAD_PENALTY, type BreakSearchOptions } from './improve-breaks';

/**
 * Break minimisation on a fixed set of meetings with the table limit made soft (issue 4 item 6;
 * the objective of the UdG benchmark). On events where tables run full around the lunch break
 * the feasible moves are too few to reorder anyone's day; letting a slot overflow at a price that
 * rises while it lasts opens those paths, and only schedules within the limit are kept as best.
 * Everyone stays single-booked at every step (Kempe chains), sessions, availability, pins and
 * precedences always hold.
 *
 * A participant's day is a bit mask over the slots, so breaks and idle slots cost a few integer
 * operations. Needs at most 30 slots and no meeting that needs an interpreter (the matching per
 * slot is not modelled here); `canAnneal` says whether it applies.
 */

/** The same budget and guards as the general break search (improve-breaks.ts). */
export type AnnealOptions = BreakSearchOptions & {
  /** A proven lower bound on the breaks (break-lower-bound.ts): reaching it ends the search. */
  lowerBound?: number;
};
/** Whole-slot swaps: rare, they reorder everyone's day at once. */
const COLUMN_SWAP_RATE = 0.03;
/** Lowest price of one meeting over the table limit, in breaks. */
const MIN_OVERFLOW_PRICE = 0.5;
/** Stop once past 60 % of the run with no new best for this share of it (the search is cold by then). */
const STOP_AFTER = 0.6;
const STALL_SHARE = 0.45;
/**
 * Longest Kempe chain tried. On sparse events longer chains are almost never accepted and cost as
 * much as they are long. Where slots are nearly full (held meetings ≥ DENSE_LOAD × tables × slots)
 * the participants who meet in every slot link most meetings of two slots into one chain, and
 * swapping it leaves their days unchanged: with 25 instead of 10, UdG tic-14crafc (95 % full)
 * reaches its zero-break optimum on 4 of seeds 1–8 (1 of seeds 1–5 with 10). Such chains cost
 * more per move, so dense runs stop earlier once stalled; they find their best by 25–57 % of the
 * run.
 */
const CHAIN_CAP = 10;
const DENSE_CHAIN_CAP = 25;
const DENSE_LOAD = 0.8;
const DENSE_STOP_AFTER = 0.4;
const DENSE_STALL_SHARE = 0.3;
/** Moves in a row with a slot over the limit before its price rises by 10 %. */
const OVERFLOW_PATIENCE = 200;
/** Temperature from T_START to T_END (geometric), in breaks. */
const T_START = 0.6;
const T_END = 0.02;

export function canAnneal(state: ScheduleState): boolean {
  const c = state.c;
  if (c.nS > 30) return false;
  for (let r = 0; r < c.nR; r++) if (state.isHeld(r) && c.needsInterp[r]) return false;
  return true;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Breaks of a day given as a slot mask: runs of meetings minus one. */
function breaksOfMask(x: number): number {
  if (x === 0) return 0;
  return popcount(x & ~(x << 1)) - 1;
}

/** Idle slots between the first and last meeting. */
function gapsOfMask(x: number): number {
  if (x === 0) return 0;
  const hi = 31 - Math.clz32(x);
  const lo = 31 - Math.clz32(x & -x);
  return hi - lo + 1 - popcount(x);
}

/** Returns the total breaks of the best schedule, which is left in `state`. */
export function annealBreaks(state: ScheduleState, opts: AnnealOptions): number {
  const c = state.c;
  // A local xorshift generator seeded from the caller's: a fifth of the run went to calls
  // to the shared one. Still one sequence per seed.
  let rs = opts.rng.int(1, 0x7fffffff);
  const float = (): number => {
    rs ^= rs << 13;
    rs ^= rs >>> 17;
    rs ^= rs << 5;
    return (rs >>> 0) / 4294967296;
  };
  const rng = {
    float,
    chance: (p: number) => float() < p,
    int: (lo: number, hi: number) => lo + Math.floor(float() * (hi - lo + 1)),
  };
  const nS = c.nS;
  const T = c.tables;
  const spread = c.breakSpread;

  const movables: number[] = [];
  const slot = new Int32Array(c.nR).fill(-1);
  const isMovable = new Uint8Array(c.nR);
  for (let r = 0; r < c.nR; r++) {
    slot[r] = state.slotOf[r]!;
    if (slot[r]! >= 0 && opts.movable(r)) {
      movables.push(r);
      isMovable[r] = 1;
    }
  }
  const busy = Int32Array.from(state.busy);
  const load = Int32Array.from(state.load);
  const mask = new Int32Array(c.nP);
  for (let p = 0; p < c.nP; p++) for (let s = 0; s < nS; s++) if (busy[p * nS + s]! >= 0) mask[p]! |= 1 << s;
  const allowedMask = new Int32Array(c.nR);
  for (let r = 0; r < c.nR; r++) for (const s of c.domain[r]!) allowedMask[r]! |= 1 << s;

  const pB = new Int32Array(c.nP);
  const pG = new Int32Array(c.nP);
  const hist = new Int32Array(nS + 1);
  let totalBreaks = 0;
  let totalGaps = 0;
  for (let p = 0; p < c.nP; p++) {
    pB[p] = breaksOfMask(mask[p]!);
    pG[p] = gapsOfMask(mask[p]!);
    hist[pB[p]!]!++;
    totalBreaks += pB[p]!;
    totalGaps += pG[p]!;
  }
  let overflow = 0;
  for (let s = 0; s < nS; s++) overflow += Math.max(0, load[s]! - T);

  const spreadExcess = () => breakSpreadExcess(hist, spread);
  const dense = state.heldCount >= DENSE_LOAD * T * nS;
  const chainCap = dense ? DENSE_CHAIN_CAP : CHAIN_CAP;
  if (movables.length === 0) return totalBreaks;

  let lambda = 1;
  const cost = () => totalBreaks + GAP_WEIGHT * totalGaps + SPREAD_PENALTY * spreadExcess() + lambda * overflow;
  const key = () => spreadExcess() * 1e9 + totalBreaks * 1e5 + totalGaps;
  let best = overflow === 0 ? key() : Infinity;
  // Keys below this have no spread excess and no more breaks than the bound: nothing is left to find.
  const stopBelow = ((opts.lowerBound ?? 0) + 1) * 1e5;
  let bestBreaks = totalBreaks;
  const bestSlot = Int32Array.from(slot);

  // Touched participants of the move being tried, with their previous cost terms.
  const touched: number[] = [];
  const mark = new Int32Array(c.nP);
  let stamp = 0;
  const touch = (p: number) => {
    if (mark[p] === stamp) return;
    mark[p] = stamp;
    touched.push(p);
  };
  const refresh = () => {
    for (const p of touched) {
      hist[pB[p]!]!--;
      totalBreaks -= pB[p]!;
      totalGaps -= pG[p]!;
      pB[p] = breaksOfMask(mask[p]!);
      pG[p] = gapsOfMask(mask[p]!);
      hist[pB[p]!]!++;
      totalBreaks += pB[p]!;
      totalGaps += pG[p]!;
    }
  };

  const over = (s: number) => Math.max(0, load[s]! - T);
  /** Takes r out of its slot; `drop` puts it in t, where the caller has made both sides free. */
  const lift = (r: number) => {
    const s = slot[r]!;
    const a = c.reqA[r]!;
    const b = c.reqB[r]!;
    busy[a * nS + s] = -1;
    busy[b * nS + s] = -1;
    mask[a]! &= ~(1 << s);
    mask[b]! &= ~(1 << s);
    overflow -= over(s);
    load[s]!--;
    overflow += over(s);
  };
  const drop = (r: number, t: number) => {
    const a = c.reqA[r]!;
    const b = c.reqB[r]!;
    slot[r] = t;
    busy[a * nS + t] = r;
    busy[b * nS + t] = r;
    mask[a]! |= 1 << t;
    mask[b]! |= 1 << t;
    overflow -= over(t);
    load[t]!++;
    overflow += over(t);
  };

  const precedenceOk = (r: number, t: number): boolean => {
    for (const q of c.preds[r]!) if (slot[q]! >= t) return false;
    for (const q of c.succs[r]!) {
      const u = slot[q]!;
      if (u >= 0 && u <= t) return false;
    }
    return true;
  };
  const hasPrecedences = c.instance.precedences.length > 0;

  // The group being moved: meetings and their targets; `from` remembers where they were.
  const group: number[] = [];
  const target: number[] = [];
  const from: number[] = [];
  const inGroup = new Int32Array(c.nR);
  let groupStamp = 0;

  /** The Kempe chain of r between its slot s and t (meetings linked by a shared side). */
  const buildChain = (r: number, t: number): boolean => {
    group.length = 0;
    target.length = 0;
    groupStamp++;
    const s = slot[r]!;
    group.push(r);
    inGroup[r] = groupStamp;
    for (let k = 0; k < group.length; k++) {
      const q = group[k]!;
      const other = slot[q] === s ? t : s;
      if (!isMovable[q] || !(allowedMask[q]! & (1 << other))) return false;
      target.push(other);
      const pa = busy[c.reqA[q]! * nS + other]!;
      if (pa >= 0 && inGroup[pa] !== groupStamp) {
        inGroup[pa] = groupStamp;
        group.push(pa);
      }
      const pb = busy[c.reqB[q]! * nS + other]!;
      if (pb >= 0 && inGroup[pb] !== groupStamp) {
        inGroup[pb] = groupStamp;
        group.push(pb);
      }
      if (group.length > chainCap) return false;
    }
    return true;
  };

  /** Whole-slot swap: every meeting of s goes to t and back. */
  const buildColumnSwap = (s: number, t: number): boolean => {
    group.length = 0;
    target.length = 0;
    for (const [x, y] of [
      [s, t],
      [t, s],
    ] as const) {
      for (let p = 0; p < c.nP; p++) {
        const q = busy[p * nS + x]!;
        if (q < 0 || c.reqA[q] !== p) continue;
        if (!isMovable[q] || !(allowedMask[q]! & (1 << y))) return false;
        group.push(q);
        target.push(y);
      }
    }
    return group.length > 0;
  };

  /** Moves the group to its targets; false (and nothing changed) when a precedence breaks. */
  const applyGroup = (): boolean => {
    from.length = 0;
    for (const q of group) {
      from.push(slot[q]!);
      touch(c.reqA[q]!);
      touch(c.reqB[q]!);
    }
    for (const q of group) lift(q);
    for (let k = 0; k < group.length; k++) drop(group[k]!, target[k]!);
    if (hasPrecedences) {
      for (let k = 0; k < group.length; k++) {
        if (!precedenceOk(group[k]!, target[k]!)) {
          undoGroup();
          return false;
        }
      }
    }
    return true;
  };
  const undoGroup = () => {
    for (const q of group) lift(q);
    for (let k = 0; k < group.length; k++) drop(group[k]!, from[k]!);
  };

  const pickMeeting = (): number => {
    if (rng.chance(0.8)) {
      for (let tries = 0; tries < 8; tries++) {
        const p = rng.int(0, c.nP - 1);
        if (pB[p] === 0) continue;
        const m = mask[p]!;
        let pick = rng.int(0, popcount(m) - 1);
        for (let x = 0; x < nS; x++) {
          if (m & (1 << x) && pick-- === 0) {
            const q = busy[p * nS + x]!;
            if (isMovable[q]) return q;
            break;
          }
        }
      }
    }
    if (overflow > 0 && rng.chance(0.3)) {
      // A meeting of an overflowing slot.
      const s = rng.int(0, nS - 1);
      if (load[s]! > T) {
        for (let tries = 0; tries < 6; tries++) {
          const p = rng.int(0, c.nP - 1);
          const q = busy[p * nS + s]!;
          if (q >= 0 && isMovable[q]) return q;
        }
      }
    }
    return movables[rng.int(0, movables.length - 1)]!;
  };
  /** A slot next to a meeting of one side of r, free for that side. */
  const besideOwn = (r: number): number => {
    const p = rng.chance(0.5) ? c.reqA[r]! : c.reqB[r]!;
    const own = slot[r]!;
    const m = mask[p]! & ~(1 << own);
    const near = ((m << 1) | (m >>> 1)) & ~m & allowedMask[r]! & ~(1 << own) & ((1 << nS) - 1);
    if (near === 0) return -1;
    let pick = rng.int(0, popcount(near) - 1);
    for (let x = 0; x < nS; x++) if (near & (1 << x) && pick-- === 0) return x;
    return -1;
  };

  let lastBestAt = 0;
  let iteration = 0;
  const noteBest = () => {
    if (overflow !== 0) return;
    const k = key();
    if (k < best) {
      best = k;
      lastBestAt = iteration;
      bestBreaks = totalBreaks;
      bestSlot.set(slot);
    }
  };
  // The cost change of moving `group` to `target` (every meeting between slots s and t), computed
  // on copies of the touched participants' days; `touched` lists them afterwards.
  const newMask = new Int32Array(c.nP);
  const newB = new Int32Array(c.nP);
  const deltaOf = (s: number, t: number): number => {
    stamp++;
    touched.length = 0;
    let sToT = 0;
    for (let k = 0; k < group.length; k++) {
      const q = group[k]!;
      const from = slot[q]!;
      if (from === s) sToT++;
      for (let side = 0; side < 2; side++) {
        const p = side === 0 ? c.reqA[q]! : c.reqB[q]!;
        if (mark[p] !== stamp) {
          mark[p] = stamp;
          touched.push(p);
          newMask[p] = mask[p]!;
        }
        newMask[p]! &= ~(1 << from);
      }
    }
    for (let k = 0; k < group.length; k++) {
      const q = group[k]!;
      newMask[c.reqA[q]!]! |= 1 << target[k]!;
      newMask[c.reqB[q]!]! |= 1 << target[k]!;
    }
    let dB = 0;
    let dG = 0;
    for (const p of touched) {
      const nb = breaksOfMask(newMask[p]!);
      newB[p] = nb;
      dB += nb - pB[p]!;
      dG += gapsOfMask(newMask[p]!) - pG[p]!;
    }
    let excess = 0;
    if (spread !== undefined) {
      for (const p of touched) {
        hist[pB[p]!]!--;
        hist[newB[p]!]!++;
      }
      excess = spreadExcess();
      for (const p of touched) {
        hist[newB[p]!]!--;
        hist[pB[p]!]!++;
      }
    }
    const tToS = group.length - sToT;
    const ls = load[s]! - sToT + tToS;
    const lt = load[t]! + sToT - tToS;
    const dO = Math.max(0, ls - T) + Math.max(0, lt - T) - over(s) - over(t);
    const next = totalBreaks + dB + GAP_WEIGHT * (totalGaps + dG) + SPREAD_PENALTY * excess + lambda * (overflow + dO);
    return next - current;
  };

  const iterations = opts.iterations;
  const t0 = T_START;
  const t1 = T_END;
  let current = cost();
  let overflowRun = 0;
  let temp = t0;
  const stopAfter = dense ? DENSE_STOP_AFTER : STOP_AFTER;
  const stallShare = dense ? DENSE_STALL_SHARE : STALL_SHARE;
  for (let it = 0; it < iterations; it++) {
    if ((it & 1023) === 0) {
      if (opts.outOfTime()) break;
      if (best < stopBelow) break;
      // Cold and nothing better for almost half the run: the rest would not find it either.
      if (it > stopAfter * iterations && it - lastBestAt > stallShare * iterations) break;
    }
    iteration = it;
    // Overflow that lasts gets dearer; a schedule within the limit lets the price ease back.
    if (overflow > 0) {
      if (++overflowRun > OVERFLOW_PATIENCE) {
        lambda = Math.min(lambda * 1.1, 50);
        overflowRun = 0;
        current = cost();
      }
    } else if (overflowRun !== 0 || lambda > MIN_OVERFLOW_PRICE) {
      overflowRun = 0;
      if ((it & 63) === 0 && lambda > MIN_OVERFLOW_PRICE) {
        lambda *= 0.97;
        current = cost();
      }
    }
    if ((it & 255) === 0) temp = t0 * Math.pow(t1 / t0, it / iterations);

    const roll = rng.float();
    let single = -1;
    let singleFrom = -1;
    if (roll < COLUMN_SWAP_RATE) {
      stamp++;
      touched.length = 0;
      const s = rng.int(0, nS - 1);
      const t = rng.int(0, nS - 1);
      if (s === t || !buildColumnSwap(s, t)) continue;
      if (!applyGroup()) continue;
    } else {
      const r = pickMeeting();
      const s = slot[r]!;
      if (popcount(allowedMask[r]!) < 2) continue;
      let t = rng.chance(0.6) ? besideOwn(r) : -1;
      if (t < 0) {
        const dom = c.domain[r]!;
        t = dom[rng.int(0, dom.length - 1)]!;
      }
      if (t === s) continue;
      const a = c.reqA[r]!;
      const b = c.reqB[r]!;
      if (busy[a * nS + t] === -1 && busy[b * nS + t] === -1) {
        if (hasPrecedences && !precedenceOk(r, t)) continue;
        group.length = 0;
        target.length = 0;
        group.push(r);
        target.push(t);
      } else if (!buildChain(r, t)) continue;
      if (!hasPrecedences) {
        // Priced before it is made: most moves are refused, and then nothing has to be undone.
        const delta = deltaOf(s, t);
        if (delta <= 0 || rng.float() < Math.exp(-delta / temp)) {
          applyGroup();
          refresh();
          current = cost();
          noteBest();
        }
        continue;
      }
      stamp++;
      touched.length = 0;
      if (group.length === 1) {
        touch(a);
        touch(b);
        lift(r);
        drop(r, t);
        single = r;
        singleFrom = s;
      } else if (!applyGroup()) continue;
    }
    refresh();
    const next = cost();
    const delta = next - current;
    if (delta <= 0 || rng.float() < Math.exp(-delta / temp)) {
      current = next;
      noteBest();
    } else {
      if (single >= 0) {
        lift(single);
        drop(single, singleFrom);
      } else undoGroup();
      refresh();
    }
  }

  // Write the best schedule back: take every movable meeting out, then put each in its slot.
  if (best === Infinity) return countBreaks(state);
  for (const r of movables) state.unplace(r);
  for (const r of movables) {
    if (!state.place(r, bestSlot[r]!)) throw new Error(`scheduler invariant: meeting ${r} could not be put in slot ${bestSlot[r]}`);
  }
  return bestBreaks;
}

function countBreaks(state: ScheduleState): number {
  let total = 0;
  for (let p = 0; p < state.c.nP; p++) total += state.breaksOf(p);
  return total;
}
