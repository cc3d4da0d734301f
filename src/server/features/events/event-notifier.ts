/**
 * Who hears what about an event (issue 4 items 1 and 13): meeting requests received and
 * answered, the schedule published, meetings added, moved, cancelled or restored after
 * publication, and the day-before reminder. Recipients are the people attending for a
 * participant (or, when none are named, its organisation's members); texts are rendered in each
 * reader's language.
 */
import { dueDayReminders } from '../../domain/events/day-reminders';
import type { DayMeeting, NotificationParams } from '../notifications/notification-render';
import type { NewNotification, NotificationService } from '../notifications/notification.service';
import { createEventDayRepository, type UpcomingMeetingRow } from './event-day.repository';
import type { EventRow, MeetingRow, ParticipantRow, RequestRow } from './event.repository';
import type { EventContext } from './event.service';

/**
 * The reminder job reads meetings starting within this many hours: from 09:00 on the day before
 * to the end of the day itself is 39 hours in any zone (40 across a clock change), so 48 is safe.
 */
const REMINDER_LOOKAHEAD_HOURS = 48;
/** One day-before reminder per person, event and local day: the key + the user id are unique. */
const dayReminderKey = (eventId: string, day: string) => `day_reminder:${eventId}:${day}`;

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

  type ChangeKind = 'meeting_moved' | 'meeting_cancelled' | 'meeting_added' | 'meeting_restored';

  const zoneOf = (event: EventRow, p: ParticipantRow) => (p.attendance === 'remote' && p.time_zone ? p.time_zone : event.time_zone);
  const linkOf = (eventId: string) => `/events/${eventId}/me`;

  /**
   * Tells both sides of each meeting that it was added, moved, cancelled or restored — only once
   * the schedule is published: before, nobody has an agenda to correct (so a cancellation undone
   * before publication sends nothing at all).
   */
  async function meetingsChanged(event: EventRow, meetings: readonly MeetingRow[], kind: ChangeKind): Promise<void> {
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

  /** The day-before reminders of one event that are due at `now` and not sent yet. */
  async function remindEvent(eventId: string, rows: readonly UpcomingMeetingRow[], now: Date): Promise<number> {
    const event = await repo.findEvent(eventId);
    if (!event || !notifications) return 0;
    const participants = new Map((await repo.participants(eventId)).map((p) => [p.id, p]));
    const due = dueDayReminders(
      rows.map((m) => ({ id: m.id, startsAt: m.starts_at, participants: [m.from_participant_id, m.to_participant_id] as const })),
      (pid) => zoneOf(event, participants.get(pid)!),
      now,
    );
    if (due.length === 0) return 0;
    // Per person: someone attending for two participants of the event gets one list for the day.
    const users = await usersOf(due.map((d) => d.participantId));
    const perPerson = new Map<string, { userId: string; day: string; timeZone: string; sides: Set<string>; meetingIds: Set<string> }>();
    for (const d of due) {
      for (const userId of users.get(d.participantId) ?? []) {
        const key = `${userId}|${d.day}`;
        let r = perPerson.get(key);
        if (!r) perPerson.set(key, (r = { userId, day: d.day, timeZone: d.timeZone, sides: new Set(), meetingIds: new Set() }));
        r.sides.add(d.participantId);
        for (const id of d.meetingIds) r.meetingIds.add(id);
      }
    }
    // Skip what went out in an earlier hour before reading names; the unique key still decides races.
    const sentBefore = await dayRepo.sentKeys([...new Set([...perPerson.values()].map((r) => dayReminderKey(eventId, r.day)))]);
    const pending = [...perPerson.values()].filter((r) => !sentBefore.has(`${dayReminderKey(eventId, r.day)}|${r.userId}`));
    if (pending.length === 0) return 0;
    const [tables, interpreters] = await Promise.all([repo.tables(eventId), repo.interpreters(eventId)]);
    const meetingById = new Map(rows.map((m) => [m.id, m]));
    const counterpart = (m: UpcomingMeetingRow, sides: Set<string>) => participants.get(sides.has(m.from_participant_id) ? m.to_participant_id : m.from_participant_id)!;
    const summaries = await access.summaries(pending.flatMap((r) => [...r.meetingIds].map((id) => counterpart(meetingById.get(id)!, r.sides).organisation_id)));
    const batch = pending.map((r) => {
      const meetings: DayMeeting[] = [...r.meetingIds]
        .map((id) => meetingById.get(id)!)
        .sort((x, y) => x.starts_at.getTime() - y.starts_at.getTime())
        .map((m) => {
          const org = summaries.get(counterpart(m, r.sides).organisation_id);
          return {
            startsAt: m.starts_at.toISOString(),
            endsAt: m.ends_at.toISOString(),
            organisation: { names: (org?.names ?? {}) as Record<string, string>, plain: org?.legalName ?? '' },
            table: tables.find((t) => t.id === m.table_id)?.name ?? '',
            interpreter: m.interpreter_id ? (interpreters.find((i) => i.id === m.interpreter_id)?.name ?? null) : null,
          };
        });
      const notification: NewNotification = {
        kind: 'day_reminder',
        params: { event: event.title, day: r.day, timeZone: r.timeZone, count: meetings.length, meetings },
        link: linkOf(eventId),
        dedupeKey: dayReminderKey(eventId, r.day),
      };
      return { userIds: [r.userId], notification };
    });
    return notifications.notifyEach(batch);
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
     * The hourly job: ONE reminder per person and event day, on the calendar day before in the
     * recipient's zone once it is past 09:00 there (domain `dueDayReminders`), listing that day's
     * meetings. A unique key per person, event and day makes it once, however often and by
     * however many processes the job runs; meetings added after it went out are told by their
     * own "meeting added/moved" notifications, not by a second reminder.
     */
    async remindUpcoming(): Promise<number> {
      if (!notifications) return 0;
      const now = clock();
      const upcoming = await dayRepo.meetingsStartingBetween(now, new Date(now.getTime() + REMINDER_LOOKAHEAD_HOURS * 3_600_000));
      const byEvent = new Map<string, UpcomingMeetingRow[]>();
      for (const m of upcoming) byEvent.set(m.event_id, [...(byEvent.get(m.event_id) ?? []), m]);
      let sent = 0;
      for (const [eventId, rows] of byEvent) sent += await remindEvent(eventId, rows, now);
      return sent;
    },
  };
}

export type EventNotifier = ReturnType<typeof createEventNotifier>;
