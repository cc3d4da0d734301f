import type { CompiledInstance } from './compile-instance';

/** Beyond this many runs a participant's bound is not searched further (the fairness cap is 2). */
const MAX_RUNS_CHECKED = 3;

/**
 * A lower bound on the total breaks of any schedule holding `held` meetings: per participant, the
 * fewest unbroken runs of slots their meetings can fill when each meeting keeps to its own allowed
 * slots (sessions, forbidden slots, pins), minus one. A set of runs fits when the meetings can be
 * matched one-to-one to its slots (bipartite matching). Counting each participant alone ignores
 * tables and counterparts, so the bound is sound; on the UdG `forumt` files it equals the
 * published optimum (forbidden slots force every break there), which lets the search stop with a
 * proof instead of running on (decision 006).
 */
export function breakLowerBound(c: CompiledInstance, held: (r: number) => boolean): number {
  let total = 0;
  for (let p = 0; p < c.nP; p++) {
    const mine = [...c.reqsOf[p]!].filter(held);
    if (mine.length >= 2) total += fewestRuns(c, mine) - 1;
  }
  return total;
}

/** Fewest disjoint runs of consecutive slots, of total length k, that `mine` can be matched into. */
function fewestRuns(c: CompiledInstance, mine: number[]): number {
  const nS = c.nS;
  const k = mine.length;
  if (k > nS) return MAX_RUNS_CHECKED;
  const inUnion = new Uint8Array(nS);
  const fits = (): boolean => perfectMatching(c, mine, inUnion);
  // One run: a window of k slots.
  for (let a = 0; a + k <= nS; a++) {
    inUnion.fill(0);
    for (let s = a; s < a + k; s++) inUnion[s] = 1;
    if (fits()) return 1;
  }
  // Two runs of lengths l and k − l with at least one idle slot between them.
  for (let l = 1; l < k; l++) {
    for (let a = 0; a + l < nS; a++) {
      for (let b = a + l + 1; b + (k - l) <= nS; b++) {
        inUnion.fill(0);
        for (let s = a; s < a + l; s++) inUnion[s] = 1;
        for (let s = b; s < b + k - l; s++) inUnion[s] = 1;
        if (fits()) return 2;
      }
    }
  }
  return MAX_RUNS_CHECKED;
}

/** Every meeting gets its own slot of the union (Kuhn's augmenting paths; k ≤ slots, both small). */
function perfectMatching(c: CompiledInstance, mine: number[], inUnion: Uint8Array): boolean {
  const owner = new Int32Array(c.nS).fill(-1);
  const visited = new Uint8Array(c.nS);
  const augment = (i: number): boolean => {
    for (const s of c.domain[mine[i]!]!) {
      if (!inUnion[s] || visited[s]) continue;
      visited[s] = 1;
      if (owner[s] === -1 || augment(owner[s]!)) {
        owner[s] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < mine.length; i++) {
    visited.fill(0);
    if (!augment(i)) return false;
  }
  return true;
}
