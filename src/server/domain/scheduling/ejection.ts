import type { ScheduleState } from './schedule-state';

/**
 * Which held meetings may be taken out to make room, and at what price. Feasibility repair prices
 * every meeting at 1; weight improvement prices by weight and refuses mandatory ones.
 */
export interface EjectionPolicy {
  canEject(r: number): boolean;
  price(r: number): number;
}

/**
 * The held meetings to take out so that r fits in slot s: whoever occupies either side's slot,
 * precedence violators, one meeting per side at its maximum, one meeting when the tables are full
 * and one interpreter's meeting when no interpreter can be freed by rematching. Null when a
 * meeting that may not be ejected stands in the way. The state is unchanged on return.
 */
export function blockersFor(state: ScheduleState, r: number, s: number, policy: EjectionPolicy): number[] | null {
  const c = state.c;
  if (!c.allowed[r * c.nS + s]) return null;
  const set: number[] = [];
  const add = (q: number): boolean => {
    if (q === r || set.includes(q)) return true;
    if (!policy.canEject(q)) return false;
    set.push(q);
    return true;
  };
  const a = c.reqA[r]!;
  const b = c.reqB[r]!;
  const atA = state.busy[a * c.nS + s]!;
  const atB = state.busy[b * c.nS + s]!;
  if (atA >= 0 && !add(atA)) return null;
  if (atB >= 0 && !add(atB)) return null;
  for (const q of c.preds[r]!) {
    const t = state.slotOf[q]!;
    if (t >= 0 && t >= s && !add(q)) return null;
  }
  for (const q of c.succs[r]!) {
    const t = state.slotOf[q]!;
    if (t >= 0 && t <= s && !add(q)) return null;
  }
  if (!state.isHeld(r)) {
    for (const p of [a, b]) {
      const freed = set.filter((q) => c.reqA[q] === p || c.reqB[q] === p).length;
      if (state.held[p]! - freed >= c.maxMeetings[p]!) {
        const q = cheapest(state, c.reqsOf[p]!, set, policy, r);
        if (q < 0) return null;
        set.push(q);
      }
    }
  }
  const inSlot = set.filter((q) => state.slotOf[q] === s).length;
  if (state.load[s]! - inSlot >= c.tables) {
    const q = cheapestInSlot(state, s, set, policy, r);
    if (q < 0) return null;
    set.push(q);
  }
  if (c.needsInterp[r] && !interpreterFits(state, r, s, set)) {
    const holders: number[] = [];
    for (const i of c.interpCandidates[r]!) {
      const q = state.interpAt[i * c.nS + s]!;
      if (c.interpAvail[i * c.nS + s] && q >= 0) holders.push(q);
    }
    const q = cheapest(state, holders, set, policy, r);
    if (q < 0) return null;
    set.push(q);
  }
  return set;
}

/** The few cheapest ejectable meetings per slot, per policy, valid while the slot is unchanged. */
const slotCache = new WeakMap<EjectionPolicy, { versions: Int32Array; best: number[][] }>();
const CACHED = 6;

function cheapestInSlot(state: ScheduleState, s: number, exclude: number[], policy: EjectionPolicy, r: number): number {
  let cache = slotCache.get(policy);
  if (!cache || cache.versions.length !== state.c.nS) {
    cache = { versions: new Int32Array(state.c.nS).fill(-1), best: Array.from({ length: state.c.nS }, () => []) };
    slotCache.set(policy, cache);
  }
  if (cache.versions[s] !== state.slotVersion[s]) {
    const top: number[] = [];
    for (const q of state.members[s]!) {
      if (!policy.canEject(q)) continue;
      const price = policy.price(q);
      if (top.length === CACHED && price >= policy.price(top[CACHED - 1]!)) continue;
      let k = top.length < CACHED ? top.length : CACHED - 1;
      top[k] = q;
      while (k > 0 && policy.price(top[k - 1]!) > price) {
        top[k] = top[k - 1]!;
        top[k - 1] = q;
        k--;
      }
    }
    cache.best[s] = top;
    cache.versions[s] = state.slotVersion[s]!;
  }
  for (const q of cache.best[s]!) if (q !== r && !exclude.includes(q)) return q;
  return cheapest(state, state.members[s]!, exclude, policy, r);
}

function cheapest(state: ScheduleState, pool: ArrayLike<number>, exclude: number[], policy: EjectionPolicy, r: number): number {
  let best = -1;
  let bestPrice = Infinity;
  for (let k = 0; k < pool.length; k++) {
    const q = pool[k]!;
    if (q === r || state.slotOf[q]! < 0 || exclude.includes(q) || !policy.canEject(q)) continue;
    const price = policy.price(q);
    if (price < bestPrice) {
      bestPrice = price;
      best = q;
    }
  }
  return best;
}

/** Whether r would get an interpreter in s once `removed` are out (tried, then undone). */
function interpreterFits(state: ScheduleState, r: number, s: number, removed: number[]): boolean {
  const back = removed.map((q) => [q, state.slotOf[q]!] as const);
  for (const [q] of back) state.unplace(q);
  const wasHeldAt = state.slotOf[r]!;
  if (wasHeldAt >= 0) state.unplace(r);
  let ok: boolean;
  // Basic rules aside (the caller frees them), only the matching decides.
  const c = state.c;
  const a = c.reqA[r]!;
  const b = c.reqB[r]!;
  const basicFree = state.busy[a * c.nS + s] === -1 && state.busy[b * c.nS + s] === -1 && state.load[s]! < c.tables;
  if (basicFree && state.precedenceOk(r, s) && state.held[a]! < c.maxMeetings[a]! && state.held[b]! < c.maxMeetings[b]!) {
    ok = state.place(r, s);
    if (ok) state.unplace(r);
  } else {
    ok = probeMatching(state, r, s);
  }
  if (wasHeldAt >= 0) relocateOrThrow(state, r, wasHeldAt);
  for (const [q, t] of back) relocateOrThrow(state, q, t);
  return ok;
}

/** Rare path: the basic rules still block r, so ask only whether the matching would grow. */
function probeMatching(state: ScheduleState, r: number, s: number): boolean {
  const c = state.c;
  for (const i of c.interpCandidates[r]!) {
    const cell = i * c.nS + s;
    if (c.interpAvail[cell] && state.interpAt[cell] === -1) return true;
  }
  return false;
}

export function relocateOrThrow(state: ScheduleState, r: number, s: number): void {
  if (!state.place(r, s)) throw new Error(`scheduler invariant: request ${r} could not be put back in slot ${s}`);
}

/**
 * Takes `blockers` out, puts r in s, and reports what was taken out. When r still does not fit
 * (an interpreter could not be freed after all) everything is put back and null returned.
 */
export function ejectAndPlace(state: ScheduleState, r: number, s: number, blockers: number[]): Array<{ r: number; from: number }> | null {
  const out = blockers.map((q) => ({ r: q, from: state.slotOf[q]! }));
  for (const { r: q } of out) state.unplace(q);
  if (state.place(r, s)) return out;
  for (const { r: q, from } of out) relocateOrThrow(state, q, from);
  return null;
}
