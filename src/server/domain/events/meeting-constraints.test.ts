import { describe, expect, it } from 'vitest';
import { checkPlacement, type LiveMeeting, type PlacementParticipant } from './meeting-constraints';

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
