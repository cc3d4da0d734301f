import type { CompiledInstance } from './compile-instance';

/** Why the mandatory and pinned meetings cannot all be held, naming who and when. */
export interface SchedulingConflict {
  kind: 'no-slot' | 'over-maximum' | 'participant-overload' | 'tables-overload' | 'pinned-clash' | 'precedence';
  message: string;
  participants: string[];
  slots: string[];
  requests: string[];
}

/**
 * Necessary conditions for a schedule holding every mandatory (and pinned) meeting, each checked
 * exactly: Hall's condition per participant and for the tables (bipartite matching), pins that
 * collide, maxima, precedence cycles and chains longer than the slots allow. An empty list does
 * not prove feasibility; the solver's failure report covers the rest.
 */
export function findConflicts(c: CompiledInstance): SchedulingConflict[] {
  const out: SchedulingConflict[] = [];
  const { instance } = c;
  const pid = (p: number) => instance.participants[p]!.id;
  const sid = (s: number) => instance.slots[s]!.id;
  const rid = (r: number) => instance.requests[r]!.id;
  const mand: number[] = [];
  for (let r = 0; r < c.nR; r++) if (c.mandatory[r]) mand.push(r);

  for (const r of mand) {
    if (c.domain[r]!.length === 0) {
      out.push({ kind: 'no-slot', message: c.emptyDomainReason[r]!, participants: [pid(c.reqA[r]!), pid(c.reqB[r]!)], slots: [], requests: [rid(r)] });
    }
  }
  if (out.length > 0) return out;

  const mandOf: number[][] = Array.from({ length: c.nP }, () => []);
  for (const r of mand) {
    mandOf[c.reqA[r]!]!.push(r);
    mandOf[c.reqB[r]!]!.push(r);
  }

  // Pins sharing a participant and slot, or more pins in a slot than tables.
  const pinnedAt = new Map<number, number>();
  const pinsPerSlot = new Map<number, number[]>();
  for (const r of mand) {
    const s = c.fixed[r]!;
    if (s < 0) continue;
    pinsPerSlot.set(s, [...(pinsPerSlot.get(s) ?? []), r]);
    for (const p of [c.reqA[r]!, c.reqB[r]!]) {
      const key = p * c.nS + s;
      const other = pinnedAt.get(key);
      if (other !== undefined) {
        out.push({
          kind: 'pinned-clash',
          message: `requests ${rid(other)} and ${rid(r)} are both pinned to slot ${sid(s)} and both involve ${pid(p)}`,
          participants: [pid(p)],
          slots: [sid(s)],
          requests: [rid(other), rid(r)],
        });
      } else pinnedAt.set(key, r);
    }
  }
  for (const [s, rs] of pinsPerSlot) {
    if (rs.length > c.tables) {
      out.push({
        kind: 'pinned-clash',
        message: `${rs.length} meetings are pinned to slot ${sid(s)} but there are only ${c.tables} tables`,
        participants: [...new Set(rs.flatMap((r) => [pid(c.reqA[r]!), pid(c.reqB[r]!)]))],
        slots: [sid(s)],
        requests: rs.map(rid),
      });
    }
  }

  for (let p = 0; p < c.nP; p++) {
    const rs = mandOf[p]!;
    if (rs.length === 0) continue;
    if (rs.length > c.maxMeetings[p]!) {
      out.push({
        kind: 'over-maximum',
        message: `${pid(p)} has ${rs.length} mandatory meetings but a maximum of ${c.maxMeetings[p]}`,
        participants: [pid(p)],
        slots: [],
        requests: rs.map(rid),
      });
      continue;
    }
    const deficit = hallViolation(rs, c, 1);
    if (deficit) {
      const others = deficit.requests.map((r) => pid(c.reqA[r] === p ? c.reqB[r]! : c.reqA[r]!));
      out.push({
        kind: 'participant-overload',
        message:
          `${pid(p)} has ${deficit.requests.length} mandatory meetings (with ${others.join(', ')}) that can only be held in ` +
          `${deficit.slots.length} slot${deficit.slots.length === 1 ? '' : 's'} (${deficit.slots.map(sid).join(', ') || 'none'})`,
        participants: [pid(p), ...others],
        slots: deficit.slots.map(sid),
        requests: deficit.requests.map(rid),
      });
    }
  }

  const tableDeficit = hallViolation(mand, c, c.tables);
  if (tableDeficit) {
    out.push({
      kind: 'tables-overload',
      message:
        `${tableDeficit.requests.length} mandatory meetings can only be held in slots ${tableDeficit.slots.map(sid).join(', ')}, ` +
        `which have ${tableDeficit.slots.length * c.tables} table places`,
      participants: [...new Set(tableDeficit.requests.flatMap((r) => [pid(c.reqA[r]!), pid(c.reqB[r]!)]))],
      slots: tableDeficit.slots.map(sid),
      requests: tableDeficit.requests.map(rid),
    });
  }

  out.push(...precedenceConflicts(c, mand));
  return out;
}

/**
 * Matches requests to their allowed slots (each slot `capacity` times). When some request stays
 * unmatched, the requests reachable from it by alternating paths need more places than the slots
 * they reach offer: that set is the Hall violator returned.
 */
function hallViolation(rs: number[], c: CompiledInstance, capacity: number): { requests: number[]; slots: number[] } | null {
  const holders: number[][] = Array.from({ length: c.nS }, () => []);
  const slotOfReq = new Map<number, number>();
  const tryAssign = (r: number, seen: Set<number>): boolean => {
    for (const s of c.domain[r]!) {
      if (seen.has(s)) continue;
      seen.add(s);
      const h = holders[s]!;
      if (h.length < capacity) {
        h.push(r);
        slotOfReq.set(r, s);
        return true;
      }
      for (let k = 0; k < h.length; k++) {
        const other = h[k]!;
        if (tryAssign(other, seen)) {
          h[k] = r;
          slotOfReq.set(r, s);
          return true;
        }
      }
    }
    return false;
  };
  for (const r of rs) {
    if (tryAssign(r, new Set())) continue;
    // Alternating search from r: its slots, whoever holds them, their slots, …
    const reqs = new Set<number>([r]);
    const slots = new Set<number>();
    const queue = [r];
    while (queue.length > 0) {
      const q = queue.pop()!;
      for (const s of c.domain[q]!) {
        if (slots.has(s)) continue;
        slots.add(s);
        for (const h of holders[s]!) {
          if (!reqs.has(h)) {
            reqs.add(h);
            queue.push(h);
          }
        }
      }
    }
    return { requests: [...reqs].sort((x, y) => x - y), slots: [...slots].sort((x, y) => x - y) };
  }
  return null;
}

/** Cycles, and chains whose earliest possible slot comes after their latest. */
function precedenceConflicts(c: CompiledInstance, mand: number[]): SchedulingConflict[] {
  const rid = (r: number) => c.instance.requests[r]!.id;
  const pids = (rs: number[]) => [...new Set(rs.flatMap((r) => [c.instance.participants[c.reqA[r]!]!.id, c.instance.participants[c.reqB[r]!]!.id]))];
  const isMand = new Uint8Array(c.nR);
  for (const r of mand) isMand[r] = 1;
  // Kahn's order over mandatory requests.
  const indeg = new Int32Array(c.nR);
  for (const r of mand) for (const q of c.preds[r]!) if (isMand[q]) indeg[r]!++;
  const order: number[] = mand.filter((r) => indeg[r] === 0);
  for (let k = 0; k < order.length; k++) {
    for (const q of c.succs[order[k]!]!) if (isMand[q] && --indeg[q]! === 0) order.push(q);
  }
  if (order.length < mand.length) {
    const cyc = mand.filter((r) => indeg[r]! > 0);
    return [{ kind: 'precedence', message: `the precedences among requests ${cyc.map(rid).join(', ')} form a cycle`, participants: pids(cyc), slots: [], requests: cyc.map(rid) }];
  }
  const earliest = new Int32Array(c.nR);
  const via = new Int32Array(c.nR).fill(-1);
  for (const r of order) {
    let e = c.domain[r]![0]!;
    for (const q of c.preds[r]!) {
      if (isMand[q] && earliest[q]! + 1 > e) {
        e = earliest[q]! + 1;
        via[r] = q;
      }
    }
    // first allowed slot at or after e
    const next = c.domain[r]!.find((s) => s >= e);
    if (next === undefined) {
      const chain: number[] = [r];
      for (let q = via[r]!; q >= 0; q = via[q]!) chain.unshift(q);
      return [{
        kind: 'precedence',
        message: `requests ${chain.map(rid).join(' → ')} must happen in this order but the last cannot be held after slot ${c.instance.slots[e - 1]?.id ?? e}`,
        participants: pids(chain),
        slots: [],
        requests: chain.map(rid),
      }];
    }
    earliest[r] = next;
  }
  return [];
}
