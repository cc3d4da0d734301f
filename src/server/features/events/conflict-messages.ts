/**
 * Why an event cannot be scheduled, in the reader's language: the scheduler names participants,
 * slots and requests by id (domain/scheduling/find-conflicts.ts); organisers read organisation
 * names and slot times in the event's zone.
 */
import type { Locale } from '../../../contracts/common';
import type { OrganisationSummary } from '../../../contracts/organisation';
import type { SchedulingConflict } from '../../domain/scheduling/find-conflicts';
import { translate } from '../../i18n/messages';

export interface ConflictNames {
  locale: Locale;
  timeZone: string;
  /** Participant id → its organisation. */
  organisations: ReadonlyMap<string, OrganisationSummary>;
  /** Slot id → start instant (ISO). */
  slotStarts: ReadonlyMap<string, string>;
}

export function conflictMessages(conflicts: readonly SchedulingConflict[], n: ConflictNames): string[] {
  const tag = n.locale === 'zh' ? 'zh-Hans' : n.locale;
  const list = new Intl.ListFormat(tag, { type: 'conjunction' });
  const when = new Intl.DateTimeFormat(tag, { timeZone: n.timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const name = (participantId: string) => {
    const o = n.organisations.get(participantId);
    return o ? (o.names[n.locale] ?? o.names.en ?? o.names.it ?? o.names.zh ?? o.legalName) : participantId;
  };
  const slot = (slotId: string) => {
    const at = n.slotStarts.get(slotId);
    return at ? when.format(new Date(at)) : slotId;
  };
  const t = (key: string, params: Record<string, unknown>) => translate(n.locale, `events.conflicts.${key}`, params);
  return conflicts.map((c) => {
    const names = c.participants.map(name);
    const slots = list.format(c.slots.map(slot));
    switch (c.kind) {
      case 'no-slot':
        return t('noSlot', { names: list.format(names) });
      case 'over-maximum':
        return t('overMaximum', { name: names[0], count: c.requests.length });
      case 'participant-overload':
        return t('participantOverload', { name: names[0], count: c.requests.length, others: list.format(names.slice(1)), slots });
      case 'tables-overload':
        return t('tablesOverload', { count: c.requests.length, slots });
      case 'pinned-clash':
        return t('pinnedClash', { slots, names: list.format(names) });
      case 'precedence':
        return t('precedence', { names: list.format(names) });
    }
  });
}
