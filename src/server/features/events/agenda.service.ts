/**
 * A participant's agenda (issue 4 item 10): their meetings in their language and time zone (a
 * remote participant's own zone, else the event's) with the event's zone alongside when it
 * differs, and the same meetings as an iCal feed whose UIDs never change and whose SEQUENCE
 * grows with every move, so re-importing updates instead of duplicating.
 */
import { pickText, type Locale } from '../../../contracts/common';
import type { Agenda, AgendaItem } from '../../../contracts/events';
import { createHash, randomBytes } from 'node:crypto';
import { writeCalendar } from '../../domain/events/ical';
import { notFound } from '../../errors';
import { formatClock, instantToLocal } from '../../domain/events/zoned-time';
import { translate } from '../../i18n/messages';
import type { Viewer } from '../auth/auth-context';
import type { EventContext } from './event.service';
import { whyTheyMeet } from './agenda-why';
import { renderAgendaPdf } from './agenda-pdf';
import { createEventDayRepository } from './event-day.repository';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function span(start: Date, end: Date, timeZone: string, locale: Locale) {
  const a = instantToLocal(start, timeZone);
  const b = instantToLocal(end, timeZone);
  const format = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return { date: a.date, start: formatClock(a.minutes), end: formatClock(b.minutes), label: format.formatRange(start, end) };
}

export function createAgendaService({ db, repo, access, publicUrl, clock }: EventContext) {
  const dayRepo = createEventDayRepository(db);
  type Who = { event: NonNullable<Awaited<ReturnType<typeof repo.findEvent>>>; participant: NonNullable<Awaited<ReturnType<typeof repo.findParticipant>>> };

  async function build(a: Who, locale: Locale) {
    const { event, participant } = a;
    const [eventId, participantId] = [event.id, participant.id];
    const [slots, tables, interpreters, meetings, participants, requests, feedback] = await Promise.all([
      repo.slots(eventId), repo.tables(eventId), repo.interpreters(eventId), repo.meetings(eventId), repo.participants(eventId),
      repo.requests(eventId, participantId), dayRepo.feedback(eventId, participantId),
    ]);
    const feedbackOf = new Map(feedback.map((f) => [f.meeting_id, f]));
    const slotById = new Map(slots.map((s) => [s.id, s]));
    const tableById = new Map(tables.map((t) => [t.id, t]));
    const interpreterById = new Map(interpreters.map((i) => [i.id, i]));
    const participantById = new Map(participants.map((p) => [p.id, p]));
    const mine = meetings
      .filter((m) => m.from_participant_id === participantId || m.to_participant_id === participantId)
      .sort((x, y) => slotById.get(x.slot_id)!.position - slotById.get(y.slot_id)!.position);
    const counterpartOf = (m: (typeof mine)[number]) => participantById.get(m.from_participant_id === participantId ? m.to_participant_id : m.from_participant_id)!;
    const summaries = await access.summaries([participant.organisation_id, ...mine.map((m) => counterpartOf(m).organisation_id)]);
    const timeZone = participant.attendance === 'remote' && participant.time_zone ? participant.time_zone : event.time_zone;
    const own = summaries.get(participant.organisation_id);
    const items = mine.map((m) => {
      const slot = slotById.get(m.slot_id)!;
      const table = tableById.get(m.table_id)!;
      const counterpart = counterpartOf(m);
      const theirs = summaries.get(counterpart.organisation_id)!;
      const given = feedbackOf.get(m.id);
      const interpreter = m.interpreter_id ? interpreterById.get(m.interpreter_id)!.name : null;
      const item: AgendaItem = {
        meetingId: m.id,
        status: m.status,
        startsAt: slot.starts_at.toISOString(),
        endsAt: slot.ends_at.toISOString(),
        local: span(slot.starts_at, slot.ends_at, timeZone, locale),
        eventLocal: timeZone === event.time_zone ? null : span(slot.starts_at, slot.ends_at, event.time_zone, locale),
        counterpart: { ...summaries.get(counterpart.organisation_id)!, languages: counterpart.languages },
        table: { name: table.name, videoUrl: table.video_url },
        interpreter: interpreter ? { name: interpreter } : null,
        feedback: given ? { rating: given.rating, continue: given.continue_cooperation, expectAgreement: given.expect_agreement, comment: given.comment } : null,
        why: whyTheyMeet(
          {
            me: participantId,
            other: counterpart.id,
            counterpartName: pickText(theirs.names, locale) || theirs.legalName,
            requests: requests.filter((r) => r.from_participant_id === counterpart.id || r.to_participant_id === counterpart.id),
            myLanguages: participant.languages,
            theirLanguages: counterpart.languages,
            interpreter,
            sharedSectors: own ? own.sectors.filter((x) => theirs.sectors.includes(x)) : [],
          },
          locale,
        ),
      };
      return { item, meeting: m };
    });
    return { a, timeZone, items, title: pickText(event.title, locale), organisation: summaries.get(participant.organisation_id)! };
  }

  async function agenda(who: Who, locale: Locale): Promise<Agenda> {
    const { a, timeZone, items, title, organisation } = await build(who, locale);
    const e = a.event;
    return {
      event: { id: e.id, title, venue: e.venue, online: e.online, timeZone: e.time_zone },
      participant: { id: who.participant.id, organisation },
      locale,
      timeZone,
      eventTimeZone: e.time_zone,
      items: items.filter((x) => x.item.status !== 'cancelled').map((x) => x.item),
    };
  }

  return {
    /** The agenda as a printable PDF in the caller's language (same access as the iCal feed). */
    async pdf(eventId: string, participantId: string, viewer: Viewer | null, locale: Locale): Promise<Buffer> {
      return renderAgendaPdf(await agenda(await access.asParticipant(eventId, participantId, viewer), locale), locale, clock());
    },

    async agenda(eventId: string, participantId: string, viewer: Viewer | null, locale: Locale): Promise<Agenda> {
      return agenda(await access.asParticipant(eventId, participantId, viewer), locale);
    },

    /** RFC 5545 text; cancelled meetings stay in the feed as STATUS:CANCELLED so calendars drop them. */
    async ical(eventId: string, participantId: string, viewer: Viewer | null, locale: Locale): Promise<string> {
      return calendar(await access.asParticipant(eventId, participantId, viewer), locale);
    },

    /**
     * A new secret feed link for a participant (the old one stops working): what calendar apps
     * subscribe to, since they send no session cookie. Only the token's hash is stored.
     */
    async calendarLink(eventId: string, participantId: string, viewer: Viewer | null): Promise<{ url: string }> {
      await access.asParticipant(eventId, participantId, viewer);
      const token = randomBytes(32).toString('base64url');
      await repo.setCalendarToken(eventId, participantId, sha256(token));
      return { url: `${publicUrl}/api/v1/calendar/${token}.ics` };
    },

    /** The feed behind a secret link; 404 for unknown or rotated tokens. */
    async icalByToken(token: string, locale: Locale): Promise<string> {
      const found = /^[A-Za-z0-9_-]{43}$/.test(token) ? await repo.participantByCalendarToken(sha256(token)) : null;
      const event = found && (await repo.findEvent(found.event_id));
      const participant = found && (await repo.findParticipant(found.event_id, found.id));
      if (!event || !participant) throw notFound('calendar');
      return calendar({ event, participant }, locale);
    },
  };

  async function calendar(who: Who, locale: Locale): Promise<string> {
    const { a, items, title } = await build(who, locale);
    const e = a.event;
    return writeCalendar({
      name: title,
      timeZone: e.time_zone,
      events: items.map(({ item, meeting }) => {
        const name = pickText(item.counterpart.names, locale) || item.counterpart.legalName;
        const lines = [
          title,
          translate(locale, 'events.agenda.table', { name: item.table.name }),
          item.interpreter ? translate(locale, 'events.agenda.interpreter', { name: item.interpreter.name }) : null,
          item.table.videoUrl,
        ].filter((l): l is string => Boolean(l));
        return {
          uid: `meeting-${meeting.id}@ponte`,
          sequence: meeting.sequence,
          stamp: meeting.updated_at,
          start: new Date(item.startsAt),
          end: new Date(item.endsAt),
          summary: translate(locale, 'events.agenda.summary', { organisation: name }),
          location: [item.table.name, e.online ? null : e.venue].filter(Boolean).join(', '),
          description: lines.join('\n'),
          ...(item.table.videoUrl ? { url: item.table.videoUrl } : {}),
          cancelled: meeting.status === 'cancelled',
        };
      }),
    });
  }
}
