import { describe, expect, it } from 'vitest';
import { generateInstance } from './generate-instance';
import type { Schedule, SchedulingInstance } from './instance';
import { rescheduleMeetings } from './reschedule';
import { solveSchedule } from './solve-schedule';
import { validateSchedule } from './validate-schedule';

const opts = { seed: 5, effort: 0.2 };

function firstSchedule(instance: SchedulingInstance): Schedule {
  const res = solveSchedule(instance, opts);
  if (res.status !== 'scheduled') throw new Error(res.status);
  return res.schedule;
}

function rescheduled(instance: SchedulingInstance, previous: Schedule, pinned: string[] = []) {
  const res = rescheduleMeetings(instance, previous, { ...opts, pinned });
  if (res.status !== 'scheduled') throw new Error(`${res.status}: ${JSON.stringify(res)}`);
  expect(validateSchedule(instance, res.schedule)).toEqual([]);
  return res;
}

describe('rescheduleMeetings', () => {
  const instance = generateInstance({ seed: 21, participants: 120, oversubscription: 1.2 });
  const previous = firstSchedule(instance);
  const slotOf = new Map(previous.meetings.map((m) => [m.request, m.slot]));

  it('moves nothing after cancellations and drops only the cancelled meetings', () => {
    const cancelled = new Set(previous.meetings.slice(0, 10).map((m) => m.request));
    const after = { ...instance, requests: instance.requests.filter((r) => !cancelled.has(r.id)) };
    const res = rescheduled(after, previous);
    expect(res.moved).toEqual([]);
    expect(new Set(res.dropped)).toEqual(cancelled);
    // The freed places may take waiting requests; every kept meeting keeps slot and table.
    const before = new Map(previous.meetings.map((m) => [m.request, m]));
    for (const m of res.schedule.meetings) {
      const was = before.get(m.request);
      if (was) expect(m).toEqual(was);
    }
  });

  it('moves only meetings of a late arrival when their slots are gone, and never a pinned one', () => {
    const late = instance.participants.find((p) => p.available === undefined && previous.meetings.filter((m) => involves(m.request, p.id)).length >= 3)!;
    const theirs = previous.meetings.filter((m) => involves(m.request, late.id));
    const early = theirs.map((m) => m.slot).sort()[0]!;
    const pinned = previous.meetings.filter((m) => !involves(m.request, late.id)).slice(0, 20).map((m) => m.request);
    const after: SchedulingInstance = {
      ...instance,
      participants: instance.participants.map((p) => (p.id === late.id ? { ...p, available: instance.slots.map((s) => s.id).filter((s) => s > early) } : p)),
    };
    const res = rescheduled(after, previous, pinned);
    for (const id of pinned) expect(res.schedule.meetings.find((m) => m.request === id)?.slot).toBe(slotOf.get(id));
    const displaced = theirs.filter((m) => m.slot === early).length;
    expect(res.moved.length + res.dropped.length).toBeLessThanOrEqual(displaced * 3);
    expect(res.moved.every((mv) => !pinned.includes(mv.request))).toBe(true);
  });

  it('adds a new request without moving confirmed meetings when it fits', () => {
    const held = (id: string) => previous.meetings.filter((m) => involves(m.request, id)).length;
    const partner = instance.participants.find((p) => p.available === undefined && p.languages.includes('en') && held(p.id) < (p.maxMeetings ?? 99) && held(p.id) < 10)!;
    const after: SchedulingInstance = {
      ...instance,
      participants: [...instance.participants, { id: 'newcomer', languages: ['en'] }],
      requests: [...instance.requests, { id: 'new-1', a: 'newcomer', b: partner.id, weight: 9 }],
    };
    const res = rescheduled(after, previous);
    expect(res.added).toContain('new-1');
    expect(res.moved).toEqual([]);
    expect(res.dropped).toEqual([]);
  });

  function involves(requestId: string, participant: string): boolean {
    const r = instance.requests.find((x) => x.id === requestId)!;
    return r.a === participant || r.b === participant;
  }
});
