import type { Queryable } from '../../db/client';
import type { GeneratedSlot, SlotGrid } from '../../domain/events/slot-grid';

export interface EventRow {
  id: string;
  organiser_organisation_id: string;
  title: Record<string, string>;
  description: Record<string, string>;
  venue: string | null;
  online: boolean;
  time_zone: string;
  registration_opens_at: Date | null;
  registration_closes_at: Date | null;
  approval_required: boolean;
  status: 'draft' | 'open' | 'closed';
  slot_grid: SlotGrid | null;
  schedule_published_at: Date | null;
}

export interface SlotRow {
  id: string;
  position: number;
  day: string;
  session: 'morning' | 'afternoon';
  starts_at: Date;
  ends_at: Date;
}

export interface TableRow {
  id: string;
  position: number;
  name: string;
  video_url: string | null;
}

export interface ParticipantRow {
  id: string;
  event_id: string;
  organisation_id: string;
  languages: string[];
  attendance: 'on_site' | 'remote';
  time_zone: string | null;
  available_slot_ids: string[] | null;
  max_meetings: number | null;
  status: 'pending' | 'approved' | 'rejected';
  checked_in_at: Date | null;
}

export interface InterpreterRow {
  id: string;
  name: string;
  languages: string[];
  available_slot_ids: string[] | null;
}

export interface RequestRow {
  id: string;
  event_id: string;
  from_participant_id: string;
  to_participant_id: string;
  priority: number;
  message: string | null;
  must_meet: boolean;
  mandatory: boolean;
  status: 'pending' | 'accepted' | 'declined';
  created_at: Date;
}

export interface MeetingRow {
  id: string;
  request_id: string;
  slot_id: string;
  table_id: string;
  interpreter_id: string | null;
  pinned: boolean;
  status: 'scheduled' | 'cancelled' | 'held' | 'no_show';
  cancel_reason: 'organiser' | 'rescheduled' | null;
  sequence: number;
  updated_at: Date;
  from_participant_id: string;
  to_participant_id: string;
}

export interface NewMeeting {
  id?: string;
  requestId: string;
  slotId: string;
  tableId: string;
  interpreterId: string | null;
  pinned: boolean;
  status: MeetingRow['status'];
  cancelReason: MeetingRow['cancel_reason'];
  sequence: number;
  participants: [string, string];
}

const EVENT_COLUMNS = `id, organiser_organisation_id, title, description, venue, online, time_zone, registration_opens_at,
  registration_closes_at, approval_required, status, slot_grid, schedule_published_at`;
const PARTICIPANT_COLUMNS = 'id, event_id, organisation_id, languages, attendance, time_zone, available_slot_ids, max_meetings, status, checked_in_at';
const MEETING_SELECT = `select m.id, m.request_id, m.slot_id, m.table_id, m.interpreter_id, m.pinned, m.status, m.cancel_reason, m.sequence,
  m.updated_at, r.from_participant_id, r.to_participant_id
  from event_meetings m join event_meeting_requests r on r.id = m.request_id`;

export function createEventRepository(db: Queryable) {
  return {
    async insertEvent(e: Omit<EventRow, 'id' | 'slot_grid' | 'schedule_published_at'> & { createdBy: string }, tx: Queryable = db): Promise<string> {
      const { rows } = await tx.query<{ id: string }>(
        `insert into events (organiser_organisation_id, title, description, venue, online, time_zone, registration_opens_at,
           registration_closes_at, approval_required, status, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
        [e.organiser_organisation_id, JSON.stringify(e.title), JSON.stringify(e.description), e.venue, e.online, e.time_zone,
          e.registration_opens_at, e.registration_closes_at, e.approval_required, e.status, e.createdBy],
      );
      return rows[0]!.id;
    },

    async updateEvent(id: string, e: Omit<EventRow, 'id' | 'slot_grid' | 'organiser_organisation_id' | 'schedule_published_at'>, at: Date): Promise<void> {
      await db.query(
        `update events set title = $2, description = $3, venue = $4, online = $5, time_zone = $6, registration_opens_at = $7,
           registration_closes_at = $8, approval_required = $9, status = $10, updated_at = $11 where id = $1`,
        [id, JSON.stringify(e.title), JSON.stringify(e.description), e.venue, e.online, e.time_zone, e.registration_opens_at,
          e.registration_closes_at, e.approval_required, e.status, at],
      );
    },

    async findEvent(id: string, tx: Queryable = db): Promise<EventRow | null> {
      const { rows } = await tx.query<EventRow>(`select ${EVENT_COLUMNS} from events where id = $1`, [id]);
      return rows[0] ?? null;
    },

    /** Open and closed events, plus drafts organised by one of `orgIds` (every draft with `allDrafts`). */
    async listEvents(orgIds: readonly string[], allDrafts: boolean): Promise<EventRow[]> {
      const { rows } = await db.query<EventRow>(
        `select ${EVENT_COLUMNS} from events where $2 or status <> 'draft' or organiser_organisation_id = any($1::uuid[])
         order by created_at desc limit 200`,
        [orgIds, allDrafts],
      );
      return rows;
    },

    /** Replaces the slots; the caller has checked that no meeting uses them. Availability lists are reset. */
    async replaceSlots(eventId: string, grid: SlotGrid, slots: GeneratedSlot[], tx: Queryable): Promise<void> {
      await tx.query('update event_participants set available_slot_ids = null where event_id = $1', [eventId]);
      await tx.query('update event_interpreters set available_slot_ids = null where event_id = $1', [eventId]);
      await tx.query('delete from event_slots where event_id = $1', [eventId]);
      if (slots.length > 0) {
        await tx.query(
          `insert into event_slots (event_id, position, day, session, starts_at, ends_at)
           select $1, p, d, s, a, b from unnest($2::int[], $3::date[], $4::text[], $5::timestamptz[], $6::timestamptz[]) as t(p, d, s, a, b)`,
          [eventId, slots.map((s) => s.position), slots.map((s) => s.day), slots.map((s) => s.session),
            slots.map((s) => s.startsAt.toISOString()), slots.map((s) => s.endsAt.toISOString())],
        );
      }
      await tx.query('update events set slot_grid = $2 where id = $1', [eventId, JSON.stringify(grid)]);
    },

    /** Renames tables in place (ids stay, so meetings keep them); extra ones are added, missing ones removed. */
    async replaceTables(eventId: string, tables: Array<{ name: string; videoUrl: string | null }>, tx: Queryable): Promise<void> {
      // Positions and names are unique: park the old rows out of the way first.
      await tx.query(`update event_tables set position = position + 100000, name = id::text where event_id = $1`, [eventId]);
      const { rows } = await tx.query<{ id: string }>('select id from event_tables where event_id = $1 order by position', [eventId]);
      for (const [k, t] of tables.entries()) {
        const existing = rows[k];
        if (existing) {
          await tx.query('update event_tables set position = $2, name = $3, video_url = $4 where id = $1', [existing.id, k + 1, t.name, t.videoUrl]);
        } else {
          await tx.query('insert into event_tables (event_id, position, name, video_url) values ($1, $2, $3, $4)', [eventId, k + 1, t.name, t.videoUrl]);
        }
      }
      // A table still used by a meeting cannot go: the foreign key refuses (a conflict for the caller).
      await tx.query('delete from event_tables where event_id = $1 and position > 100000', [eventId]);
    },

    async slots(eventId: string, tx: Queryable = db): Promise<SlotRow[]> {
      const { rows } = await tx.query<SlotRow>(
        'select id, position, day, session, starts_at, ends_at from event_slots where event_id = $1 order by position',
        [eventId],
      );
      return rows;
    },

    async tables(eventId: string, tx: Queryable = db): Promise<TableRow[]> {
      const { rows } = await tx.query<TableRow>('select id, position, name, video_url from event_tables where event_id = $1 order by position', [eventId]);
      return rows;
    },

    async countMeetings(eventId: string, tx: Queryable = db): Promise<number> {
      const { rows } = await tx.query<{ n: number }>('select count(*) as n from event_meetings where event_id = $1', [eventId]);
      return Number(rows[0]!.n);
    },

    async memberOrganisationIds(userId: string): Promise<string[]> {
      const { rows } = await db.query<{ organisation_id: string }>('select organisation_id from organisation_members where user_id = $1', [userId]);
      return rows.map((r) => r.organisation_id);
    },

    async membersOf(orgId: string): Promise<Array<{ id: string; display_name: string }>> {
      const { rows } = await db.query<{ id: string; display_name: string }>(
        'select u.id, u.display_name from organisation_members m join users u on u.id = m.user_id where m.organisation_id = $1',
        [orgId],
      );
      return rows;
    },

    // --- participants ---

    async insertParticipant(p: Omit<ParticipantRow, 'id' | 'checked_in_at'> & { registeredBy: string; decidedAt: Date | null }): Promise<string | null> {
      const { rows } = await db.query<{ id: string }>(
        `insert into event_participants (event_id, organisation_id, languages, attendance, time_zone, available_slot_ids, max_meetings,
           status, registered_by, decided_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (event_id, organisation_id) do nothing returning id`,
        [p.event_id, p.organisation_id, p.languages, p.attendance, p.time_zone, p.available_slot_ids, p.max_meetings, p.status,
          p.registeredBy, p.decidedAt],
      );
      return rows[0]?.id ?? null;
    },

    async updateParticipant(p: ParticipantRow, at: Date): Promise<void> {
      await db.query(
        `update event_participants set languages = $2, attendance = $3, time_zone = $4, available_slot_ids = $5, max_meetings = $6,
           updated_at = $7 where id = $1`,
        [p.id, p.languages, p.attendance, p.time_zone, p.available_slot_ids, p.max_meetings, at],
      );
    },

    /** pending → approved/rejected (or back, by the organiser); false when unchanged. */
    async decideParticipant(id: string, status: 'approved' | 'rejected', by: string, at: Date): Promise<boolean> {
      const { rows } = await db.query(
        `update event_participants set status = $2, decided_by = $3, decided_at = $4, updated_at = $4 where id = $1 and status <> $2 returning id`,
        [id, status, by, at],
      );
      return rows.length > 0;
    },

    async setPeople(participantId: string, userIds: readonly string[], tx: Queryable): Promise<void> {
      await tx.query('delete from event_participant_people where participant_id = $1', [participantId]);
      if (userIds.length > 0) {
        await tx.query('insert into event_participant_people (participant_id, user_id) select $1, unnest($2::uuid[])', [participantId, userIds]);
      }
    },

    async people(participantIds: readonly string[]): Promise<Array<{ participant_id: string; user_id: string; display_name: string }>> {
      const { rows } = await db.query<{ participant_id: string; user_id: string; display_name: string }>(
        `select p.participant_id, p.user_id, u.display_name from event_participant_people p join users u on u.id = p.user_id
         where p.participant_id = any($1::uuid[]) order by u.display_name`,
        [participantIds],
      );
      return rows;
    },

    async setCalendarToken(eventId: string, participantId: string, hash: string): Promise<void> {
      await db.query('update event_participants set calendar_token_hash = $3 where event_id = $1 and id = $2', [eventId, participantId, hash]);
    },

    async participantByCalendarToken(hash: string): Promise<{ event_id: string; id: string } | null> {
      const { rows } = await db.query<{ event_id: string; id: string }>(
        "select event_id, id from event_participants where calendar_token_hash = $1 and status = 'approved'",
        [hash],
      );
      return rows[0] ?? null;
    },

    async findParticipant(eventId: string, id: string, tx: Queryable = db): Promise<ParticipantRow | null> {
      const { rows } = await tx.query<ParticipantRow>(`select ${PARTICIPANT_COLUMNS} from event_participants where event_id = $1 and id = $2`, [eventId, id]);
      return rows[0] ?? null;
    },

    async participants(eventId: string, tx: Queryable = db): Promise<ParticipantRow[]> {
      const { rows } = await tx.query<ParticipantRow>(`select ${PARTICIPANT_COLUMNS} from event_participants where event_id = $1 order by created_at, id`, [eventId]);
      return rows;
    },

    // --- interpreters ---

    async insertInterpreter(eventId: string, i: Omit<InterpreterRow, 'id'>): Promise<string> {
      const { rows } = await db.query<{ id: string }>(
        'insert into event_interpreters (event_id, name, languages, available_slot_ids) values ($1, $2, $3, $4) returning id',
        [eventId, i.name, i.languages, i.available_slot_ids],
      );
      return rows[0]!.id;
    },

    async updateInterpreter(eventId: string, i: InterpreterRow): Promise<boolean> {
      const { rows } = await db.query(
        'update event_interpreters set name = $3, languages = $4, available_slot_ids = $5 where event_id = $1 and id = $2 returning id',
        [eventId, i.id, i.name, i.languages, i.available_slot_ids],
      );
      return rows.length > 0;
    },

    async deleteInterpreter(eventId: string, id: string): Promise<boolean> {
      const { rows } = await db.query('delete from event_interpreters where event_id = $1 and id = $2 returning id', [eventId, id]);
      return rows.length > 0;
    },

    async interpreters(eventId: string, tx: Queryable = db): Promise<InterpreterRow[]> {
      const { rows } = await tx.query<InterpreterRow>(
        'select id, name, languages, available_slot_ids from event_interpreters where event_id = $1 order by created_at, id',
        [eventId],
      );
      return rows;
    },

    // --- meeting requests ---

    async insertRequest(r: Omit<RequestRow, 'id' | 'created_at'> & { createdBy: string; at: Date }, tx: Queryable = db): Promise<string | null> {
      const accepted = r.status !== 'pending';
      const { rows } = await tx.query<{ id: string }>(
        `insert into event_meeting_requests (event_id, from_participant_id, to_participant_id, priority, message, must_meet, mandatory,
           status, created_by, responded_by, responded_at, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) on conflict do nothing returning id`,
        [r.event_id, r.from_participant_id, r.to_participant_id, r.priority, r.message, r.must_meet, r.mandatory, r.status, r.createdBy,
          accepted ? r.createdBy : null, accepted ? r.at : null, r.at],
      );
      return rows[0]?.id ?? null;
    },

    async findRequest(eventId: string, id: string, tx: Queryable = db): Promise<RequestRow | null> {
      const { rows } = await tx.query<RequestRow>('select * from event_meeting_requests where event_id = $1 and id = $2', [eventId, id]);
      return rows[0] ?? null;
    },

    /** A live request between two participants in either direction, accepted ones first. */
    async liveRequestBetween(eventId: string, a: string, b: string, tx: Queryable = db): Promise<RequestRow | null> {
      const { rows } = await tx.query<RequestRow>(
        `select * from event_meeting_requests where event_id = $1 and status <> 'declined'
           and ((from_participant_id = $2 and to_participant_id = $3) or (from_participant_id = $3 and to_participant_id = $2))
         order by status = 'accepted' desc, created_at limit 1`,
        [eventId, a, b],
      );
      return rows[0] ?? null;
    },

    async requests(eventId: string, participantId: string | null, tx: Queryable = db): Promise<RequestRow[]> {
      const { rows } = await tx.query<RequestRow>(
        `select * from event_meeting_requests where event_id = $1
           and ($2::uuid is null or from_participant_id = $2 or to_participant_id = $2)
         order by created_at, id`,
        [eventId, participantId],
      );
      return rows;
    },

    async respondRequest(id: string, status: 'accepted' | 'declined', by: string, at: Date, tx: Queryable = db): Promise<boolean> {
      const { rows } = await tx.query(
        `update event_meeting_requests set status = $2, responded_by = $3, responded_at = $4 where id = $1 and status = 'pending' returning id`,
        [id, status, by, at],
      );
      return rows.length > 0;
    },

    async markMandatory(id: string, tx: Queryable): Promise<void> {
      await tx.query('update event_meeting_requests set mandatory = true where id = $1', [id]);
    },

    // --- meetings ---

    async meetings(eventId: string, tx: Queryable = db): Promise<MeetingRow[]> {
      const { rows } = await tx.query<MeetingRow>(`${MEETING_SELECT} where m.event_id = $1 order by m.created_at, m.id`, [eventId]);
      return rows;
    },

    async findMeeting(eventId: string, id: string, tx: Queryable = db): Promise<MeetingRow | null> {
      const { rows } = await tx.query<MeetingRow>(`${MEETING_SELECT} where m.event_id = $1 and m.id = $2`, [eventId, id]);
      return rows[0] ?? null;
    },

    /** Inserts a meeting and, when live, its two seats; unique violations surface to the caller. */
    async insertMeeting(eventId: string, m: NewMeeting, at: Date, tx: Queryable): Promise<string> {
      const { rows } = await tx.query<{ id: string }>(
        `insert into event_meetings (id, event_id, request_id, slot_id, table_id, interpreter_id, pinned, status, cancel_reason, sequence,
           created_at, updated_at)
         values (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) returning id`,
        [m.id ?? null, eventId, m.requestId, m.slotId, m.tableId, m.interpreterId, m.pinned, m.status, m.cancelReason, m.sequence, at],
      );
      const id = rows[0]!.id;
      if (m.status !== 'cancelled') {
        await tx.query(
          `insert into event_meeting_seats (meeting_id, slot_id, event_id, participant_id) values ($1, $2, $3, $4), ($1, $2, $3, $5)`,
          [id, m.slotId, eventId, m.participants[0], m.participants[1]],
        );
      }
      return id;
    },

    async updateMeeting(id: string, m: { slotId: string; tableId: string; interpreterId: string | null; pinned: boolean; sequence: number }, at: Date, tx: Queryable): Promise<void> {
      await tx.query(
        `update event_meetings set slot_id = $2, table_id = $3, interpreter_id = $4, pinned = $5, sequence = $6, updated_at = $7 where id = $1`,
        [id, m.slotId, m.tableId, m.interpreterId, m.pinned, m.sequence, at],
      );
    },

    /** A cancelled meeting keeps its row (and so its iCal UID); its pin is remembered for a restore. */
    async cancelMeeting(id: string, reason: 'organiser' | 'rescheduled', at: Date, tx: Queryable): Promise<void> {
      await tx.query('delete from event_meeting_seats where meeting_id = $1', [id]);
      await tx.query(
        `update event_meetings set status = 'cancelled', cancel_reason = $2, pinned_before_cancel = pinned, pinned = false, sequence = sequence + 1,
           updated_at = $3 where id = $1`,
        [id, reason, at],
      );
    },

    /** Brings a cancelled meeting back where it was, pinned as before; SEQUENCE grows so calendars update. */
    async restoreMeeting(eventId: string, m: MeetingRow, at: Date, tx: Queryable): Promise<void> {
      await tx.query(
        `update event_meetings set status = 'scheduled', cancel_reason = null, pinned = pinned_before_cancel, pinned_before_cancel = false,
           sequence = sequence + 1, updated_at = $2 where id = $1`,
        [m.id, at],
      );
      await tx.query(
        'insert into event_meeting_seats (meeting_id, slot_id, event_id, participant_id) values ($1, $2, $3, $4), ($1, $2, $3, $5)',
        [m.id, m.slot_id, eventId, m.from_participant_id, m.to_participant_id],
      );
    },

    async deleteMeetings(ids: readonly string[], tx: Queryable): Promise<void> {
      if (ids.length > 0) await tx.query('delete from event_meetings where id = any($1::uuid[])', [ids]);
    },

    /** Serialises schedule runs and grid edits of one event (row lock on the event). */
    async lockEvent(eventId: string, tx: Queryable): Promise<void> {
      await tx.query('select id from events where id = $1 for update', [eventId]);
    },
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
