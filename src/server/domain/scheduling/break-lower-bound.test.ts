import { describe, expect, it } from 'vitest';
import { breakLowerBound } from './break-lower-bound';
import { compileInstance } from './compile-instance';
import { generateInstance } from './generate-instance';
import { solveSchedule } from './solve-schedule';
import { buildInstance, person, request } from './test-factories';
import { validateSchedule } from './validate-schedule';

const sixSlots = [1, 2, 3, 4, 5, 6].map((k) => ({ id: String(k), session: k <= 3 ? 'am' : 'pm' }));
const all = () => true;

describe('breakLowerBound', () => {
  it('is 0 when every participant’s meetings fit one unbroken run', () => {
    const instance = buildInstance({
      slots: sixSlots,
      participants: [person('p'), person('x'), person('y'), person('z')],
      requests: [request('px', 'p', 'x', { session: 'am' }), request('py', 'p', 'y', { session: 'pm' }), request('pz', 'p', 'z')],
    });
    expect(breakLowerBound(compileInstance(instance), all)).toBe(0);
  });

  it('counts a break forced by sessions and forbidden slots: morning meeting by slot 2, afternoon one from slot 5', () => {
    const instance = buildInstance({
      slots: sixSlots,
      participants: [person('p', ['en'], { forbidden: ['3', '4'] }), person('x'), person('y')],
      requests: [request('px', 'p', 'x', { session: 'am', mandatory: true }), request('py', 'p', 'y', { session: 'pm', mandatory: true })],
      breakSpread: 2,
    });
    const c = compileInstance(instance);
    expect(breakLowerBound(c, all)).toBe(1);
    // The scheduler reaches the bound, so the schedule is optimal, and stays valid.
    const res = solveSchedule(instance, { seed: 3 });
    if (res.status !== 'scheduled') throw new Error(res.status);
    expect(res.stats.breaks.total).toBe(1);
    expect(validateSchedule(instance, res.schedule)).toEqual([]);
  });

  it('counts two breaks when three pins leave idle slots between them', () => {
    const instance = buildInstance({
      slots: sixSlots,
      participants: [person('p'), person('x'), person('y'), person('z')],
      requests: [request('px', 'p', 'x', { fixedSlot: '1' }), request('py', 'p', 'y', { fixedSlot: '3' }), request('pz', 'p', 'z', { fixedSlot: '5' })],
    });
    expect(breakLowerBound(compileInstance(instance), all)).toBe(2);
  });

  it('only counts the meetings it is told are held', () => {
    const instance = buildInstance({
      slots: sixSlots,
      participants: [person('p'), person('x'), person('y')],
      requests: [request('px', 'p', 'x', { fixedSlot: '1' }), request('py', 'p', 'y', { fixedSlot: '4' })],
    });
    const c = compileInstance(instance);
    expect(breakLowerBound(c, all)).toBe(1);
    expect(breakLowerBound(c, (r) => r === 0)).toBe(0);
  });

  it('never exceeds the breaks of a schedule the scheduler finds (a sound bound)', () => {
    for (const seed of [3, 4]) {
      const instance = generateInstance({ seed, participants: 60, oversubscription: 1.2 });
      const res = solveSchedule(instance, { seed: 1, effort: 0.2 });
      if (res.status !== 'scheduled') throw new Error(res.status);
      const c = compileInstance(instance);
      const held = new Set(res.schedule.meetings.map((m) => c.requestIndex.get(m.request)!));
      expect(breakLowerBound(c, (r) => held.has(r))).toBeLessThanOrEqual(res.stats.breaks.total);
    }
  });
});
