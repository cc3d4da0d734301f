import { describe, expect, it } from 'vitest';
import { parseInstanceJson, parseScheduleJson } from './instance-json';

const valid = {
  slots: ['1', { id: '2', session: 'pm' }],
  tables: 1,
  participants: [{ id: 'a', languages: ['it'] }, { id: 'b', languages: [] }],
  requests: [{ id: 'r', a: 'a', b: 'b' }],
};

describe('parseInstanceJson', () => {
  it('fills defaults: weight 1, no interpreters, no precedences; slot shorthand', () => {
    const inst = parseInstanceJson(JSON.stringify(valid));
    expect(inst.slots).toEqual([{ id: '1' }, { id: '2', session: 'pm' }]);
    expect(inst.requests[0]).toEqual({ id: 'r', a: 'a', b: 'b', weight: 1 });
    expect(inst.interpreters).toEqual([]);
    expect(inst.precedences).toEqual([]);
  });

  it.each([
    [{ ...valid, tables: -1 }, /^tables: /],
    [{ ...valid, requests: [{ id: 'r', a: 'a', b: 'a' }] }, /requests\[0\]: a participant cannot meet themselves/],
    [{ ...valid, requests: [{ id: 'r', a: 'a', b: 'b', fixedSlot: '9' }] }, /requests\[0\]\.fixedSlot: unknown slot "9"/],
    [{ ...valid, participants: [{ id: 'a', languages: ['it'], available: ['7'] }, { id: 'b', languages: [] }] }, /participants\[0\]\.available\[0\]: unknown slot "7"/],
    [{ ...valid, participants: [valid.participants[0], valid.participants[0]] }, /participants\[1\]\.id: duplicate id "a"/],
    [{ ...valid, requests: [{ id: 'r', a: 'a', b: 'b', colour: 'red' }] }, /requests\[0\]/],
    [{ ...valid, precedences: [{ before: 'r', after: 'zz' }] }, /precedences\[0\]\.after: unknown request "zz"/],
  ])('names the field at fault (%#)', (input, pattern) => {
    expect(() => parseInstanceJson(JSON.stringify(input))).toThrow(pattern);
  });

  it('names line and column of a JSON syntax error', () => {
    expect(() => parseInstanceJson('{\n  "slots": ["1",\n  "tables": 2\n}')).toThrow(/instance, line 3, column 11/);
  });
});

describe('parseScheduleJson', () => {
  it('accepts numeric ids and a missing interpreter', () => {
    expect(parseScheduleJson('{"meetings":[{"request":3,"slot":1,"table":1}]}')).toEqual({
      meetings: [{ request: '3', slot: '1', table: 1, interpreter: null }],
      unscheduled: [],
    });
  });
});
