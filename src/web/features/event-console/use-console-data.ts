import { useCallback, useEffect, useRef, useState } from 'react';
import type { Interpreter, Meeting, MeetingRequest } from '../../../contracts/events';
import { useT } from '../../i18n/i18n';
import { consoleApi, type ConsoleEvent, type ConsoleParticipant } from './console-api';

export interface ConsoleData {
  event: ConsoleEvent;
  participants: ConsoleParticipant[];
  interpreters: Interpreter[];
  requests: MeetingRequest[];
  meetings: Meeting[];
}

type State =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'not-organiser'; event: ConsoleEvent }
  | { status: 'ready'; data: ConsoleData };

/**
 * Everything the console shows, loaded once per event and language. `refresh` reloads in the
 * background (the grid stays on screen) after a change; `replace` applies a server answer at once.
 */
export function useConsoleData(eventId: string) {
  const { locale } = useT();
  const [stored, setState] = useState<State & { key?: string }>({ status: 'loading' });
  const key = `${eventId}|${locale}`;
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const event = await consoleApi.event(eventId);
      // Meetings and interpreters are the organiser's; asking as anyone else only earns a 403.
      if (event.viewerRole !== 'organiser') {
        if (mine === generation.current) setState({ status: 'not-organiser', event, key });
        return;
      }
      const [participants, interpreters, requests, meetings] = await Promise.all([
        consoleApi.participants(eventId),
        consoleApi.interpreters(eventId),
        consoleApi.requests(eventId),
        consoleApi.meetings(eventId),
      ]);
      if (mine !== generation.current) return;
      setState({
        status: 'ready',
        key,
        data: { event, participants: participants.items, interpreters: interpreters.items, requests: requests.items, meetings: meetings.items },
      });
    } catch (error) {
      // A failed background refresh keeps the grid that is on screen.
      if (mine === generation.current) setState((s) => (s.status === 'ready' && s.key === key ? s : { status: 'error', error, key }));
    }
  }, [eventId, key]);

  useEffect(() => {
    void load();
  }, [load]);

  // A result loaded for another event or language reads as loading until the new one arrives.
  const state: State = stored.key === key ? stored : { status: 'loading' };

  const update = useCallback((change: (data: ConsoleData) => ConsoleData) => {
    setState((s) => (s.status === 'ready' ? { ...s, data: change(s.data) } : s));
  }, []);

  return { state, refresh: load, update };
}

/** The list with `changed` meetings put in place of those with the same id (new ones appended). */
export function mergeMeetings(meetings: readonly Meeting[], changed: readonly Meeting[]): Meeting[] {
  const byId = new Map(changed.map((m) => [m.id, m]));
  const out = meetings.map((m) => byId.get(m.id) ?? m);
  for (const m of changed) if (!meetings.some((x) => x.id === m.id)) out.push(m);
  return out;
}
