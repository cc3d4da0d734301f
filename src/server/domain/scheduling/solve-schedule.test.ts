import { describe, expect, it } from 'vitest';
import { parseDzn } from './dzn';
import { generateInstance } from './generate-instance';
import type { SchedulingInstance } from './instance';
import { solveSchedule } from './solve-schedule';
import { buildInstance, person, request } from './test-factories';
import { validateSchedule } from './validate-schedule';

/** Deterministic and quick: no clock, small iteration budgets. */
const opts = { seed: 3, effort: 0.2 };

function scheduled(instance: SchedulingInstance) {
  const res = solveSchedule(instance, opts);
  if (res.status !== 'scheduled') throw new Error(`expected a schedule, got ${res.status}: ${JSON.stringify(res)}`);
  return res;
}

describe('solveSchedule', () => {
  it.each([
    [150, 1.2],
    [150, 2],
    [400, 2],
  ])('produces schedules that pass the validator on generated instances (%i participants, %f×)', (participants, oversubscription) => {
    const instance = generateInstance({ seed: 11, participants, oversubscription });
    const { schedule, stats } = scheduled(instance);
    expect(validateSchedule(instance, schedule)).toEqual([]);
    expect(stats.meetings).toBe(schedule.meetings.length);
    expect(schedule.meetings.length + schedule.unscheduled.length).toBe(instance.requests.length);
    expect(stats.interpretedMeetings).toBeGreaterThan(0);
  });

  it('holds every mandatory meeting and prefers heavier requests when capacity is short', () => {
    // One table, two slots, three requests between disjoint pairs: only two can be held.
    const instance = buildInstance({
      slots: [{ id: '1' }, { id: '2' }],
      tables: 1,
      participants: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => person(id)),
      requests: [request('light', 'a', 'b', { weight: 1 }), request('must', 'c', 'd', { weight: 1, mandatory: true }), request('heavy', 'e', 'f', { weight: 5 })],
    });
    const { schedule, stats } = scheduled(instance);
    expect(schedule.meetings.map((m) => m.request).sort()).toEqual(['heavy', 'must']);
    expect(schedule.unscheduled).toEqual(['light']);
    expect(stats.totalWeight).toBe(6);
  });

  it('gives a meeting without a common language an interpreter who speaks both sides, when available', () => {
    const instance = buildInstance({
      slots: [{ id: '1' }, { id: '2' }],
      interpreters: [{ id: 'en-de', languages: ['en', 'de'] }, { id: 'it-zh', languages: ['it', 'zh'], available: ['2'] }],
      participants: [person('it', ['it']), person('zh', ['zh']), person('x', ['it']), person('y', ['it'])],
      requests: [request('r', 'it', 'zh', { mandatory: true }), request('s', 'x', 'y')],
    });
    const { schedule } = scheduled(instance);
    expect(schedule.meetings.find((m) => m.request === 'r')).toMatchObject({ slot: '2', interpreter: 'it-zh' });
    expect(schedule.meetings.find((m) => m.request === 's')?.interpreter).toBeNull();
  });

  it('keeps pinned meetings in their slot and respects maxima and precedences', () => {
    const instance = buildInstance({
      participants: [person('a', ['en'], { maxMeetings: 2 }), person('b'), person('c'), person('d')],
      requests: [
        request('p', 'a', 'b', { fixedSlot: '3' }),
        request('q', 'a', 'c', { weight: 3 }),
        request('r', 'a', 'd', { weight: 2 }),
        request('s', 'c', 'd', { mandatory: true }),
        request('t', 'b', 'c', { mandatory: true }),
      ],
      precedences: [{ before: 't', after: 's' }],
    });
    const { schedule } = scheduled(instance);
    expect(validateSchedule(instance, schedule)).toEqual([]);
    expect(schedule.meetings.find((m) => m.request === 'p')?.slot).toBe('3');
    expect(schedule.unscheduled).toEqual(['r']);
  });

  it('places a small UdG-style instance with no breaks when a compact schedule exists', () => {
    const { instance } = parseDzn(`nBusiness = 4; nMeetings = 4; nTables = 2; nTotalSlots = 6; nMorningSlots = 3;
      requested = [| 1,2,3 | 1,3,3 | 1,4,3 | 2,3,3 |];
      forbidden = [{0},{0},{0},{0,1,2}]; fixed = [0,0,0,0]; precedences = [{},{},{},{}];`);
    const { schedule, stats } = scheduled(instance);
    expect(validateSchedule(instance, schedule)).toEqual([]);
    expect(stats.meetings).toBe(4);
    expect(stats.breaks.total).toBe(0);
  });
});

describe('solveSchedule on infeasible events', () => {
  const expectInfeasible = (instance: SchedulingInstance) => {
    const res = solveSchedule(instance, opts);
    if (res.status !== 'infeasible') throw new Error(`expected infeasible, got ${res.status}`);
    return res.conflicts;
  };

  it('names the participant and slots when one person has more mandatory meetings than slots', () => {
    const instance = buildInstance({
      slots: [{ id: 'am' }, { id: 'pm' }, { id: 'eve' }],
      tables: 5,
      participants: [person('busy', ['en'], { available: ['am', 'pm'] }), person('x'), person('y'), person('z')],
      requests: [request('1', 'busy', 'x', { mandatory: true }), request('2', 'busy', 'y', { mandatory: true }), request('3', 'busy', 'z', { mandatory: true })],
    });
    const [conflict] = expectInfeasible(instance);
    expect(conflict).toMatchObject({ kind: 'participant-overload', participants: ['busy', 'x', 'y', 'z'], slots: ['am', 'pm'] });
    expect(conflict!.message).toMatch(/busy has 3 mandatory meetings .* 2 slots \(am, pm\)/);
  });

  it('names the sides of a mandatory meeting that has no common slot', () => {
    const instance = buildInstance({
      participants: [person('early', ['en'], { available: ['1'] }), person('late', ['en'], { available: ['4'] })],
      requests: [request('m', 'early', 'late', { mandatory: true })],
    });
    const [conflict] = expectInfeasible(instance);
    expect(conflict).toMatchObject({ kind: 'no-slot', participants: ['early', 'late'], requests: ['m'] });
  });

  it('reports two pins of one participant in one slot', () => {
    const instance = buildInstance({
      participants: [person('a'), person('b'), person('c')],
      requests: [request('1', 'a', 'b', { fixedSlot: '2' }), request('2', 'a', 'c', { fixedSlot: '2' })],
    });
    expect(expectInfeasible(instance)[0]).toMatchObject({ kind: 'pinned-clash', participants: ['a'], slots: ['2'] });
  });

  it('reports more mandatory meetings than table places in the slots they can use', () => {
    const instance = buildInstance({
      slots: [{ id: '1', session: 'am' }, { id: '2', session: 'pm' }],
      tables: 1,
      participants: ['a', 'b', 'c', 'd'].map((id) => person(id)),
      requests: [request('1', 'a', 'b', { mandatory: true, session: 'am' }), request('2', 'c', 'd', { mandatory: true, session: 'am' })],
    });
    expect(expectInfeasible(instance)[0]).toMatchObject({ kind: 'tables-overload', slots: ['1'], participants: ['a', 'b', 'c', 'd'] });
  });

  it('reports a precedence cycle', () => {
    const instance = buildInstance({
      participants: ['a', 'b', 'c', 'd'].map((id) => person(id)),
      requests: [request('1', 'a', 'b', { mandatory: true }), request('2', 'c', 'd', { mandatory: true })],
      precedences: [{ before: '1', after: '2' }, { before: '2', after: '1' }],
    });
    expect(expectInfeasible(instance)[0]).toMatchObject({ kind: 'precedence', requests: ['1', '2'] });
  });

  it('reports a mandatory meeting over a maximum', () => {
    const instance = buildInstance({
      participants: [person('a', ['en'], { maxMeetings: 1 }), person('b'), person('c')],
      requests: [request('1', 'a', 'b', { mandatory: true }), request('2', 'a', 'c', { mandatory: true })],
    });
    expect(expectInfeasible(instance)[0]).toMatchObject({ kind: 'over-maximum', participants: ['a'] });
  });
});
