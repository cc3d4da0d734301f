import type { Rng } from '../synth/prng';
import type { ScheduleState } from './schedule-state';

export interface BreakSearchOptions {
  rng: Rng;
  iterations: number;
  /** Meetings that may change slot (pinned ones may not). */
  movable: (r: number) => boolean;
  /** Stops early when this returns true (checked every few hundred moves). */
  outOfTime: () => boolean;
}

/** Idle slots weigh a little, so the search can shrink a gap before it closes it. */
export const GAP_WEIGHT = 0.15;

/** How far the spread between the most and the fewest breaks anyone has exceeds `limit` (none: 0). */
export function breakSpreadExcess(hist: Int32Array | number[], limit: number | undefined): number {
  if (limit === undefined) return 0;
  let lo = 0;
  while (lo < hist.length && hist[lo] === 0) lo++;
  let hi = hist.length - 1;
  while (hi > 0 && hist[hi] === 0) hi--;
  return Math.max(0, hi - lo - limit);
}
/** Each unit of break spread above the limit costs more than any break it could save. */
export const SPREAD_PENALTY = 50;

/**
 * Simulated annealing over the slots of the held meetings (the set of meetings is fixed): moves a
 * meeting to another slot, or swaps a Kempe chain between two slots (the meetings of both slots
 * linked through shared participants), which keeps everyone single-booked by construction.
 * Minimises total breaks, subject to the break spread limit when the instance has one. Leaves the
 * best schedule seen in `state`; returns its total breaks.
 */
export function improveBreaks(state: ScheduleState, opts: BreakSearchOptions): number {
  const c = state.c;
  const { rng } = opts;
  const spread = c.breakSpread;
  const pBreaks = new Int32Array(c.nP);
  const pGaps = new Int32Array(c.nP);
  // Histogram of break counts, for the spread (min and max over all participants).
  const hist = new Int32Array(c.nS + 1);
  let totalBreaks = 0;
  let totalGaps = 0;
  for (let p = 0; p < c.nP; p++) {
    pBreaks[p] = state.breaksOf(p);
    pGaps[p] = state.gapSlotsOf(p);
    hist[pBreaks[p]!]!++;
    totalBreaks += pBreaks[p]!;
    totalGaps += pGaps[p]!;
  }
  const spreadExcess = () => breakSpreadExcess(hist, spread);
  const cost = () => totalBreaks + GAP_WEIGHT * totalGaps + SPREAD_PENALTY * spreadExcess();

  const movables: number[] = [];
  for (let r = 0; r < c.nR; r++) if (state.isHeld(r) && opts.movable(r)) movables.push(r);
  if (movables.length === 0) return totalBreaks;

  let current = cost();
  // The best schedule is judged lexicographically: spread excess, then breaks, then idle slots.
  const key = () => spreadExcess() * 1e9 + totalBreaks * 1e5 + totalGaps;
  let best = key();
  let bestBreaks = totalBreaks;
  // Accepted moves since the best state, as (meeting, slot it came from) groups closed by -1:
  // undoing them at the end is far cheaper than copying the schedule at every new best.
  const sinceBest: number[] = [];
  const touched: number[] = [];
  const mark = new Int32Array(c.nP);
  let markStamp = 0;
  const oldB: number[] = [];
  const oldG: number[] = [];

  const touch = (p: number) => {
    if (mark[p] === markStamp) return;
    mark[p] = markStamp;
    touched.push(p);
    oldB.push(pBreaks[p]!);
    oldG.push(pGaps[p]!);
  };
  const refresh = () => {
    for (const p of touched) {
      hist[pBreaks[p]!]!--;
      totalBreaks -= pBreaks[p]!;
      totalGaps -= pGaps[p]!;
      pBreaks[p] = state.breaksOf(p);
      pGaps[p] = state.gapSlotsOf(p);
      hist[pBreaks[p]!]!++;
      totalBreaks += pBreaks[p]!;
      totalGaps += pGaps[p]!;
    }
  };
  const revertCounts = () => {
    touched.forEach((p, k) => {
      hist[pBreaks[p]!]!--;
      totalBreaks -= pBreaks[p]!;
      totalGaps -= pGaps[p]!;
      pBreaks[p] = oldB[k]!;
      pGaps[p] = oldG[k]!;
      hist[pBreaks[p]!]!++;
      totalBreaks += pBreaks[p]!;
      totalGaps += pGaps[p]!;
    });
  };

  const chain: number[] = [];
  const inChain = new Int32Array(c.nR);
  let chainStamp = 0;
  const from: number[] = [];

  /** The Kempe chain of r between its slot and t; false when it reaches a pinned meeting. */
  const buildChain = (r: number, t: number): boolean => {
    chain.length = 0;
    chainStamp++;
    const s = state.slotOf[r]!;
    chain.push(r);
    inChain[r] = chainStamp;
    for (let k = 0; k < chain.length; k++) {
      const q = chain[k]!;
      const here = state.slotOf[q]!;
      const other = here === s ? t : s;
      if (!opts.movable(q) || !c.allowed[q * c.nS + other]) return false;
      for (const p of [c.reqA[q]!, c.reqB[q]!]) {
        const x = state.busy[p * c.nS + other]!;
        if (x >= 0 && inChain[x] !== chainStamp) {
          inChain[x] = chainStamp;
          chain.push(x);
        }
      }
    }
    let toT = 0;
    target.length = 0;
    for (const q of chain) {
      if (state.slotOf[q] === s) toT++;
      target.push(state.slotOf[q] === s ? t : s);
    }
    const toS = chain.length - toT;
    return state.load[t]! - toS + toT <= c.tables && state.load[s]! - toT + toS <= c.tables;
  };

  const target: number[] = [];
  /** Moves every meeting of `chain` to its `target`; on failure restores them and returns false. */
  const applyGroup = (): boolean => {
    from.length = 0;
    for (const q of chain) {
      from.push(state.slotOf[q]!);
      state.unplace(q);
    }
    let placed = 0;
    for (; placed < chain.length; placed++) {
      if (!state.place(chain[placed]!, target[placed]!)) break;
    }
    if (placed === chain.length) return true;
    for (let k = 0; k < placed; k++) state.unplace(chain[k]!);
    chain.forEach((q, k) => {
      if (!state.place(q, from[k]!)) throw new Error('scheduler invariant: meetings could not be restored');
    });
    return false;
  };
  const undoGroup = () => {
    for (const q of chain) state.unplace(q);
    chain.forEach((q, k) => {
      if (!state.place(q, from[k]!)) throw new Error('scheduler invariant: meetings could not be put back');
    });
  };
  /**
   * Whole-slot moves: the contents of slot s go to t and the slots between shift by one (or s and
   * t swap). They reorder everyone's day at once, which single moves cannot do without detours.
   */
  const buildColumns = (s: number, t: number, swap: boolean): boolean => {
    chain.length = 0;
    target.length = 0;
    const lo = Math.min(s, t);
    const hi = Math.max(s, t);
    for (let x = lo; x <= hi; x++) {
      if (swap && x !== s && x !== t) continue;
      const to = swap ? (x === s ? t : s) : x === s ? t : s < t ? x - 1 : x + 1;
      for (const q of state.members[x]!) {
        if (!opts.movable(q) || !c.allowed[q * c.nS + to]) return false;
        chain.push(q);
        target.push(to);
      }
    }
    return chain.length > 0;
  };

  /** Half the time a meeting of someone with breaks: that is where the cost is. */
  const pickMeeting = (): number => {
    if (rng.chance(0.5)) {
      for (let tries = 0; tries < 8; tries++) {
        const p = rng.int(0, c.nP - 1);
        if (pBreaks[p] === 0) continue;
        const row = p * c.nS;
        let n = 0;
        for (let x = 0; x < c.nS; x++) if (state.busy[row + x]! >= 0) n++;
        let pick = rng.int(0, n - 1);
        for (let x = 0; x < c.nS; x++) {
          const q = state.busy[row + x]!;
          if (q >= 0 && pick-- === 0) return q;
        }
      }
    }
    return movables[rng.int(0, movables.length - 1)]!;
  };
  /** A free slot of one side, next to one of their meetings (where a gap closes or a run grows). */
  const besideOwnMeetings = (r: number): number => {
    const p = rng.chance(0.5) ? c.reqA[r]! : c.reqB[r]!;
    const row = p * c.nS;
    const own = state.slotOf[r]!;
    let count = 0;
    let chosen = -1;
    for (let x = 0; x < c.nS; x++) {
      if (x === own || !c.allowed[r * c.nS + x] || state.busy[row + x] !== -1) continue;
      const left = x > 0 && x - 1 !== own && state.busy[row + x - 1]! >= 0;
      const right = x + 1 < c.nS && x + 1 !== own && state.busy[row + x + 1]! >= 0;
      if (!left && !right) continue;
      count++;
      if (rng.int(1, count) === 1) chosen = x;
    }
    return chosen;
  };

  // A whole-slot move costs as much as a slot's meetings: rarer on large events.
  const columnMoveRate = 0.05 * Math.min(1, 40 / Math.max(1, c.tables));
  const blockShiftRate = 0.05;
  /**
   * All meetings of one participant shifted by a few slots together: moves a whole day away from
   * crowded slots (e.g. around the lunch break) without opening a gap in it.
   */
  const buildBlockShift = (): boolean => {
    const p = rng.int(0, c.nP - 1);
    const shift = rng.pick([-3, -2, -1, 1, 2, 3]);
    chain.length = 0;
    target.length = 0;
    const row = p * c.nS;
    for (let x = 0; x < c.nS; x++) {
      const q = state.busy[row + x]!;
      if (q < 0) continue;
      const to = x + shift;
      if (to < 0 || to >= c.nS || !opts.movable(q) || !c.allowed[q * c.nS + to]) return false;
      chain.push(q);
      target.push(to);
    }
    return chain.length >= 2;
  };
  const t0 = 1;
  const t1 = 0.03;
  for (let it = 0; it < opts.iterations; it++) {
    if ((it & 255) === 0 && opts.outOfTime()) break;
    if (best === 0) break;
    const temp = t0 * Math.pow(t1 / t0, it / opts.iterations);
    markStamp++;
    touched.length = 0;
    oldB.length = 0;
    oldG.length = 0;
    let single = -1;
    let singleFrom = -1;
    if (rng.chance(blockShiftRate)) {
      if (!buildBlockShift()) continue;
      for (const q of chain) {
        touch(c.reqA[q]!);
        touch(c.reqB[q]!);
      }
      if (!applyGroup()) continue;
    } else if (rng.chance(columnMoveRate)) {
      const s = rng.int(0, c.nS - 1);
      const t = rng.int(0, c.nS - 1);
      if (s === t || !buildColumns(s, t, rng.chance(0.5))) continue;
      for (const q of chain) {
        touch(c.reqA[q]!);
        touch(c.reqB[q]!);
      }
      if (!applyGroup()) continue;
    } else {
      const r = pickMeeting();
      if (r < 0 || !opts.movable(r)) continue;
      const s = state.slotOf[r]!;
      const dom = c.domain[r]!;
      if (dom.length < 2) continue;
      const t = rng.chance(0.5) ? besideOwnMeetings(r) : dom[rng.int(0, dom.length - 1)]!;
      if (t < 0 || t === s) continue;
      const a = c.reqA[r]!;
      const b = c.reqB[r]!;
      if (state.busy[a * c.nS + t] === -1 && state.busy[b * c.nS + t] === -1 && state.load[t]! < c.tables) {
        touch(a);
        touch(b);
        if (!state.move(r, t)) continue;
        single = r;
        singleFrom = s;
      } else if (state.busy[a * c.nS + t] === -1 && state.busy[b * c.nS + t] === -1) {
        // The slot is full: a meeting there makes way, to r's old slot or next to its own.
        const list = state.members[t]!;
        const q = list[rng.int(0, list.length - 1)]!;
        if (!opts.movable(q)) continue;
        const u = rng.chance(0.5) ? s : besideOwnMeetings(q);
        if (u < 0 || u === t) continue;
        chain.length = 0;
        target.length = 0;
        chain.push(r, q);
        target.push(t, u);
        for (const x of chain) {
          touch(c.reqA[x]!);
          touch(c.reqB[x]!);
        }
        if (!applyGroup()) continue;
      } else {
        if (!buildChain(r, t)) continue;
        for (const q of chain) {
          touch(c.reqA[q]!);
          touch(c.reqB[q]!);
        }
        if (!applyGroup()) continue;
      }
    }
    refresh();
    const next = cost();
    const delta = next - current;
    if (delta <= 0 || rng.float() < Math.exp(-delta / temp)) {
      current = next;
      const k = key();
      if (k < best) {
        best = k;
        bestBreaks = totalBreaks;
        sinceBest.length = 0;
      } else if (single >= 0) sinceBest.push(single, singleFrom, -1);
      else {
        chain.forEach((q, j) => sinceBest.push(q, from[j]!));
        sinceBest.push(-1);
      }
    } else {
      revertCounts();
      if (single >= 0) {
        if (!state.move(single, singleFrom)) throw new Error('scheduler invariant: move could not be undone');
      } else undoGroup();
    }
  }
  undoSince(state, sinceBest);
  return bestBreaks;
}

function undoSince(state: ScheduleState, log: number[]): void {
  let end = log.length - 1;
  while (end > 0) {
    let start = end - 1;
    while (start >= 0 && log[start] !== -1) start--;
    for (let k = start + 1; k < end; k += 2) state.unplace(log[k]!);
    for (let k = start + 1; k < end; k += 2) {
      if (!state.place(log[k]!, log[k + 1]!)) throw new Error('scheduler invariant: could not return to the best schedule');
    }
    end = start;
  }
}
