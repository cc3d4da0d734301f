import { useCallback, useState } from 'react';
import type { Meeting, MeetingRequest } from '../../../contracts/events';
import { useT } from '../../i18n/i18n';
import { consoleApi, type MeetingOutcome } from './console-api';
import type { ConsoleView } from './console-context';
import type { Subject, Verdict } from './use-placement-checks';
import { mergeMeetings, type ConsoleData } from './use-console-data';

export type Notice =
  | { kind: 'done'; text: string; undo?: () => void }
  | { kind: 'refused'; text: string; reasons: string[] }
  | { kind: 'error'; error: unknown };

interface Deps {
  view: ConsoleView;
  update: (change: (data: ConsoleData) => ConsoleData) => void;
  refresh: () => Promise<void>;
  verdict: (subject: Subject | null, slotId: string, tableId: string) => Verdict | undefined;
  interpreterFor: (request: MeetingRequest, slotId: string) => string | null;
  onPlaced: () => void;
}

/** How long "Undo" stays offered after a cancellation. */
export const UNDO_MS = 10_000;

/** The organiser's changes to the grid, each answered by a notice (done, refused, or a problem). */
export function useConsoleActions({ view, update, refresh, verdict, interpreterFor, onPlaced }: Deps) {
  const { t } = useT();
  const eventId = view.data.event.id;
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = useCallback(
    (changed: Meeting[]) => update((d) => ({ ...d, meetings: mergeMeetings(d.meetings, changed) })),
    [update],
  );

  const run = useCallback(
    async (action: () => Promise<Meeting[]>, done: (changed: Meeting[]) => Notice | null) => {
      setBusy(true);
      try {
        const changed = await action();
        apply(changed);
        setNotice(done(changed));
        // Other meetings may have moved with this one (a swap re-assigns interpreters): re-read.
        void refresh();
        return true;
      } catch (error) {
        setNotice({ kind: 'error', error });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [apply, refresh],
  );

  const where = (slotId: string, tableId: string) => t('console.grid.where', { table: view.table(tableId)?.name ?? '—', slot: view.slotLabel(slotId) });
  const pair = (m: { participantIds: readonly [string, string] } | MeetingRequest) =>
    'participantIds' in m
      ? t('console.pair', { a: view.nameOf(m.participantIds[0]), b: view.nameOf(m.participantIds[1]) })
      : t('console.pair', { a: view.nameOf(m.fromParticipantId), b: view.nameOf(m.toParticipantId) });

  const place = async (subject: Subject, slotId: string, tableId: string, occupant: Meeting | undefined) => {
    const v = verdict(subject, slotId, tableId);
    if (v?.state === 'bad') {
      setNotice({ kind: 'refused', text: t('console.notice.refused', { where: where(slotId, tableId) }), reasons: v.reasons });
      return;
    }
    let ok: boolean;
    if (subject.kind === 'request') {
      const r = subject.request;
      ok = await run(
        async () => [
          await consoleApi.addMeeting(eventId, {
            participantA: r.fromParticipantId, participantB: r.toParticipantId, slotId, tableId,
            interpreterId: interpreterFor(r, slotId), pinned: true, mandatory: false,
          }),
        ],
        () => ({ kind: 'done', text: t('console.notice.placed', { pair: pair(r), where: where(slotId, tableId) }) }),
      );
    } else if (occupant) {
      const a = subject.meeting;
      ok = await run(
        async () => (await consoleApi.swapMeetings(eventId, a.id, occupant.id)).items,
        () => ({ kind: 'done', text: t('console.notice.swapped', { a: pair(a), b: pair(occupant) }) }),
      );
    } else {
      const m = subject.meeting;
      ok = await run(
        async () => [await consoleApi.patchMeeting(eventId, m.id, { slotId, tableId, pinned: m.pinned })],
        () => ({ kind: 'done', text: t('console.notice.moved', { pair: pair(m), where: where(slotId, tableId) }) }),
      );
    }
    if (ok) onPlaced();
  };

  const pin = (m: Meeting, pinned: boolean) =>
    run(
      async () => [await consoleApi.patchMeeting(eventId, m.id, { pinned })],
      () => ({ kind: 'done', text: t(pinned ? 'console.notice.pinned' : 'console.notice.unpinned', { pair: pair(m) }) }),
    );

  const outcome = (m: Meeting, status: MeetingOutcome) =>
    run(
      async () => [await consoleApi.patchMeeting(eventId, m.id, { status })],
      () => ({ kind: 'done', text: t(`console.notice.outcome.${status}`, { pair: pair(m) }) }),
    );

  const assignInterpreter = (m: Meeting, interpreterId: string | null) =>
    run(
      async () => [await consoleApi.patchMeeting(eventId, m.id, { interpreterId })],
      () => ({ kind: 'done', text: t('console.notice.interpreterSet', { pair: pair(m) }) }),
    );

  /**
   * Cancels at once. Before publication "Undo" restores the same meeting (same id, so calendars
   * that imported it see one event updated, not a duplicate) in the same place, or says why it no
   * longer fits; once published participants are told right away, so the panel asks for
   * confirmation instead and offers no undo.
   */
  const cancel = (m: Meeting, undoable: boolean) =>
    run(
      async () => [await consoleApi.cancelMeeting(eventId, m.id)],
      () => ({
        kind: 'done',
        text: t('console.notice.cancelled', { pair: pair(m) }),
        undo: undoable
          ? () =>
              void run(
                async () => [await consoleApi.restoreMeeting(eventId, m.id)],
                () => ({ kind: 'done', text: t('console.notice.restored', { pair: pair(m) }) }),
              )
          : undefined,
      }),
    );

  return { notice, setNotice, busy, place, pin, outcome, assignInterpreter, cancel };
}
