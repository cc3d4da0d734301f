import type {
  Event, Interpreter, Meeting, MeetingCheck, MeetingCheckInput, MeetingInput, MeetingPatch, MeetingRequest, Participant,
  RescheduleParticipantResult, ScheduleInput, ScheduleRun,
} from '../../../contracts/events';
import { api } from '../../lib/api';

/** The organiser's side of the events API, typed by the shared contracts (src/contracts/events.ts). */
export type ConsoleEvent = Event;
export type ConsoleParticipant = Participant;
export type MeetingOutcome = NonNullable<MeetingPatch['status']>;
export type PlacementCheckInput = MeetingCheckInput;
export type PlacementCheck = MeetingCheck;
export type RescheduleResult = RescheduleParticipantResult;

const base = (eventId: string) => `/events/${eventId}`;

export const consoleApi = {
  event: (id: string) => api.get<ConsoleEvent>(base(id)),
  participants: (id: string) => api.get<{ items: ConsoleParticipant[] }>(`${base(id)}/participants`),
  interpreters: (id: string) => api.get<{ items: Interpreter[] }>(`${base(id)}/interpreters`),
  requests: (id: string) => api.get<{ items: MeetingRequest[] }>(`${base(id)}/requests`),
  meetings: (id: string) => api.get<{ items: Meeting[] }>(`${base(id)}/meetings`),

  addMeeting: (id: string, input: MeetingInput) => api.post<Meeting>(`${base(id)}/meetings`, input),
  patchMeeting: (id: string, meetingId: string, patch: MeetingPatch) => api.patch<Meeting>(`${base(id)}/meetings/${meetingId}`, patch),
  cancelMeeting: (id: string, meetingId: string) => api.post<Meeting>(`${base(id)}/meetings/${meetingId}/cancel`),
  /** The same meeting back where it was (409 with the reasons when its place is gone). */
  restoreMeeting: (id: string, meetingId: string) => api.post<Meeting>(`${base(id)}/meetings/${meetingId}/restore`),
  swapMeetings: (id: string, a: string, b: string) => api.post<{ items: Meeting[] }>(`${base(id)}/meetings/swap`, { a, b }),
  /** A placement, or with `swapWith` a swap judged as a whole by the swap's own rule. */
  checkPlacement: (id: string, input: PlacementCheckInput) => api.post<PlacementCheck>(`${base(id)}/meetings/check`, input),

  schedule: (id: string, input: Partial<ScheduleInput>) => api.post<ScheduleRun>(`${base(id)}/schedule`, input),
  publish: (id: string) => api.post<ConsoleEvent>(`${base(id)}/publish`),
  checkIn: (id: string, participantId: string, checkedIn: boolean) =>
    api.post<ConsoleParticipant>(`${base(id)}/participants/${participantId}/check-in`, { checkedIn }),
  reschedule: (id: string, participantId: string, fromSlotId?: string) =>
    api.post<RescheduleResult>(`${base(id)}/participants/${participantId}/reschedule`, fromSlotId ? { fromSlotId } : {}),
};
