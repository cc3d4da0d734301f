import type { CompiledInstance } from './compile-instance';

/**
 * A partial schedule kept consistent with every hard constraint: who sits where, table load per
 * slot, meetings per participant and a maximum matching of interpreters to meetings per slot.
 * `place` refuses (and changes nothing) when the meeting does not fit.
 */
export class ScheduleState {
  readonly slotOf: Int32Array;
  /** nP × nS → request index or -1. */
  readonly busy: Int32Array;
  readonly load: Int32Array;
  readonly held: Int32Array;
  readonly interpOf: Int32Array;
  /** nI × nS → request index or -1. */
  readonly interpAt: Int32Array;
  /** Requests held per slot, unordered; `posInSlot` makes removal O(1). */
  readonly members: number[][];
  private readonly posInSlot: Int32Array;
  private readonly visited: Int32Array;
  private stamp = 0;
  /**
   * Per slot, how often an interpreter was freed; per slot and class of meetings, that count when
   * the matching last failed to grow. Only freeing an interpreter can make it grow again.
   */
  private readonly interpFreed: Int32Array;
  private readonly noInterpAt: Int32Array;
  /** Per slot: interpreters available and interpreters assigned; no free one means no augmenting path. */
  private readonly interpAvailCount: Int32Array;
  private readonly interpUsed: Int32Array;
  /** Bumped whenever a slot's meetings change, so callers can cache per-slot facts. */
  readonly slotVersion: Int32Array;
  heldWeight = 0;
  heldCount = 0;

  constructor(readonly c: CompiledInstance) {
    this.slotOf = new Int32Array(c.nR).fill(-1);
    this.busy = new Int32Array(c.nP * c.nS).fill(-1);
    this.load = new Int32Array(c.nS);
    this.held = new Int32Array(c.nP);
    this.interpOf = new Int32Array(c.nR).fill(-1);
    this.interpAt = new Int32Array(c.nI * c.nS).fill(-1);
    this.members = Array.from({ length: c.nS }, () => []);
    this.posInSlot = new Int32Array(c.nR).fill(-1);
    this.visited = new Int32Array(Math.max(1, c.nI));
    this.slotVersion = new Int32Array(c.nS);
    this.interpFreed = new Int32Array(c.nS);
    this.noInterpAt = new Int32Array(Math.max(1, c.nInterpClasses * c.nS)).fill(-1);
    this.interpAvailCount = new Int32Array(c.nS);
    this.interpUsed = new Int32Array(c.nS);
    for (let i = 0; i < c.nI; i++) for (let s = 0; s < c.nS; s++) this.interpAvailCount[s]! += c.interpAvail[i * c.nS + s]!;
  }

  isHeld(r: number): boolean {
    return this.slotOf[r]! >= 0;
  }

  /** Every rule except interpreters, which need the matching (see `place`). */
  fitsBasic(r: number, s: number): boolean {
    const c = this.c;
    if (!c.allowed[r * c.nS + s]) return false;
    const a = c.reqA[r]!;
    const b = c.reqB[r]!;
    if (this.busy[a * c.nS + s] !== -1 || this.busy[b * c.nS + s] !== -1) return false;
    if (this.load[s]! >= c.tables) return false;
    if (this.slotOf[r]! < 0 && (this.held[a]! >= c.maxMeetings[a]! || this.held[b]! >= c.maxMeetings[b]!)) return false;
    return this.precedenceOk(r, s);
  }

  precedenceOk(r: number, s: number): boolean {
    for (const q of this.c.preds[r]!) {
      const t = this.slotOf[q]!;
      if (t >= 0 && t >= s) return false;
    }
    for (const q of this.c.succs[r]!) {
      const t = this.slotOf[q]!;
      if (t >= 0 && t <= s) return false;
    }
    return true;
  }

  /** Places an unheld request when it fits; false (and no change) otherwise. */
  place(r: number, s: number): boolean {
    if (this.slotOf[r]! >= 0 || !this.fitsBasic(r, s)) return false;
    if (this.c.needsInterp[r]) {
      if (!this.assignInterpreter(r, s)) return false;
      this.interpUsed[s]!++;
    }
    this.commit(r, s);
    return true;
  }

  unplace(r: number): void {
    const c = this.c;
    const s = this.slotOf[r]!;
    if (s < 0) return;
    const a = c.reqA[r]!;
    const b = c.reqB[r]!;
    this.busy[a * c.nS + s] = -1;
    this.busy[b * c.nS + s] = -1;
    this.load[s]!--;
    this.held[a]!--;
    this.held[b]!--;
    const i = this.interpOf[r]!;
    if (i >= 0) {
      this.interpAt[i * c.nS + s] = -1;
      this.interpOf[r] = -1;
      this.interpFreed[s]!++;
      this.interpUsed[s]!--;
    }
    const list = this.members[s]!;
    const pos = this.posInSlot[r]!;
    const last = list.pop()!;
    if (last !== r) {
      list[pos] = last;
      this.posInSlot[last] = pos;
    }
    this.posInSlot[r] = -1;
    this.slotOf[r] = -1;
    this.slotVersion[s]!++;
    this.heldWeight -= c.weight[r]!;
    this.heldCount--;
  }

  /** Moves a held request to another slot, or leaves it where it was and returns false. */
  move(r: number, t: number): boolean {
    const s = this.slotOf[r]!;
    if (s === t) return true;
    this.unplace(r);
    if (this.place(r, t)) return true;
    if (!this.place(r, s)) throw new Error(`scheduler invariant: request ${r} could not return to slot ${s}`);
    return false;
  }

  /**
   * Gives held meeting r interpreter i in its slot when i is free there, or swaps with the meeting
   * holding i when each can take the other's interpreter. The matching stays valid either way.
   */
  preferInterpreter(r: number, i: number, keep: (q: number) => boolean = () => false): boolean {
    const c = this.c;
    const s = this.slotOf[r]!;
    const mine = this.interpOf[r]!;
    if (s < 0 || mine < 0 || mine === i) return mine === i;
    const cell = i * c.nS + s;
    if (!c.interpAvail[cell] || !c.interpCandidates[r]!.includes(i)) return false;
    const q = this.interpAt[cell]!;
    if (q >= 0 && (keep(q) || !c.interpCandidates[q]!.includes(mine))) return false;
    this.interpAt[mine * c.nS + s] = q;
    if (q >= 0) this.interpOf[q] = mine;
    this.interpAt[cell] = r;
    this.interpOf[r] = i;
    return true;
  }

  /**
   * A free interpreter if there is one, else an augmenting path. A failure is remembered per slot
   * and class of candidates until an interpreter is freed in that slot.
   */
  private assignInterpreter(r: number, s: number): boolean {
    const c = this.c;
    // Every interpreter of the slot busy: an augmenting path needs a free one at its end.
    if (this.interpUsed[s]! >= this.interpAvailCount[s]!) return false;
    const cell = c.interpClass[r]! * c.nS + s;
    if (this.noInterpAt[cell] === this.interpFreed[s]) return false;
    for (const i of c.interpCandidates[r]!) {
      const at = i * c.nS + s;
      if (c.interpAvail[at] && this.interpAt[at] === -1) {
        this.interpAt[at] = r;
        this.interpOf[r] = i;
        return true;
      }
    }
    this.stamp++;
    if (this.augment(r, s)) return true;
    this.noInterpAt[cell] = this.interpFreed[s]!;
    return false;
  }

  /** Kuhn's augmenting path from meeting r over the interpreters available in slot s. */
  private augment(r: number, s: number): boolean {
    const c = this.c;
    for (const i of c.interpCandidates[r]!) {
      const cell = i * c.nS + s;
      if (!c.interpAvail[cell] || this.visited[i] === this.stamp) continue;
      this.visited[i] = this.stamp;
      const other = this.interpAt[cell]!;
      if (other === -1 || this.augment(other, s)) {
        this.interpAt[cell] = r;
        this.interpOf[r] = i;
        return true;
      }
    }
    return false;
  }

  private commit(r: number, s: number): void {
    const c = this.c;
    const a = c.reqA[r]!;
    const b = c.reqB[r]!;
    this.slotOf[r] = s;
    this.busy[a * c.nS + s] = r;
    this.busy[b * c.nS + s] = r;
    this.load[s]!++;
    this.held[a]!++;
    this.held[b]!++;
    this.posInSlot[r] = this.members[s]!.length;
    this.members[s]!.push(r);
    this.slotVersion[s]!++;
    this.heldWeight += c.weight[r]!;
    this.heldCount++;
  }

  /** Breaks of participant p: maximal idle runs between their first and last meeting. */
  breaksOf(p: number): number {
    const nS = this.c.nS;
    const row = p * nS;
    let breaks = 0;
    let seen = false;
    let idle = false;
    for (let s = 0; s < nS; s++) {
      if (this.busy[row + s] !== -1) {
        if (seen && idle) breaks++;
        seen = true;
        idle = false;
      } else idle = true;
    }
    return breaks;
  }

  /** Breaks and idle slots of p if slot `extra` were taken too (ignored when < 0). */
  shapeWith(p: number, extra: number): { breaks: number; gaps: number } {
    const nS = this.c.nS;
    const row = p * nS;
    let breaks = 0;
    let gaps = 0;
    let seen = false;
    let idleRun = 0;
    for (let s = 0; s < nS; s++) {
      if (this.busy[row + s] !== -1 || s === extra) {
        if (seen && idleRun > 0) {
          breaks++;
          gaps += idleRun;
        }
        seen = true;
        idleRun = 0;
      } else idleRun++;
    }
    return { breaks, gaps };
  }

  /** Idle slots between p's first and last meeting: a finer signal that guides break search. */
  gapSlotsOf(p: number): number {
    const nS = this.c.nS;
    const row = p * nS;
    let first = -1;
    let last = -1;
    let count = 0;
    for (let s = 0; s < nS; s++) {
      if (this.busy[row + s] !== -1) {
        if (first < 0) first = s;
        last = s;
        count++;
      }
    }
    return first < 0 ? 0 : last - first + 1 - count;
  }
}
