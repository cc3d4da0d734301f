import { z } from 'zod';
import { IsoDate, LanguageCode, LocalisedShortText, LocalisedText, TimeZone, Uuid } from './common';
import { OrganisationSummary } from './organisation';

/** Missions and brokerage events (issue 4 items 1–4 and 10). */

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid');
const clockMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export const SessionName = z.enum(['morning', 'afternoon']);
export const EventStatus = z.enum(['draft', 'open', 'closed']);
export const Attendance = z.enum(['on_site', 'remote']);
export const ParticipantStatus = z.enum(['pending', 'approved', 'rejected']);
export const RequestStatus = z.enum(['pending', 'accepted', 'declined']);
export const MeetingStatus = z.enum(['scheduled', 'cancelled', 'held', 'no_show']);

/** The slot-grid generator: every day × every session, slots of `slotMinutes`, skipping breaks. */
export const SlotGridInput = z
  .object({
    days: z.array(IsoDate).min(1).max(31),
    sessions: z
      .array(z.object({ session: SessionName, start: Clock, end: Clock }).strict())
      .min(1)
      .max(2)
      .refine((ss) => ss.every((s) => clockMinutes(s.start) < clockMinutes(s.end)), { message: 'invalid' })
      .refine((ss) => new Set(ss.map((s) => s.session)).size === ss.length, { message: 'invalid' }),
    slotMinutes: z.number().int().min(5).max(240),
    gapMinutes: z.number().int().min(0).max(120).default(0),
    breaks: z
      .array(z.object({ start: Clock, end: Clock }).strict().refine((b) => clockMinutes(b.start) < clockMinutes(b.end), { message: 'invalid' }))
      .max(10)
      .default([]),
  })
  .strict();
export type SlotGridInput = z.infer<typeof SlotGridInput>;

export const TableInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** Online rooms: the meeting link (https only). */
    videoUrl: z.url({ protocol: /^https$/ }).max(500).optional(),
  })
  .strict();
export type TableInput = z.infer<typeof TableInput>;

export const TablesInput = z
  .object({ tables: z.array(TableInput).max(500) })
  .strict()
  .refine((t) => new Set(t.tables.map((x) => x.name)).size === t.tables.length, { message: 'invalid', path: ['tables'] });
export type TablesInput = z.infer<typeof TablesInput>;

const EventFields = {
  title: LocalisedShortText,
  description: LocalisedText.optional(),
  venue: z.string().trim().min(1).max(300).optional(),
  online: z.boolean().default(false),
  timeZone: TimeZone,
  registrationOpensAt: z.iso.datetime({ offset: true }).optional(),
  registrationClosesAt: z.iso.datetime({ offset: true }).optional(),
  approvalRequired: z.boolean().default(true),
  status: EventStatus.default('draft'),
};

export const EventInput = z
  .object({
    organiserOrganisationId: Uuid,
    ...EventFields,
    grid: SlotGridInput.optional(),
    tables: z.array(TableInput).max(500).default([]),
  })
  .strict()
  .refine((e) => e.online || Boolean(e.venue), { message: 'event_venue_required', path: ['venue'] })
  // The database has unique (event_id, name): say so as a field error, not as a failed insert.
  .refine((e) => new Set(e.tables.map((t) => t.name)).size === e.tables.length, { message: 'invalid', path: ['tables'] });
export type EventInput = z.infer<typeof EventInput>;

/** Partial update; null clears an optional field. */
export const EventPatch = z
  .object({
    title: LocalisedShortText.optional(),
    description: LocalisedText.nullable().optional(),
    venue: z.string().trim().min(1).max(300).nullable().optional(),
    online: z.boolean().optional(),
    timeZone: TimeZone.optional(),
    registrationOpensAt: z.iso.datetime({ offset: true }).nullable().optional(),
    registrationClosesAt: z.iso.datetime({ offset: true }).nullable().optional(),
    approvalRequired: z.boolean().optional(),
    status: EventStatus.optional(),
  })
  .strict();
export type EventPatch = z.infer<typeof EventPatch>;

export const EventSlot = z.object({
  id: Uuid,
  position: z.number().int(),
  day: IsoDate,
  session: SessionName,
  startsAt: z.string(),
  endsAt: z.string(),
});
export type EventSlot = z.infer<typeof EventSlot>;

export const EventTable = z.object({
  id: Uuid,
  position: z.number().int(),
  name: z.string(),
  /** Null for viewers who are neither organisers nor approved participants. */
  videoUrl: z.string().nullable(),
});
export type EventTable = z.infer<typeof EventTable>;

export const Event = z.object({
  id: Uuid,
  organiser: OrganisationSummary,
  title: LocalisedShortText,
  description: z.record(z.string(), z.string()),
  venue: z.string().nullable(),
  online: z.boolean(),
  timeZone: z.string(),
  registrationOpensAt: z.string().nullable(),
  registrationClosesAt: z.string().nullable(),
  approvalRequired: z.boolean(),
  status: EventStatus,
  /** When the organiser last published the schedule; null = not yet (participants see meetings only after). */
  schedulePublishedAt: z.string().nullable(),
  grid: SlotGridInput.nullable(),
  slots: z.array(EventSlot),
  tables: z.array(EventTable),
  /** organiser: may edit; participant: one of the viewer's organisations takes part. */
  viewerRole: z.enum(['organiser', 'participant']).nullable(),
});
export type Event = z.infer<typeof Event>;

export const EventList = z.object({ items: z.array(Event.omit({ slots: true, tables: true, grid: true })) });
export type EventList = z.infer<typeof EventList>;

const ParticipantSettingsFields = {
  languages: z.array(LanguageCode).max(10).optional(),
  attendance: Attendance.optional(),
  /** A remote participant's own zone; their default availability is 08:00–19:00 there. */
  timeZone: TimeZone.nullable().optional(),
  /** Slot ids; null = every slot (for remote participants: their working hours). */
  availableSlotIds: z.array(Uuid).max(2000).nullable().optional(),
  maxMeetings: z.number().int().min(0).max(500).nullable().optional(),
  /** Users (members of the organisation) who attend. */
  people: z.array(Uuid).max(20).optional(),
};

export const RegistrationInput = z.object({ organisationId: Uuid, ...ParticipantSettingsFields }).strict();
export type RegistrationInput = z.infer<typeof RegistrationInput>;

export const ParticipantSettings = z.object(ParticipantSettingsFields).strict();
export type ParticipantSettings = z.infer<typeof ParticipantSettings>;

export const Participant = z.object({
  id: Uuid,
  eventId: Uuid,
  organisation: OrganisationSummary,
  status: ParticipantStatus,
  languages: z.array(z.string()),
  attendance: Attendance,
  timeZone: z.string().nullable(),
  /** Organiser and the participant's own members only; null for others. */
  availableSlotIds: z.array(Uuid).nullable(),
  maxMeetings: z.number().int().nullable(),
  /** Display names of the people attending (no contact details); own side and organiser only. */
  people: z.array(z.object({ userId: Uuid, displayName: z.string() })),
  /** On the day: when the organiser checked the participant in; null = not (yet) arrived. */
  checkedInAt: z.string().nullable(),
});
export type Participant = z.infer<typeof Participant>;

export const ParticipantList = z.object({ items: z.array(Participant) });

export const InterpreterInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** Languages spoken; a pair such as it–zh is ["it", "zh"]. */
    languages: z.array(LanguageCode).min(1).max(10),
    availableSlotIds: z.array(Uuid).max(2000).nullable().optional(),
  })
  .strict();
export type InterpreterInput = z.infer<typeof InterpreterInput>;

export const Interpreter = z.object({
  id: Uuid,
  name: z.string(),
  languages: z.array(z.string()),
  availableSlotIds: z.array(Uuid).nullable(),
});
export type Interpreter = z.infer<typeof Interpreter>;
export const InterpreterList = z.object({ items: z.array(Interpreter) });

export const MeetingRequestInput = z
  .object({
    fromParticipantId: Uuid,
    toParticipantId: Uuid,
    /** 1 = most wanted, 3 = would be nice. */
    priority: z.number().int().min(1).max(3).default(2),
    message: z.string().trim().min(1).max(2000).optional(),
    mustMeet: z.boolean().default(false),
  })
  .strict();
export type MeetingRequestInput = z.infer<typeof MeetingRequestInput>;

export const MeetingRequest = z.object({
  id: Uuid,
  fromParticipantId: Uuid,
  toParticipantId: Uuid,
  from: OrganisationSummary,
  to: OrganisationSummary,
  priority: z.number().int(),
  message: z.string().nullable(),
  mustMeet: z.boolean(),
  mandatory: z.boolean(),
  status: RequestStatus,
  /** The other side asked too. */
  mutual: z.boolean(),
  createdAt: z.string(),
});
export type MeetingRequest = z.infer<typeof MeetingRequest>;
export const MeetingRequestList = z.object({ items: z.array(MeetingRequest) });
export const MeetingRequestQuery = z.object({ participant: Uuid.optional() });

export const MeetingInput = z
  .object({
    participantA: Uuid,
    participantB: Uuid,
    slotId: Uuid,
    tableId: Uuid,
    interpreterId: Uuid.nullable().optional(),
    pinned: z.boolean().default(true),
    /** The scheduler must keep this meeting (when not pinned). */
    mandatory: z.boolean().default(false),
  })
  .strict();
export type MeetingInput = z.infer<typeof MeetingInput>;

export const MeetingPatch = z
  .object({
    /**
     * Moving a pinned meeting without saying `pinned` is refused (violation `pinned`): send
     * `pinned: true` to move it and keep it pinned, or `pinned: false` to move and unpin it.
     */
    pinned: z.boolean().optional(),
    /** On the day: the meeting took place, or a side did not come. Only the status may change for held/no-show meetings. */
    status: z.enum(['scheduled', 'held', 'no_show']).optional(),
    slotId: Uuid.optional(),
    tableId: Uuid.optional(),
    interpreterId: Uuid.nullable().optional(),
  })
  .strict();
export type MeetingPatch = z.infer<typeof MeetingPatch>;

export const Meeting = z.object({
  id: Uuid,
  requestId: Uuid,
  participantIds: z.tuple([Uuid, Uuid]),
  slotId: Uuid,
  tableId: Uuid,
  interpreterId: Uuid.nullable(),
  pinned: z.boolean(),
  status: MeetingStatus,
  sequence: z.number().int(),
});
export type Meeting = z.infer<typeof Meeting>;
export const MeetingList = z.object({ items: z.array(Meeting) });

export const ScheduleInput = z
  .object({
    timeLimitSeconds: z.number().min(0.1).max(60).default(5),
    seed: z.number().int().min(0).max(2 ** 31).optional(),
  })
  .strict();
export type ScheduleInput = z.infer<typeof ScheduleInput>;

export const ScheduleSummary = z.object({
  meetings: z.number().int(),
  totalWeight: z.number(),
  breaks: z.number().int(),
  interpretedMeetings: z.number().int(),
});
export type ScheduleSummary = z.infer<typeof ScheduleSummary>;

export const ScheduleRun = z.object({
  status: z.enum(['scheduled', 'infeasible', 'unsolved']),
  before: ScheduleSummary,
  /** Null when nothing was written. */
  after: ScheduleSummary.nullable(),
  requestedWeight: z.number(),
  moved: z.number().int(),
  /** Requests left out and why: no common slot, no interpreter free, a side at its maximum, or no room left. */
  unscheduled: z.array(
    z.object({ requestId: Uuid, participantIds: z.tuple([Uuid, Uuid]), reason: z.enum(['no_common_slot', 'no_interpreter', 'max_meetings', 'no_room']) }),
  ),
  /** Why the event cannot be scheduled (infeasible/unsolved), naming participants and slots. */
  conflicts: z.array(z.string()),
  seconds: z.number(),
});
export type ScheduleRun = z.infer<typeof ScheduleRun>;

export const AgendaQuery = z.object({ participant: Uuid });

const LocalSpan = z.object({ date: IsoDate, start: z.string(), end: z.string(), label: z.string() });

export const AgendaItem = z.object({
  meetingId: Uuid,
  status: MeetingStatus,
  startsAt: z.string(),
  endsAt: z.string(),
  /** In the participant's zone (a remote participant's own, else the event's). */
  local: LocalSpan,
  /** In the event's zone; null when it is the same as `local`'s. */
  eventLocal: LocalSpan.nullable(),
  counterpart: OrganisationSummary.extend({ languages: z.array(z.string()) }),
  table: z.object({ name: z.string(), videoUrl: z.string().nullable() }),
  interpreter: z.object({ name: z.string() }).nullable(),
  /** The feedback this participant gave on the meeting, if any. */
  feedback: z.object({ rating: z.number().int(), continue: z.boolean(), expectAgreement: z.boolean(), comment: z.string().nullable() }).nullable(),
  /** Why this counterpart, in the reader's language. */
  why: z.array(z.string()),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Agenda = z.object({
  event: z.object({ id: Uuid, title: z.string(), venue: z.string().nullable(), online: z.boolean(), timeZone: z.string() }),
  participant: z.object({ id: Uuid, organisation: OrganisationSummary }),
  locale: z.string(),
  timeZone: z.string(),
  eventTimeZone: z.string(),
  items: z.array(AgendaItem),
});
export type Agenda = z.infer<typeof Agenda>;


// --- The day of the event (issue 4 items 11–13) ---

export const CheckInInput = z.object({ checkedIn: z.boolean() }).strict();
export type CheckInInput = z.infer<typeof CheckInInput>;

export const ViolationCode = z.enum([
  'table_taken', 'participant_busy', 'participant_unavailable', 'interpreter_busy', 'interpreter_unavailable',
  'interpreter_languages', 'interpreter_needed', 'max_meetings', 'pinned',
]);
export type ViolationCode = z.infer<typeof ViolationCode>;

/**
 * A placement to check live while dragging: either an existing meeting (`meetingId`) to a new
 * slot/table, or a new meeting between `participantA` and `participantB`. `interpreterId`
 * absent = the meeting's current one (none for a new meeting); null = none.
 */
export const MeetingPlacementCheckInput = z
  .object({
    meetingId: Uuid.optional(),
    participantA: Uuid.optional(),
    participantB: Uuid.optional(),
    slotId: Uuid,
    tableId: Uuid,
    interpreterId: Uuid.nullable().optional(),
  })
  .strict()
  .refine((v) => Boolean(v.meetingId) || (Boolean(v.participantA) && Boolean(v.participantB)), { message: 'invalid', path: ['meetingId'] });

/**
 * A swap to check live: `meetingId` and `swapWith` exchange slot and table, judged as a whole by
 * the same rule POST …/meetings/swap applies (interpreters kept or re-assigned as the swap would).
 */
export const MeetingSwapCheckInput = z
  .object({ meetingId: Uuid, swapWith: Uuid })
  .strict()
  .refine((v) => v.meetingId !== v.swapWith, { message: 'invalid', path: ['swapWith'] });

/** Either a placement or a swap; a body with `swapWith` is a swap. */
export const MeetingCheckInput = z.union([MeetingSwapCheckInput, MeetingPlacementCheckInput]);
export type MeetingCheckInput = z.infer<typeof MeetingCheckInput>;

export const MeetingCheck = z.object({
  ok: z.boolean(),
  /** In the caller's language; the same violations make PATCH/POST meetings answer 409 (problem `errors[]` carry the codes). */
  violations: z.array(
    z.object({
      code: ViolationCode,
      message: z.string(),
      /** In a swap: the meeting whose new place breaks the rule. */
      meetingId: Uuid.optional(),
    }),
  ),
});
export type MeetingCheck = z.infer<typeof MeetingCheck>;

/** Exchanges slot and table of two scheduled, unpinned meetings; interpreters stay or are re-assigned so both stay valid. */
export const MeetingSwapInput = z.object({ a: Uuid, b: Uuid }).strict().refine((v) => v.a !== v.b, { message: 'invalid', path: ['b'] });
export type MeetingSwapInput = z.infer<typeof MeetingSwapInput>;

/**
 * Quick rescheduling of a no-show or late participant who is there from `fromSlotId` on (default:
 * the first slot that has not started). Their still-`scheduled` meetings in earlier slots were
 * missed: each is re-placed in a slot from `fromSlotId` on by the scheduler's incremental
 * rescheduling, which moves as few other meetings as possible (at most two per re-placed meeting)
 * and never a pinned, held or no-show one, nor anything into a slot before `fromSlotId`. A missed
 * meeting that fits nowhere is marked `no_show`. Both sides of every moved meeting are notified
 * once the schedule is published.
 */
export const RescheduleParticipantInput = z.object({ fromSlotId: Uuid.optional() }).strict();
export type RescheduleParticipantInput = z.infer<typeof RescheduleParticipantInput>;

export const RescheduleParticipantResult = z.object({
  /** Meetings (the participant's missed ones and others') now in another slot or at another table. */
  moved: z.number().int(),
  /** Missed meetings that could not be re-placed (now `no_show`). */
  cancelled: z.number().int(),
  /** The participant's meetings from `fromSlotId` on that stayed where they were. */
  kept: z.number().int(),
  /** Every live meeting of the event after the change. */
  meetings: z.array(Meeting),
});
export type RescheduleParticipantResult = z.infer<typeof RescheduleParticipantResult>;

export const FeedbackInput = z
  .object({
    /** The side giving feedback; the caller must be a member of its organisation. */
    participantId: Uuid,
    rating: z.number().int().min(1).max(5),
    continue: z.boolean(),
    expectAgreement: z.boolean(),
    comment: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();
export type FeedbackInput = z.infer<typeof FeedbackInput>;

export const Feedback = z.object({
  meetingId: Uuid,
  participantId: Uuid,
  rating: z.number().int(),
  continue: z.boolean(),
  expectAgreement: z.boolean(),
  comment: z.string().nullable(),
  updatedAt: z.string(),
});
export type Feedback = z.infer<typeof Feedback>;

export const FeedbackList = z.object({
  items: z.array(Feedback),
  summary: z.object({
    count: z.number().int(),
    /** Null without feedback. */
    averageRating: z.number().nullable(),
    /** Shares 0–1 of feedback saying "continue" / "expect an agreement". */
    continueShare: z.number().nullable(),
    expectAgreementShare: z.number().nullable(),
  }),
});
export type FeedbackList = z.infer<typeof FeedbackList>;

export const RecommendationQuery = z.object({ participant: Uuid });

export const EventRecommendation = z.object({
  participantId: Uuid,
  organisation: OrganisationSummary,
  score: z.number(),
  /** Why they match, in the reader's language. */
  reasons: z.array(z.string()),
  /** A live (pending or accepted) request exists between the two, in either direction. */
  requested: z.boolean(),
});
export const EventRecommendationList = z.object({ items: z.array(EventRecommendation) });
export type EventRecommendationList = z.infer<typeof EventRecommendationList>;
