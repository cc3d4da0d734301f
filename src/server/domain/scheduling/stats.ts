import type { Schedule, SchedulingInstance } from './instance';

export interface ScheduleStats {
  requests: number;
  meetings: number;
  mandatoryRequests: number;
  mandatoryHeld: number;
  totalWeight: number;
  /** Sum of all request weights: what holding every request would give. */
  requestedWeight: number;
  breaks: {
    total: number;
    max: number;
    /** Largest minus smallest break count over all participants (the UdG fairness measure). */
    spread: number;
    perParticipant: Record<string, number>;
  };
  fairness: {
    /** Per participant with requests: held ÷ requested meetings they are a side of. */
    shares: Record<string, number>;
    minShare: number;
    meanShare: number;
    /** Largest minus smallest share. */
    shareSpread: number;
  };
  interpretedMeetings: number;
  seconds: number;
}

/** Statistics of a schedule, from the instance and the schedule alone. */
export function scheduleStats(instance: SchedulingInstance, schedule: Schedule, seconds: number): ScheduleStats {
  const slotPos = new Map(instance.slots.map((s, i) => [s.id, i]));
  const reqById = new Map(instance.requests.map((r) => [r.id, r]));
  const occupied = new Map<string, number[]>(instance.participants.map((p) => [p.id, []]));
  const requested = new Map<string, number>();
  const heldCount = new Map<string, number>();
  for (const r of instance.requests) {
    requested.set(r.a, (requested.get(r.a) ?? 0) + 1);
    requested.set(r.b, (requested.get(r.b) ?? 0) + 1);
  }
  let totalWeight = 0;
  let mandatoryHeld = 0;
  let interpreted = 0;
  for (const m of schedule.meetings) {
    const r = reqById.get(m.request);
    const pos = slotPos.get(m.slot);
    if (!r || pos === undefined) continue;
    totalWeight += r.weight;
    if (r.mandatory || r.fixedSlot !== undefined) mandatoryHeld++;
    if (m.interpreter !== null) interpreted++;
    for (const p of [r.a, r.b]) {
      occupied.get(p)?.push(pos);
      heldCount.set(p, (heldCount.get(p) ?? 0) + 1);
    }
  }
  const perParticipant: Record<string, number> = {};
  let total = 0;
  let max = 0;
  let min = Infinity;
  for (const [p, positions] of occupied) {
    positions.sort((x, y) => x - y);
    let breaks = 0;
    for (let k = 1; k < positions.length; k++) if (positions[k]! > positions[k - 1]! + 1) breaks++;
    perParticipant[p] = breaks;
    total += breaks;
    max = Math.max(max, breaks);
    min = Math.min(min, breaks);
  }
  const shares: Record<string, number> = {};
  let minShare = Infinity;
  let maxShare = -Infinity;
  let sumShare = 0;
  for (const [p, n] of requested) {
    const share = (heldCount.get(p) ?? 0) / n;
    shares[p] = round(share, 4);
    minShare = Math.min(minShare, share);
    maxShare = Math.max(maxShare, share);
    sumShare += share;
  }
  const withRequests = requested.size;
  return {
    requests: instance.requests.length,
    meetings: schedule.meetings.length,
    mandatoryRequests: instance.requests.filter((r) => r.mandatory || r.fixedSlot !== undefined).length,
    mandatoryHeld,
    totalWeight: round(totalWeight, 6),
    requestedWeight: round(instance.requests.reduce((s, r) => s + r.weight, 0), 6),
    breaks: { total, max, spread: occupied.size > 0 ? max - min : 0, perParticipant },
    fairness: {
      shares,
      minShare: withRequests ? round(minShare, 4) : 1,
      meanShare: withRequests ? round(sumShare / withRequests, 4) : 1,
      shareSpread: withRequests ? round(maxShare - minShare, 4) : 0,
    },
    interpretedMeetings: interpreted,
    seconds: round(seconds, 3),
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
