/**
 * The two ways organisers schedule today, run on the same instances as Ponte's scheduler:
 * first-come slot booking (each request, in arrival order, takes the earliest slot where it
 * fits) and round-robin by rank (participants take turns booking their next-best request).
 */
import { compileInstance } from '../../src/server/domain/scheduling/compile-instance';
import type { Schedule, SchedulingInstance } from '../../src/server/domain/scheduling/instance';
import { ScheduleState } from '../../src/server/domain/scheduling/schedule-state';
import { buildSchedule, placePinned } from '../../src/server/domain/scheduling/solve-schedule';

function bookEarliest(state: ScheduleState, r: number): boolean {
  for (const s of state.c.domain[r]!) if (state.place(r, s)) return true;
  return false;
}

export function firstComeBooking(instance: SchedulingInstance): Schedule {
  const state = new ScheduleState(compileInstance(instance));
  placePinned(state);
  for (let r = 0; r < state.c.nR; r++) if (!state.isHeld(r)) bookEarliest(state, r);
  return buildSchedule(state);
}

/** Each requester's list ranked by weight (then arrival); one request per requester per round. */
export function roundRobinByRank(instance: SchedulingInstance): Schedule {
  const c = compileInstance(instance);
  const state = new ScheduleState(c);
  placePinned(state);
  const lists: number[][] = Array.from({ length: c.nP }, () => []);
  for (let r = 0; r < c.nR; r++) lists[c.reqA[r]!]!.push(r);
  for (const l of lists) l.sort((x, y) => c.weight[y]! - c.weight[x]! || x - y);
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let round = 0; round < longest; round++) {
    for (let k = 0; k < c.nP; k++) {
      // Rotate who books first, so nobody always chooses first.
      const r = lists[(k + round) % c.nP]![round];
      if (r !== undefined && !state.isHeld(r)) bookEarliest(state, r);
    }
  }
  return buildSchedule(state);
}
