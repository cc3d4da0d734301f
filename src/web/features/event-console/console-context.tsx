import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { EventSlot, EventTable, Interpreter } from '../../../contracts/events';
import { useT } from '../../i18n/i18n';
import type { ConsoleParticipant } from './console-api';
import { dayLabel, slotTimes } from './console-format';
import { organisationName } from './console-model';
import type { ConsoleData } from './use-console-data';

/** Lookups every console view needs, built once per load. */
export interface ConsoleView {
  data: ConsoleData;
  timeZone: string;
  participant: (id: string) => ConsoleParticipant | undefined;
  nameOf: (participantId: string) => string;
  /** "Maglificio Conti ↔ Suzhou Silk" for a meeting. */
  pairOf: (meeting: { participantIds: readonly [string, string] }) => string;
  slot: (id: string) => EventSlot | undefined;
  table: (id: string) => EventTable | undefined;
  interpreter: (id: string | null) => Interpreter | undefined;
  /** "Tuesday 12 May 2026, 09:00–09:30" in the event's zone. */
  slotLabel: (slotId: string) => string;
  time: (slot: EventSlot) => string;
}

const Context = createContext<ConsoleView | null>(null);

export function ConsoleProvider({ data, children }: { data: ConsoleData; children: ReactNode }) {
  const { t, locale } = useT();
  const view = useMemo<ConsoleView>(() => {
    const participants = new Map(data.participants.map((p) => [p.id, p]));
    const slots = new Map(data.event.slots.map((s) => [s.id, s]));
    const tables = new Map(data.event.tables.map((t) => [t.id, t]));
    const interpreters = new Map(data.interpreters.map((i) => [i.id, i]));
    const timeZone = data.event.timeZone;
    const time = (s: EventSlot) => slotTimes(s.startsAt, s.endsAt, locale, timeZone);
    const nameOf = (id: string) => {
      const p = participants.get(id);
      return p ? organisationName(p.organisation, locale) : '—';
    };
    return {
      data,
      timeZone,
      participant: (id) => participants.get(id),
      nameOf,
      pairOf: (m) => t('console.pair', { a: nameOf(m.participantIds[0]), b: nameOf(m.participantIds[1]) }),
      slot: (id) => slots.get(id),
      table: (id) => tables.get(id),
      interpreter: (id) => (id ? interpreters.get(id) : undefined),
      slotLabel: (slotId) => {
        const s = slots.get(slotId);
        return s ? t('console.slotLabel', { day: dayLabel(s.day, locale), time: time(s) }) : '—';
      },
      time,
    };
  }, [data, locale, t]);
  return <Context.Provider value={view}>{children}</Context.Provider>;
}

export function useConsole(): ConsoleView {
  const view = useContext(Context);
  if (!view) throw new Error('useConsole outside ConsoleProvider');
  return view;
}
