import { describe, expect, it } from 'vitest';
import { SchedulingInputError } from './compile-instance';
import { parseDzn } from './dzn';

/** Four participants, three meetings, four slots (two morning); participant 4 meets nobody. */
const SMALL = `% a tiny event
nBusiness = 4;
nMeetings = 3;
nTables = 2;
nTotalSlots = 4;
nMorningSlots = 2;
requested = [| 1, 2, 1
             | 1, 3, 2
             | 2, 3, 3 |];
meetingsxBusiness = [{1,2,3}, {1,2,4}, {1,3,4}, {1}];
nMeetingsBusiness = [2, 2, 2, 0];
forbidden = [{0}, {0,4}, {0}, {0}];
fixed = [0, 3, 0];
precedences = [{}, {}, {1}];
`;

function errorOf(text: string): SchedulingInputError {
  try {
    parseDzn(text);
  } catch (err) {
    if (err instanceof SchedulingInputError) return err;
    throw err;
  }
  throw new Error('expected a SchedulingInputError');
}

describe('parseDzn', () => {
  it('maps every field: sessions, forbidden slots, fixed meetings and precedences', () => {
    const { instance, warnings } = parseDzn(SMALL);
    expect(warnings).toEqual([]);
    expect(instance.slots.map((s) => `${s.id}:${s.session}`)).toEqual(['1:morning', '2:morning', '3:afternoon', '4:afternoon']);
    expect(instance.tables).toBe(2);
    expect(instance.participants).toHaveLength(4);
    expect(instance.requests).toEqual([
      { id: '1', a: '1', b: '2', weight: 1, mandatory: true, session: 'morning' },
      { id: '2', a: '1', b: '3', weight: 1, mandatory: true, session: 'afternoon', fixedSlot: '3' },
      { id: '3', a: '2', b: '3', weight: 1, mandatory: true },
    ]);
    expect(instance.participants[1]!.forbidden).toEqual(['4']);
    expect(instance.participants[0]!.forbidden).toBeUndefined();
    expect(instance.precedences).toEqual([{ before: '1', after: '3' }]);
    expect(instance.breakSpread).toBe(2);
  });

  it('cross-checks meetingsxBusiness against requested, naming the participant and line', () => {
    const err = errorOf(SMALL.replace('{1,2,4}, {1,3,4}', '{1,2}, {1,3,4}'));
    expect(err.message).toMatch(/line 10, field meetingsxBusiness/);
    expect(err.message).toMatch(/participant 2/);
  });

  it('cross-checks nMeetingsBusiness', () => {
    expect(errorOf(SMALL.replace('[2, 2, 2, 0]', '[2, 2, 3, 0]')).message).toMatch(/nMeetingsBusiness.*participant 3 is given 3 meetings but requested has 2/);
  });

  it('rejects counts that disagree with the arrays', () => {
    expect(errorOf(SMALL.replace('nMeetings = 3;', 'nMeetings = 4;')).message).toMatch(/field requested: 3 rows but nMeetings = 4/);
    expect(errorOf(SMALL.replace('fixed = [0, 3, 0];', 'fixed = [0, 3];')).message).toMatch(/field fixed: 2 entries but nMeetings = 3/);
  });

  it('names the line and field of a malformed row or value', () => {
    expect(errorOf(SMALL.replace('| 1, 3, 2', '| 1, 3')).message).toMatch(/line 7, field requested, row 2: expected 3 values/);
    expect(errorOf(SMALL.replace('| 2, 3, 3 |]', '| 2, 3, 5 |]')).message).toMatch(/row 3: session code 5/);
    expect(errorOf(SMALL.replace('| 2, 3, 3 |]', '| 2, 9, 3 |]')).message).toMatch(/participant 9 is outside 1..4/);
    expect(errorOf(SMALL.replace('nTables = 2;', 'nTables = two;')).message).toMatch(/line 4, field nTables: expected a whole number but found "two"/);
    expect(errorOf(SMALL.replace('forbidden = [{0}, {0,4}', 'forbidden = [{0}, {0,9}')).message).toMatch(/field forbidden: participant 2: slot 9 is outside 1..4/);
    expect(errorOf(SMALL.replace('nMorningSlots = 2;\n', 'nMorningSlots = 2\n')).message).toMatch(/field nMorningSlots: expected ";" but found "requested"/);
  });

  it('reports a missing required field', () => {
    expect(errorOf(SMALL.replace('nTables = 2;\n', '')).message).toMatch(/field nTables: missing/);
  });

  it('treats absent optional fields as empty and says so', () => {
    const text = SMALL.split('\n').filter((l) => !/^(forbidden|fixed|precedences|meetingsxBusiness|nMeetingsBusiness)/.test(l)).join('\n');
    const { instance, warnings } = parseDzn(text);
    expect(instance.precedences).toEqual([]);
    expect(instance.requests.every((r) => r.fixedSlot === undefined)).toBe(true);
    expect(warnings).toHaveLength(5);
  });
});
