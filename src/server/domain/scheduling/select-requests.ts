import type { Rng } from '../synth/prng';
import type { CompiledInstance } from './compile-instance';

/**
 * Which requests to hold, slots aside (issue 4 item 6, "maximum total weight"). On the events of
 * the bench the slot-free problem — a weighted b-matching: each participant at most
 * min(maximum, slots they can attend) meetings, at most tables × slots meetings in all — has
 * the same optimum as the full problem within a unit or two, so the hard part of the weight is
 * choosing the set, and the slots can follow. Simulated annealing over the set, with moves that
 * add a request and take out what blocks it at either side, then refill the capacity that freed
 * (an alternating path of length up to five). O(degree) per move.
 *
 * Returns the chosen set (mandatory requests always in it) as a 0/1 array.
 */
export function selectRequests(c: CompiledInstance, rng: Rng, iterations: number, outOfTime: () => boolean): Uint8Array {
  const nP = c.nP;
  const nR = c.nR;
  const cap = new Int32Array(nP);
  for (let p = 0; p < nP; p++) {
    let slots = 0;
    const seen = new Uint8Array(c.nS);
    for (const r of c.reqsOf[p]!) {
      for (const s of c.domain[r]!) {
        if (!seen[s]) {
          seen[s] = 1;
          slots++;
        }
      }
    }
    cap[p] = Math.min(c.maxMeetings[p]!, slots);
  }
  const total = c.tables * c.nS;
  let interpSlots = 0;
  for (let k = 0; k < c.nI * c.nS; k++) interpSlots += c.interpAvail[k]!;

  const usable = (r: number) => c.domain[r]!.length > 0;
  const sel = new Uint8Array(nR);
  const deg = new Int32Array(nP);
  // Selected requests per participant, unordered, with positions for O(1) removal.
  const held: number[][] = Array.from({ length: nP }, () => []);
  const posA = new Int32Array(nR).fill(-1);
  const posB = new Int32Array(nR).fill(-1);
  let count = 0;
  let interp = 0;
  let weight = 0;

  const add = (r: number) => {
    const a = c.reqA[r]!;
    const b = c.reqB[r]!;
    sel[r] = 1;
    posA[r] = held[a]!.length;
    held[a]!.push(r);
    posB[r] = held[b]!.length;
    held[b]!.push(r);
    deg[a]!++;
    deg[b]!++;
    count++;
    if (c.needsInterp[r]) interp++;
    weight += c.weight[r]!;
  };
  const removeFrom = (p: number, r: number, pos: number) => {
    const list = held[p]!;
    const last = list.pop()!;
    if (last !== r) {
      list[pos] = last;
      if (c.reqA[last] === p) posA[last] = pos;
      else posB[last] = pos;
    }
  };
  const remove = (r: number) => {
    const a = c.reqA[r]!;
    const b = c.reqB[r]!;
    sel[r] = 0;
    removeFrom(a, r, posA[r]!);
    removeFrom(b, r, posB[r]!);
    posA[r] = -1;
    posB[r] = -1;
    deg[a]!--;
    deg[b]!--;
    count--;
    if (c.needsInterp[r]) interp--;
    weight -= c.weight[r]!;
  };
  const fits = (r: number) => deg[c.reqA[r]!]! < cap[c.reqA[r]!]! && deg[c.reqB[r]!]! < cap[c.reqB[r]!]! && count < total && (!c.needsInterp[r] || interp < interpSlots);
  const locked = (r: number) => c.mandatory[r] === 1;

  // Mandatory first (the caller has proven them schedulable), then greedily by weight.
  for (let r = 0; r < nR; r++) if (locked(r) && usable(r) && !sel[r]) add(r);
  const byWeight: number[] = [];
  for (let r = 0; r < nR; r++) if (!locked(r) && usable(r) && c.weight[r]! > 0) byWeight.push(r);
  byWeight.sort((x, y) => c.weight[y]! - c.weight[x]! || x - y);
  for (const r of byWeight) if (fits(r)) add(r);
  if (byWeight.length === 0) return sel;

  // Requests of each participant, heaviest first, for refilling freed capacity.
  const sortedOf = c.reqsOf.map((list) => [...list].filter((r) => !locked(r) && usable(r) && c.weight[r]! > 0).sort((x, y) => c.weight[y]! - c.weight[x]!));

  let best = weight;
  const bestSel = Uint8Array.from(sel);
  const removed: number[] = [];
  const added: number[] = [];
  const randomHeld = (p: number): number => {
    const list = held[p]!;
    for (let tries = 0; tries < 4; tries++) {
      const r = list[rng.int(0, list.length - 1)]!;
      if (!locked(r)) return r;
    }
    return -1;
  };
  /** The weight p could take back after losing one meeting: its heaviest waiting request that fits. */
  const refillValue = (p: number, skip: number, blockedA: number, blockedB: number): number => {
    for (const r of sortedOf[p]!) {
      if (sel[r] || r === skip) continue;
      const o = c.reqA[r] === p ? c.reqB[r]! : c.reqA[r]!;
      if (o === blockedA || o === blockedB || deg[o]! >= cap[o]!) continue;
      if (c.needsInterp[r] && interp >= interpSlots) continue;
      return c.weight[r]!;
    }
    return 0;
  };
  /**
   * Frees room at p for r: takes out the meeting whose loss, net of what its other side can take
   * instead, costs least (or, now and then, a random one to keep the search moving).
   */
  const makeRoom = (p: number, r: number): boolean => {
    if (deg[p]! < cap[p]!) return true;
    let q = -1;
    if (rng.chance(0.1)) q = randomHeld(p);
    else {
      let bestValue = -Infinity;
      const a = c.reqA[r]!;
      const b = c.reqB[r]!;
      for (const f of held[p]!) {
        if (locked(f)) continue;
        const x = c.reqA[f] === p ? c.reqB[f]! : c.reqA[f]!;
        const value = -c.weight[f]! + (x === a || x === b ? 0 : refillValue(x, f, a, b)) + rng.float() * 0.01;
        if (value > bestValue) {
          bestValue = value;
          q = f;
        }
      }
    }
    if (q < 0) return false;
    remove(q);
    removed.push(q);
    return true;
  };
  /** Refills p with its heaviest request that fits now. */
  const refill = (p: number, skip: number) => {
    if (deg[p]! >= cap[p]!) return;
    for (const r of sortedOf[p]!) {
      if (sel[r] || r === skip) continue;
      if (fits(r)) {
        add(r);
        added.push(r);
        return;
      }
    }
  };

  // Weights are small integers: from a third of a unit down to a twentieth.
  const t0 = 0.3;
  const t1 = 0.05;
  for (let it = 0; it < iterations; it++) {
    if ((it & 4095) === 0 && outOfTime()) break;
    const temp = t0 * Math.pow(t1 / t0, it / iterations);
    const r = byWeight[rng.int(0, byWeight.length - 1)]!;
    if (sel[r]) continue;
    removed.length = 0;
    added.length = 0;
    const before = weight;
    const a = c.reqA[r]!;
    const b = c.reqB[r]!;
    let ok = makeRoom(a, r) && makeRoom(b, r);
    if (ok && count >= total) {
      // The tables are the limit: a light meeting elsewhere makes way.
      const q = byWeight[rng.int(0, byWeight.length - 1)]!;
      if (sel[q] && c.weight[q]! <= c.weight[r]!) {
        remove(q);
        removed.push(q);
      } else ok = false;
    }
    if (ok && c.needsInterp[r] && interp >= interpSlots) ok = false;
    if (ok && fits(r)) {
      add(r);
      added.push(r);
      // Whoever lost a meeting may take another request that now fits.
      for (let k = 0; k < removed.length; k++) {
        const q = removed[k]!;
        const other = c.reqA[q] === a || c.reqA[q] === b ? c.reqB[q]! : c.reqA[q]!;
        refill(other, q);
      }
    } else ok = false;
    const delta = weight - before;
    if (ok && (delta >= 0 || rng.float() < Math.exp(delta / temp))) {
      if (weight > best) {
        best = weight;
        bestSel.set(sel);
      }
      continue;
    }
    for (let k = added.length - 1; k >= 0; k--) remove(added[k]!);
    for (const q of removed) add(q);
  }

  // Back to the heaviest set found, then fairness, last in the objective (issue 4 item 6): swaps
  // between requests of EQUAL weight that give a meeting to whoever holds the smaller share of
  // their own requests (Σ √share grows). The weight never changes; a request that simply fits now
  // is added. Deterministic: fixed order, a few sweeps.
  for (let r = 0; r < nR; r++) if (sel[r] && !bestSel[r]) remove(r);
  for (let r = 0; r < nR; r++) if (!sel[r] && bestSel[r]) add(r);
  const asked = c.reqsOf.map((list) => list.length);
  const shareValue = (p: number, k: number) => (asked[p]! > 0 ? Math.sqrt(k / asked[p]!) : 0);
  for (let sweep = 0; sweep < 4; sweep++) {
    let improved = false;
    for (const r of byWeight) {
      if (sel[r]) continue;
      if (fits(r)) {
        add(r);
        improved = true;
        continue;
      }
      const a = c.reqA[r]!;
      const b = c.reqB[r]!;
      let full: number;
      let open: number;
      if (deg[a]! >= cap[a]! && deg[b]! < cap[b]!) [full, open] = [a, b];
      else if (deg[b]! >= cap[b]! && deg[a]! < cap[a]!) [full, open] = [b, a];
      else continue;
      const gainOpen = shareValue(open, deg[open]! + 1) - shareValue(open, deg[open]!);
      let swap = -1;
      let bestGain = 1e-12;
      for (const f of held[full]!) {
        if (locked(f) || c.weight[f] !== c.weight[r]) continue;
        if (c.needsInterp[r] && !c.needsInterp[f] && interp >= interpSlots) continue;
        const x = c.reqA[f] === full ? c.reqB[f]! : c.reqA[f]!;
        if (x === open) continue;
        const gain = gainOpen - (shareValue(x, deg[x]!) - shareValue(x, deg[x]! - 1));
        if (gain > bestGain) {
          bestGain = gain;
          swap = f;
        }
      }
      if (swap < 0) continue;
      remove(swap);
      add(r);
      improved = true;
    }
    if (!improved) break;
  }
  return Uint8Array.from(sel);
}
