import { useCallback, useRef, useState } from 'react';
import type { Meeting, MeetingRequest } from '../../../contracts/events';
import { consoleApi } from './console-api';
import { cellKey } from './console-model';

/** What is being placed: a meeting of the grid, or an accepted request not yet in it. */
export type Subject = { kind: 'meeting'; meeting: Meeting } | { kind: 'request'; request: MeetingRequest };

export type Verdict =
  | { state: 'pending' }
  | { state: 'ok' }
  | { state: 'bad'; reasons: string[] }
  /** The check could not be made (the network, an older server): the server decides on drop. */
  | { state: 'unknown' };

export const subjectKey = (s: Subject) => (s.kind === 'meeting' ? `m:${s.meeting.id}` : `r:${s.request.id}`);

/** What the checks depend on: where every live meeting is, and with whom. */
export function gridSignature(meetings: readonly Meeting[]): string {
  return meetings.map((m) => `${m.id}:${m.status}:${m.slotId}:${m.tableId}:${m.interpreterId}:${m.pinned}`).sort().join(',');
}

/**
 * Live constraint checks (POST /events/:id/meetings/check) for a subject on target cells, asked
 * once per subject, cell and grid `signature`: an answer about an older grid is never shown,
 * and a background reload that changes nothing keeps the answers.
 */
export function usePlacementChecks(eventId: string, signature: string, interpreterFor: (request: MeetingRequest, slotId: string) => string | null) {
  const [verdicts, setVerdicts] = useState<ReadonlyMap<string, Verdict>>(new Map());
  const asked = useRef(new Set<string>());

  const check = useCallback(
    (subject: Subject, slotId: string, tableId: string, occupant: Meeting | undefined): void => {
      if (subject.kind === 'meeting' && occupant?.id === subject.meeting.id) return;
      const key = `${signature}#${subjectKey(subject)}@${cellKey(slotId, tableId)}`;
      if (asked.current.has(key)) return;
      if (asked.current.size > 2000) asked.current.clear();
      asked.current.add(key);
      const set = (verdict: Verdict) =>
        setVerdicts((v) => {
          // Answers about older grids are dropped so the map stays small.
          const map = new Map([...v].filter(([k]) => k.startsWith(`${signature}#`)));
          map.set(key, verdict);
          return map;
        });
      set({ state: 'pending' });

      let run: Promise<{ code: string; message: string }[]>;
      if (subject.kind === 'request') {
        if (occupant) return set({ state: 'unknown' });
        run = consoleApi
          .checkPlacement(eventId, { participantA: subject.request.fromParticipantId, participantB: subject.request.toParticipantId, slotId, tableId, interpreterId: interpreterFor(subject.request, slotId) })
          .then((r) => r.violations);
      } else if (!occupant) {
        // A move sends `pinned` explicitly (a pinned meeting stays pinned where the organiser puts it).
        run = consoleApi.checkPlacement(eventId, { meetingId: subject.meeting.id, slotId, tableId }).then((r) => r.violations.filter((v) => v.code !== 'pinned'));
      } else {
        // A swap, judged as a whole by the rule the swap itself applies (interpreters re-assigned as it would).
        run = consoleApi.checkPlacement(eventId, { meetingId: subject.meeting.id, swapWith: occupant.id }).then((r) => r.violations);
      }
      run.then(
        (violations) => {
          const reasons = [...new Set(violations.map((v) => v.message))];
          set(reasons.length ? { state: 'bad', reasons } : { state: 'ok' });
        },
        () => set({ state: 'unknown' }),
      );
    },
    [eventId, signature, interpreterFor],
  );

  const verdict = useCallback(
    (subject: Subject | null, slotId: string, tableId: string): Verdict | undefined =>
      subject ? verdicts.get(`${signature}#${subjectKey(subject)}@${cellKey(slotId, tableId)}`) : undefined,
    [verdicts, signature],
  );

  return { check, verdict };
}
