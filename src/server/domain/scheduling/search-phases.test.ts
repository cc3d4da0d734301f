import { describe, expect, it } from 'vitest';
import { Rng } from '../synth/prng';
import { annealBreaks, canAnneal } from './break-annealing';
import { compileInstance } from './compile-instance';
import { generateInstance } from './generate-instance';
import type { SchedulingInstance } from './instance';
import { kempeInsert } from './placement';
import { ScheduleState } from './schedule-state';
import { selectRequests } from './select-requests';
import { buildSchedule } from './solve-schedule';
import { solveSchedule } from './solve-schedule';
import { buildInstance, person, request } from './test-factories';
import { validateSchedule } from './validate-schedule';

const weightOf = (instance: SchedulingInstance, chosen: Uint8Array) => instance.requests.reduce((s, r, k) => s + (chosen[k] ? r.weight : 0), 0);

describe('selectRequests (slot-free choice of the requests to hold)', () => {
  it('keeps every mandatory request, each participant within min(maximum, usable slots), and beats greedy by weight', () => {
    const instance = generateInstance({ seed: 5, participants: 150, oversubscription: 2 });
    const k = compileInstance(instance).domain.findIndex((d) => d.length > 0);
    instance.requests[k]!.mandatory = true;
    instance.requests[k]!.weight = 0;
    const c = compileInstance(instance);
    const chosen = selectRequests(c, new Rng(1), 60_000, () => false);
    expect(chosen[k]).toBe(1);
    const degree = new Map<string, number>();
    let count = 0;
    instance.requests.forEach((r, k) => {
      if (!chosen[k]) return;
      count++;
      for (const p of [r.a, r.b]) degree.set(p, (degree.get(p) ?? 0) + 1);
    });
    for (const p of instance.participants) expect(degree.get(p.id) ?? 0).toBeLessThanOrEqual(Math.min(p.maxMeetings ?? Infinity, instance.slots.length));
    expect(count).toBeLessThanOrEqual(instance.tables * instance.slots.length);
    // Greedy by weight alone (the search's starting point) is a lower bound it must not fall below.
    const greedy = selectRequests(c, new Rng(1), 0, () => false);
    expect(weightOf(instance, chosen)).toBeGreaterThan(weightOf(instance, greedy));
  });

  it('between sets of equal weight, gives the meeting to whoever holds the smaller share of their requests', () => {
    // a can meet once: with b (who meets d anyway) or with c (who has nobody else). Same weight.
    const instance = buildInstance({
      slots: [{ id: '1' }, { id: '2' }],
      tables: 2,
      participants: [person('a', ['en'], { maxMeetings: 1 }), person('b'), person('c'), person('d')],
      requests: [request('ab', 'a', 'b', { weight: 2 }), request('ac', 'a', 'c', { weight: 2 }), request('bd', 'b', 'd', { weight: 2 })],
    });
    const c = compileInstance(instance);
    // Greedy by weight takes the first of the two (ab) and would leave c with nothing; the fairness
    // pass swaps it for ac, with or without the weight search before it.
    expect(Array.from(selectRequests(c, new Rng(1), 0, () => false))).toEqual([0, 1, 1]);
    expect(Array.from(selectRequests(c, new Rng(1), 2_000, () => false))).toEqual([0, 1, 1]);
  });

  it('is deterministic for a seed', () => {
    const c = compileInstance(generateInstance({ seed: 9, participants: 100, oversubscription: 2 }));
    expect(Array.from(selectRequests(c, new Rng(4), 20_000, () => false))).toEqual(Array.from(selectRequests(c, new Rng(4), 20_000, () => false)));
  });
});

describe('kempeInsert', () => {
  it('frees a slot for a request by swapping a chain of meetings between two slots', () => {
    // a is free only in slot 1, where b meets c; b and c are both free in slot 2.
    const instance = buildInstance({
      slots: [{ id: '1' }, { id: '2' }],
      tables: 3,
      participants: [person('a'), person('b'), person('c'), person('d')],
      requests: [request('bc', 'b', 'c'), request('ad', 'a', 'd'), request('ab', 'a', 'b')],
    });
    const c = compileInstance(instance);
    const state = new ScheduleState(c);
    expect(state.place(0, 0)).toBe(true); // bc in slot 1
    expect(state.place(1, 1)).toBe(true); // ad in slot 2
    expect(state.fitsBasic(2, 0) || state.fitsBasic(2, 1)).toBe(false);
    expect(kempeInsert(state, 2, new Rng(1))).toBe(true);
    // Either bc or ad changed slot to make way; ab is held and nothing was dropped.
    expect(state.heldCount).toBe(3);
    expect(validateSchedule(instance, buildSchedule(state))).toEqual([]);
  });

  it('changes nothing when every chain would move a pinned meeting', () => {
    const instance = buildInstance({
      slots: [{ id: '1' }, { id: '2' }],
      tables: 3,
      participants: [person('a'), person('b'), person('c'), person('d')],
      requests: [request('bc', 'b', 'c', { fixedSlot: '1' }), request('ad', 'a', 'd', { fixedSlot: '2' }), request('ab', 'a', 'b')],
    });
    const state = new ScheduleState(compileInstance(instance));
    state.place(0, 0);
    state.place(1, 1);
    expect(kempeInsert(state, 2, new Rng(1))).toBe(false);
    expect([state.slotOf[0], state.slotOf[1], state.slotOf[2]]).toEqual([0, 1, -1]);
  });
});

describe('annealBreaks (soft table limit)', () => {
  // Six participants in a ring of mandatory meetings, two tables, sessions, a pin and a precedence.
  const ring = () =>
    buildInstance({
      slots: [1, 2, 3, 4, 5, 6].map((k) => ({ id: String(k), session: k <= 3 ? 'am' : 'pm' })),
      tables: 2,
      participants: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => person(id)),
      requests: [
        request('ab', 'a', 'b', { mandatory: true }),
        request('bc', 'b', 'c', { mandatory: true, session: 'am' }),
        request('cd', 'c', 'd', { mandatory: true }),
        request('de', 'd', 'e', { mandatory: true, fixedSlot: '5' }),
        request('ef', 'e', 'f', { mandatory: true }),
        request('fa', 'f', 'a', { mandatory: true, session: 'pm' }),
        request('ad', 'a', 'd', { mandatory: true }),
      ],
      precedences: [{ before: 'ab', after: 'cd' }],
      breakSpread: 2,
    });

  it('never leaves a slot over the table limit and keeps pins, sessions and precedences', () => {
    const instance = ring();
    const c = compileInstance(instance);
    const state = new ScheduleState(c);
    // A deliberately scattered start, every meeting held.
    const start = { ab: '1', bc: '3', cd: '6', de: '5', ef: '2', fa: '4', ad: '2' } as Record<string, string>;
    instance.requests.forEach((r, k) => expect(state.place(k, c.slotIndex.get(start[r.id]!)!)).toBe(true));
    expect(canAnneal(state)).toBe(true);
    const before = Array.from({ length: c.nP }, (_, p) => state.breaksOf(p)).reduce((x, y) => x + y, 0);
    const after = annealBreaks(state, { rng: new Rng(2), iterations: 50_000, movable: (r) => c.fixed[r]! < 0, outOfTime: () => false });
    expect(after).toBeLessThanOrEqual(before);
    const schedule = buildSchedule(state);
    expect(validateSchedule(instance, schedule)).toEqual([]);
    expect(schedule.meetings.find((m) => m.request === 'de')?.slot).toBe('5');
    expect(Array.from({ length: c.nP }, (_, p) => state.breaksOf(p)).reduce((x, y) => x + y, 0)).toBe(after);
  });

  it('stops at once when the schedule already meets the lower bound it is given', () => {
    const instance = ring();
    const c = compileInstance(instance);
    const state = new ScheduleState(c);
    const start = { ab: '1', bc: '3', cd: '6', de: '5', ef: '2', fa: '4', ad: '2' } as Record<string, string>;
    instance.requests.forEach((r, k) => expect(state.place(k, c.slotIndex.get(start[r.id]!)!)).toBe(true));
    const before = Array.from({ length: c.nP }, (_, p) => state.breaksOf(p)).reduce((x, y) => x + y, 0);
    const slots = Array.from(state.slotOf);
    const after = annealBreaks(state, { rng: new Rng(2), iterations: 50_000, movable: (r) => c.fixed[r]! < 0, outOfTime: () => false, lowerBound: before });
    expect(after).toBe(before);
    expect(Array.from(state.slotOf)).toEqual(slots);
  });

  it('keeps every constraint on a dense event, where Kempe chains run long', () => {
    // The octahedron (K6 less a perfect matching): everyone meets four others in four slots on
    // three tables, so every table-slot is used and everyone is busy all day.
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const twin = (k: number) => k ^ 1;
    const requests = [];
    for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) if (j !== twin(i)) requests.push(request(`${ids[i]}${ids[j]}`, ids[i]!, ids[j]!, { mandatory: true }));
    const instance = buildInstance({ slots: ['1', '2', '3', '4'].map((id) => ({ id })), tables: 3, participants: ids.map((id) => person(id)), requests, breakSpread: 2 });
    expect(requests).toHaveLength(12);
    const res = solveSchedule(instance, { seed: 5 });
    if (res.status !== 'scheduled') throw new Error(res.status);
    expect(res.schedule.unscheduled).toEqual([]);
    expect(validateSchedule(instance, res.schedule)).toEqual([]);
    expect(res.stats.breaks.total).toBe(0);
  });

  it('does not apply when a held meeting needs an interpreter', () => {
    const instance = buildInstance({
      interpreters: [{ id: 'i', languages: ['it', 'zh'] }],
      participants: [person('it', ['it']), person('zh', ['zh'])],
      requests: [request('r', 'it', 'zh')],
    });
    const state = new ScheduleState(compileInstance(instance));
    expect(state.place(0, 0)).toBe(true);
    expect(canAnneal(state)).toBe(false);
  });
});

describe('solveSchedule determinism', () => {
  it('gives the same schedule twice for one seed (no clock, iteration budgets only)', () => {
    const instance = generateInstance({ seed: 21, participants: 120, oversubscription: 2 });
    const one = solveSchedule(instance, { seed: 7, effort: 0.2 });
    const two = solveSchedule(instance, { seed: 7, effort: 0.2 });
    if (one.status !== 'scheduled' || two.status !== 'scheduled') throw new Error('expected schedules');
    expect(two.schedule).toEqual(one.schedule);
  });
});
