import { describe, expect, it } from 'vitest';
import type { ScheduledMeeting } from './instance';
import { buildInstance, person, request } from './test-factories';
import { validateSchedule } from './validate-schedule';

const instance = buildInstance({
  slots: [{ id: '1', session: 'am' }, { id: '2', session: 'am' }, { id: '3', session: 'pm' }, { id: '4', session: 'pm' }],
  tables: 2,
  interpreters: [
    { id: 'i1', languages: ['it', 'zh'], available: ['1', '2'] },
    { id: 'i2', languages: ['en', 'de'] },
  ],
  participants: [
    person('it1', ['it']),
    person('zh1', ['zh']),
    person('en1', ['en', 'it'], { available: ['1', '2', '3'], maxMeetings: 2 }),
    person('en2', ['en'], { forbidden: ['2'] }),
    person('en3', ['en']),
    person('it2', ['it']),
    person('zh2', ['zh']),
  ],
  requests: [
    request('r1', 'it1', 'zh1'),
    request('r2', 'en1', 'en2'),
    request('r3', 'en1', 'en3', { session: 'pm' }),
    request('r4', 'en2', 'en3', { mandatory: true }),
    request('r5', 'it1', 'en1', { fixedSlot: '4' }),
    request('r6', 'zh1', 'en3'),
    request('r7', 'en1', 'en3'),
    request('r8', 'it2', 'zh2'),
  ],
  precedences: [{ before: 'r2', after: 'r3' }],
});

const m = (request: string, slot: string, table: number, interpreter: string | null = null): ScheduledMeeting => ({ request, slot, table, interpreter });
/** A valid schedule to break one rule at a time. r5 (pinned to 4) needs en1, who is away in 4. */
const base = [m('r1', '1', 1, 'i1'), m('r2', '1', 2), m('r3', '3', 1), m('r4', '4', 1)];
const kinds = (meetings: ScheduledMeeting[]) => validateSchedule(instance, { meetings }).map((v) => v.kind);

describe('validateSchedule', () => {
  it('accepts a schedule that keeps every rule apart from the impossible pin', () => {
    expect(kinds(base)).toEqual(['pinned-moved']);
  });

  it.each([
    ['unknown-request', [...base, m('nope', '2', 1)]],
    ['duplicate-request', [...base, m('r1', '2', 1, 'i1')]],
    ['unknown-slot', [...base, m('r6', '9', 1)]],
    ['table-out-of-range', [...base.slice(1), m('r1', '1', 3, 'i1')]],
    ['table-double-booked', [m('r1', '1', 1, 'i1'), m('r2', '1', 1), base[2]!, base[3]!]],
    ['tables-exceeded', [...base, m('r6', '1', 3)]],
    ['participant-double-booked', [...base, m('r6', '1', 2)]],
    ['participant-unavailable', [base[0]!, m('r2', '2', 1), base[2]!, base[3]!]],
    ['session', [base[0]!, base[1]!, m('r3', '2', 1), base[3]!]],
    ['mandatory-missing', base.slice(0, 3)],
    ['max-meetings', [...base, m('r7', '2', 1)]],
    ['interpreter-missing', [m('r1', '1', 1), ...base.slice(1)]],
    ['interpreter-unknown', [m('r1', '1', 1, 'ghost'), ...base.slice(1)]],
    ['interpreter-languages', [m('r1', '1', 1, 'i2'), ...base.slice(1)]],
    ['interpreter-unavailable', [m('r1', '3', 2, 'i1'), ...base.slice(1)]],
    ['interpreter-double-booked', [...base, m('r8', '1', 3, 'i1')]],
    ['precedence', [base[0]!, m('r2', '4', 2), m('r3', '3', 1), m('r4', '1', 2)]],
  ] as const)('catches %s', (kind, meetings) => {
    expect(kinds([...meetings])).toContain(kind);
  });

  it('checks the break spread when the instance sets one', () => {
    const spread = buildInstance({
      slots: ['1', '2', '3', '4', '5'].map((id) => ({ id })),
      participants: [person('a'), person('b'), person('c'), person('d')],
      requests: [request('x', 'a', 'b'), request('y', 'a', 'c'), request('z', 'a', 'd')],
      breakSpread: 0,
    });
    const gappy = [m('x', '1', 1), m('y', '3', 1), m('z', '5', 1)];
    expect(validateSchedule(spread, { meetings: gappy }).map((v) => v.kind)).toEqual(['break-spread']);
    expect(validateSchedule(spread, { meetings: [m('x', '1', 1), m('y', '2', 1), m('z', '3', 1)] })).toEqual([]);
  });
});
