import { describe, expect, it } from 'vitest';
import { checkPlacement, planSwap, type LiveMeeting, type PlacementParticipant, type SwapMeeting } from './meeting-constraints';

const it_ = (id: string, extra: Partial<PlacementParticipant> = {}): PlacementParticipant => ({ id, languages: ['it'], available: null, maxMeetings: null, ...extra });
const zh = (id: string, extra: Partial<PlacementParticipant> = {}): PlacementParticipant => ({ id, languages: ['zh'], available: null, maxMeetings: null, ...extra });
const liNa = { id: 'li', languages: ['it', 'zh'], available: null };
const live: LiveMeeting[] = [{ id: 'm1', slotId: 's1', tableId: 't1', interpreterId: 'li', participants: ['a', 'b'] }];
const codes = (v: ReturnType<typeof checkPlacement>) => v.map((x) => x.code);

describe('checkPlacement', () => {
  it('accepts a free table for free participants who share a language', () => {
    expect(checkPlacement({ a: it_('c'), b: it_('d'), slotId: 's1', tableId: 't2', interpreter: null }, live)).toEqual([]);
  });

  it('names the busy participant, the taken table and the busy interpreter', () => {
    const v = checkPlacement({ a: it_('a'), b: zh('e'), slotId: 's1', tableId: 't1', interpreter: liNa }, live);
    expect(codes(v)).toEqual(['table_taken', 'participant_busy', 'interpreter_busy']);
    expect(v[1]!.subject).toEqual({ kind: 'participant', id: 'a' });
  });

  it('does not collide a moved meeting with itself, nor with the other half of a swap', () => {
    expect(checkPlacement({ meetingId: 'm1', a: it_('a'), b: it_('b'), slotId: 's1', tableId: 't1', interpreter: null }, live)).toEqual([]);
    expect(checkPlacement({ a: it_('c'), b: it_('d'), slotId: 's1', tableId: 't1', interpreter: null }, live, ['m1'])).toEqual([]);
  });

  it('asks for an interpreter who speaks a language of each side when the sides share none', () => {
    expect(codes(checkPlacement({ a: it_('c'), b: zh('d'), slotId: 's2', tableId: 't1', interpreter: null }, live))).toEqual(['interpreter_needed']);
    const enOnly = { id: 'en', languages: ['en', 'it'], available: null };
    expect(codes(checkPlacement({ a: it_('c'), b: zh('d'), slotId: 's2', tableId: 't1', interpreter: enOnly }, live))).toEqual(['interpreter_languages']);
    // A side without declared languages cannot be judged, as in the scheduler.
    expect(checkPlacement({ a: it_('c'), b: { ...zh('d'), languages: [] }, slotId: 's2', tableId: 't1', interpreter: null }, live)).toEqual([]);
  });

  it('respects availability, maxima and pins', () => {
    const v = checkPlacement(
      { movingPinned: true, a: it_('a', { maxMeetings: 1 }), b: it_('c', { available: ['s1'] }), slotId: 's2', tableId: 't1', interpreter: { ...liNa, available: ['s1'] } },
      live,
    );
    expect(codes(v)).toEqual(['pinned', 'max_meetings', 'participant_unavailable', 'interpreter_unavailable']);
  });
});

describe('planSwap', () => {
  const mario = { id: 'mario', languages: ['it', 'en'], available: null };
  const interpreters = [mario, liNa];
  // x: Italian–Chinese with Li Na in s1/t1; y: two Italians in s2/t2.
  const x: SwapMeeting = { id: 'x', pinned: false, a: it_('a'), b: zh('b'), slotId: 's1', tableId: 't1', interpreterId: 'li' };
  const y: SwapMeeting = { id: 'y', pinned: false, a: it_('c'), b: it_('d'), slotId: 's2', tableId: 't2', interpreterId: null };
  const both: LiveMeeting[] = [
    { id: 'x', slotId: 's1', tableId: 't1', interpreterId: 'li', participants: ['a', 'b'] },
    { id: 'y', slotId: 's2', tableId: 't2', interpreterId: null, participants: ['c', 'd'] },
  ];

  it('exchanges places, keeping each interpreter where it stays valid', () => {
    expect(planSwap(x, y, both, interpreters)).toEqual({
      ok: true,
      places: [
        { meetingId: 'x', slotId: 's2', tableId: 't2', interpreterId: 'li' },
        { meetingId: 'y', slotId: 's1', tableId: 't1', interpreterId: null },
      ],
    });
  });

  it('re-assigns a free interpreter when the own one is busy in the new slot', () => {
    const liBusy: LiveMeeting[] = [...both, { id: 'z', slotId: 's2', tableId: 't3', interpreterId: 'li', participants: ['e', 'f'] }];
    const second = { id: 'li2', languages: ['zh', 'it'], available: null };
    const plan = planSwap(x, y, liBusy, [mario, liNa, second]);
    expect(plan.ok && plan.places[0].interpreterId).toBe('li2');
    // Nobody else can interpret Italian–Chinese: the swap is refused, naming the busy interpreter and the meeting.
    const refused = planSwap(x, y, liBusy, interpreters);
    expect(refused).toEqual({ ok: false, violations: [{ code: 'interpreter_busy', subject: { kind: 'interpreter', id: 'li' }, meetingId: 'x' }] });
  });

  it('judges the swap as a whole: a participant of both meetings is busy only with the other half', () => {
    const y2: SwapMeeting = { ...y, a: it_('a') }; // a meets b in s1 and c in s2
    const live: LiveMeeting[] = [both[0]!, { ...both[1]!, participants: ['a', 'd'] }];
    expect(planSwap(x, y2, live, interpreters).ok).toBe(true);
    // A third meeting of d in s1 makes y's new place impossible.
    const busy = planSwap(x, y, [...both, { id: 'w', slotId: 's1', tableId: 't2', interpreterId: null, participants: ['d', 'g'] }], interpreters);
    expect(busy).toEqual({ ok: false, violations: [{ code: 'participant_busy', subject: { kind: 'participant', id: 'd' }, meetingId: 'y' }] });
  });

  it('never swaps a pinned meeting', () => {
    const plan = planSwap({ ...x, pinned: true }, y, both, interpreters);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.violations.map((v) => [v.code, v.meetingId])).toEqual([['pinned', 'x']]);
  });
});
