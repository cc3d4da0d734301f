/** SQL of the event day: publication, check-in, meeting status, swaps, feedback, notification recipients. */
import type { Queryable } from '../../db/client';

export interface FeedbackRow {
  meeting_id: string;
  participant_id: string;
  rating: number;
  continue_cooperation: boolean;
  expect_agreement: boolean;
  comment: string | null;
  updated_at: Date;
}

export interface UpcomingMeetingRow {
  id: string;
  event_id: string;
  slot_id: string;
  table_id: string;
  interpreter_id: string | null;
  starts_at: Date;
  ends_at: Date;
  from_participant_id: string;
  to_participant_id: string;
}

export interface MeetingPlace {
  id: string;
  slotId: string;
  tableId: string;
  interpreterId: string | null;
  sequence: number;
  participants: [string, string];
}

const FEEDBACK_COLUMNS = 'meeting_id, participant_id, rating, continue_cooperation, expect_agreement, comment, updated_at';

export function createEventDayRepository(db: Queryable) {
  return {
    async publish(eventId: string, at: Date): Promise<void> {
      await db.query('update events set schedule_published_at = $2, updated_at = $2 where id = $1', [eventId, at]);
    },

    async setCheckedIn(eventId: string, participantId: string, at: Date | null): Promise<void> {
      await db.query('update event_participants set checked_in_at = $3, updated_at = coalesce($3, now()) where event_id = $1 and id = $2', [eventId, participantId, at]);
    },

    async setMeetingStatus(id: string, status: 'scheduled' | 'held' | 'no_show', at: Date, tx: Queryable = db): Promise<void> {
      await tx.query('update event_meetings set status = $2, updated_at = $3 where id = $1', [id, status, at]);
    },

    /**
     * Writes new places for several live meetings at once. Unique indexes are checked row by row,
     * so the meetings step out of them first (seats deleted, status parked as cancelled), then
     * take their new places and seats: a swap never trips over its own other half.
     */
    async replacePlaces(eventId: string, places: readonly MeetingPlace[], at: Date, tx: Queryable): Promise<void> {
      const ids = places.map((p) => p.id);
      const { rows } = await tx.query<{ id: string; status: string; pinned: boolean }>('select id, status, pinned from event_meetings where id = any($1::uuid[])', [ids]);
      const before = new Map(rows.map((r) => [r.id, r]));
      await tx.query('delete from event_meeting_seats where meeting_id = any($1::uuid[])', [ids]);
      await tx.query(`update event_meetings set status = 'cancelled', cancel_reason = 'rescheduled', pinned = false where id = any($1::uuid[])`, [ids]);
      for (const p of places) {
        await tx.query(
          `update event_meetings set status = $2, cancel_reason = null, pinned = $8, slot_id = $3, table_id = $4, interpreter_id = $5, sequence = $6,
             updated_at = $7 where id = $1`,
          [p.id, before.get(p.id)?.status ?? 'scheduled', p.slotId, p.tableId, p.interpreterId, p.sequence, at, before.get(p.id)?.pinned ?? false],
        );
        await tx.query(
          'insert into event_meeting_seats (meeting_id, slot_id, event_id, participant_id) values ($1, $2, $3, $4), ($1, $2, $3, $5)',
          [p.id, p.slotId, eventId, p.participants[0], p.participants[1]],
        );
      }
    },

    async upsertFeedback(f: Omit<FeedbackRow, 'updated_at'> & { eventId: string; by: string; at: Date }): Promise<void> {
      await db.query(
        `insert into event_meeting_feedback (meeting_id, participant_id, event_id, rating, continue_cooperation, expect_agreement, comment, submitted_by, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
         on conflict (meeting_id, participant_id) do update set rating = excluded.rating, continue_cooperation = excluded.continue_cooperation,
           expect_agreement = excluded.expect_agreement, comment = excluded.comment, submitted_by = excluded.submitted_by, updated_at = excluded.updated_at`,
        [f.meeting_id, f.participant_id, f.eventId, f.rating, f.continue_cooperation, f.expect_agreement, f.comment, f.by, f.at],
      );
    },

    async feedback(eventId: string, participantId: string | null = null): Promise<FeedbackRow[]> {
      const { rows } = await db.query<FeedbackRow>(
        `select ${FEEDBACK_COLUMNS} from event_meeting_feedback where event_id = $1 and ($2::uuid is null or participant_id = $2) order by updated_at, meeting_id`,
        [eventId, participantId],
      );
      return rows;
    },

    /** The people who attend for these participants; for a participant without any, its organisation's members. */
    async peopleOf(participantIds: readonly string[]): Promise<Array<{ participant_id: string; user_id: string }>> {
      const { rows } = await db.query<{ participant_id: string; user_id: string }>(
        `select p.id as participant_id, coalesce(pp.user_id, m.user_id) as user_id
         from event_participants p
         left join event_participant_people pp on pp.participant_id = p.id
         left join organisation_members m on m.organisation_id = p.organisation_id
           and not exists (select 1 from event_participant_people x where x.participant_id = p.id)
         where p.id = any($1::uuid[]) and coalesce(pp.user_id, m.user_id) is not null`,
        [participantIds],
      );
      return rows;
    },

    /** Scheduled meetings of published events starting within (from, to]: what the day-before reminders may list. */
    async meetingsStartingBetween(from: Date, to: Date): Promise<UpcomingMeetingRow[]> {
      const { rows } = await db.query<UpcomingMeetingRow>(
        `select m.id, m.event_id, m.slot_id, m.table_id, m.interpreter_id, s.starts_at, s.ends_at, r.from_participant_id, r.to_participant_id
         from event_meetings m
         join event_meeting_requests r on r.id = m.request_id
         join event_slots s on s.id = m.slot_id
         join events e on e.id = m.event_id
         where m.status = 'scheduled' and e.schedule_published_at is not null and s.starts_at > $1 and s.starts_at <= $2
         order by m.event_id, s.starts_at, m.id`,
        [from, to],
      );
      return rows;
    },

    /** Which of these notification keys each user already has (key + '|' + user id). */
    async sentKeys(keys: readonly string[]): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      const { rows } = await db.query<{ dedupe_key: string; user_id: string }>('select dedupe_key, user_id from notifications where dedupe_key = any($1::text[])', [keys]);
      return new Set(rows.map((r) => `${r.dedupe_key}|${r.user_id}`));
    },
  };
}

export type EventDayRepository = ReturnType<typeof createEventDayRepository>;
