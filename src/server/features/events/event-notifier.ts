/**
 * Who hears what about an event (issue 4 items 1 and 13): meeting requests received and
 * answered, the schedule published, meetings moved or cancelled after publication, and the
 * day-before reminder. Recipients are the people attending for a participant (or, when none are
 * named, its organisation's members); texts are rendered in each reader's language.
 */
import type { NotificationParams } from '../notifications/notification-render';
import type { NotificationService } from '../notifications/notification.service';
import { createEventDayRepository } from './event-day.repository';
import type { EventRow, MeetingRow, ParticipantRow, RequestRow, SlotRow, TableRow } from './event.repository';
import type { EventContext } from './event.service';

/** Reminders go out for meetings starting within this many hours (the hourly job's window). */
const REMINDER_HOURS = 24;
/** The dedupe key of a meeting's reminders is this prefix + its id; upcomingMeetings skips meetings that have it. */
const REMINDER_KEY = 'meeting_reminder:';

type Base = Pick<EventContext, 'db' | 'repo' | 'access' | 'clock'>;

export function createEventNotifier({ db, repo, access, clock }: Base, notifications: NotificationService | null) {
  const dayRepo = createEventDayRepository(db);

  async function usersOf(participantIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const r of await dayRepo.peopleOf(participantIds)) out.set(r.participant_id, [...(out.get(r.participant_id) ?? []), r.user_id]);
    return out;
  }

  async function organisationParam(p: ParticipantRow): Promise<NotificationParams['organisation']> {
    const s = (await access.summaries([p.organisation_id])).get(p.organisation_id);
    return s ? { names: s.names as Record<string, string>, plain: s.legalName } : undefined;
  }

  const zoneOf = (event: EventRow, p: ParticipantRow) => (p.attendance === 'remote' && p.time_zone ? p.time_zone : event.time_zone);
  const linkOf = (eventId: string) => `/events/${eventId}/me`;

  /** Tells both sides of each meeting that it moved or was cancelled (only once the schedule is published). */
  async function meetingsChanged(event: EventRow, meetings: readonly MeetingRow[], kind: 'meeting_moved' | 'meeting_cancelled'): Promise<void> {
    if (!notifications || !event.schedule_published_at || meetings.length === 0) return;
    const [participants, slots, tables] = await Promise.all([repo.participants(event.id), repo.slots(event.id), repo.tables(event.id)]);
    const byId = new Map(participants.map((p) => [p.id, p]));
    const users = await usersOf(meetings.flatMap((m) => [m.from_participant_id, m.to_participant_id]));
    const batch = [];
    for (const m of meetings) {
      const slot = slots.find((s) => s.id === m.slot_id);
      for (const [me, other] of [[m.from_participant_id, m.to_participant_id], [m.to_participant_id, m.from_participant_id]] as const) {
        const p = byId.get(me)!;
        batch.push({
          userIds: users.get(me) ?? [],
          notification: {
            kind,
            params: {
              event: event.title,
              organisation: await organisationParam(byId.get(other)!),
              ...(slot ? { startsAt: slot.starts_at.toISOString(), timeZone: zoneOf(event, p) } : {}),
              table: tables.find((t) => t.id === m.table_id)?.name ?? '',
            },
            link: linkOf(event.id),
          },
        });
      }
    }
    await notifications.notifyEach(batch);
  }

  return {
    meetingsChanged,

    async requestReceived(event: EventRow, r: RequestRow): Promise<void> {
      if (!notifications) return;
      const from = await repo.findParticipant(event.id, r.from_participant_id);
      const users = await usersOf([r.to_participant_id]);
      await notifications.notify(users.get(r.to_participant_id) ?? [], {
        kind: 'meeting_request_received',
        params: { event: event.title, organisation: await organisationParam(from!) },
        link: linkOf(event.id),
      });
    },

    async requestAnswered(event: EventRow, r: RequestRow, decision: 'accepted' | 'declined'): Promise<void> {
      if (!notifications) return;
      const to = await repo.findParticipant(event.id, r.to_participant_id);
      const users = await usersOf([r.from_participant_id]);
      await notifications.notify(users.get(r.from_participant_id) ?? [], {
        kind: decision === 'accepted' ? 'meeting_request_accepted' : 'meeting_request_declined',
        params: { event: event.title, organisation: await organisationParam(to!) },
        link: linkOf(event.id),
      });
    },

    /** Every approved participant's people hear that the schedule is out, with their number of meetings. */
    async schedulePublished(event: EventRow): Promise<void> {
      if (!notifications) return;
      const [participants, meetings] = await Promise.all([repo.participants(event.id), repo.meetings(event.id)]);
      const approved = participants.filter((p) => p.status === 'approved');
      const users = await usersOf(approved.map((p) => p.id));
      const count = new Map<string, number>();
      for (const m of meetings) {
        if (m.status === 'cancelled') continue;
        for (const p of [m.from_participant_id, m.to_participant_id]) count.set(p, (count.get(p) ?? 0) + 1);
      }
      await notifications.notifyEach(
        approved.map((p) => ({
          userIds: users.get(p.id) ?? [],
          notification: { kind: 'schedule_published' as const, params: { event: event.title, count: count.get(p.id) ?? 0 }, link: linkOf(event.id) },
        })),
      );
    },

    /**
     * The hourly job: a reminder for every scheduled meeting of a published event starting within
     * the next 24 hours, once per meeting and person (the notification's dedupe key).
     */
    async remindUpcoming(): Promise<number> {
      if (!notifications) return 0;
      const now = clock();
      const upcoming = await dayRepo.upcomingMeetings(now, new Date(now.getTime() + REMINDER_HOURS * 3_600_000), REMINDER_KEY);
      let sent = 0;
      const perEvent = new Map<string, Promise<{ event: EventRow | null; slots: SlotRow[]; tables: TableRow[]; participants: Map<string, ParticipantRow> }>>();
      const load = (eventId: string) =>
        Promise.all([repo.findEvent(eventId), repo.slots(eventId), repo.tables(eventId), repo.participants(eventId)]).then(([event, slots, tables, ps]) => ({
          event, slots, tables, participants: new Map(ps.map((p) => [p.id, p])),
        }));
      for (const m of upcoming) {
        if (!perEvent.has(m.event_id)) perEvent.set(m.event_id, load(m.event_id));
        const { event, slots, tables, participants } = await perEvent.get(m.event_id)!;
        if (!event) continue;
        const [a, b] = [participants.get(m.from_participant_id)!, participants.get(m.to_participant_id)!];
        const slot = slots.find((s) => s.id === m.slot_id)!;
        const users = await usersOf([a.id, b.id]);
        // Both sides in one insert: the meeting's reminders are stored all or none.
        const batch = [];
        for (const [me, other] of [[a, b], [b, a]] as const) {
          batch.push({
            userIds: users.get(me.id) ?? [],
            notification: {
              kind: 'meeting_reminder' as const,
              params: {
                event: event.title,
                organisation: await organisationParam(other),
                startsAt: slot.starts_at.toISOString(),
                timeZone: zoneOf(event, me),
                table: tables.find((t) => t.id === m.table_id)?.name ?? '',
              },
              link: linkOf(event.id),
              dedupeKey: `${REMINDER_KEY}${m.id}`,
            },
          });
        }
        sent += await notifications.notifyEach(batch);
      }
      return sent;
    },
  };
}

export type EventNotifier = ReturnType<typeof createEventNotifier>;
