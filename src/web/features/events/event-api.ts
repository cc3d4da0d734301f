import type {
  Agenda, Event, EventInput, EventList, EventRecommendationList, Feedback, FeedbackInput, MeetingRequest, MeetingRequestInput, Participant,
  ParticipantSettings, RegistrationInput,
} from '../../../contracts/events';
import { api } from '../../lib/api';

export type EventRecommendation = EventRecommendationList['items'][number];

const base = (eventId: string) => `/events/${encodeURIComponent(eventId)}`;

export const eventApi = {
  list: () => api.get<EventList>('/events'),
  get: (id: string) => api.get<Event>(base(id)),
  create: (input: EventInput) => api.post<Event>('/events', input),

  participants: (id: string) => api.get<{ items: Participant[] }>(`${base(id)}/participants`),
  register: (id: string, input: RegistrationInput) => api.post<Participant>(`${base(id)}/participants`, input),
  updateParticipant: (id: string, pid: string, settings: ParticipantSettings) => api.patch<Participant>(`${base(id)}/participants/${pid}`, settings),
  approve: (id: string, pid: string) => api.post<Participant>(`${base(id)}/participants/${pid}/approve`),
  reject: (id: string, pid: string) => api.post<Participant>(`${base(id)}/participants/${pid}/reject`),

  recommendations: (id: string, pid: string) => api.get<EventRecommendationList>(`${base(id)}/recommendations`, { participant: pid }),
  requests: (id: string, pid: string) => api.get<{ items: MeetingRequest[] }>(`${base(id)}/requests`, { participant: pid }),
  sendRequest: (id: string, input: MeetingRequestInput) => api.post<MeetingRequest>(`${base(id)}/requests`, input),
  accept: (id: string, rid: string) => api.post<MeetingRequest>(`${base(id)}/requests/${rid}/accept`),
  decline: (id: string, rid: string) => api.post<MeetingRequest>(`${base(id)}/requests/${rid}/decline`),

  agenda: (id: string, pid: string) => api.get<Agenda>(`${base(id)}/agenda`, { participant: pid }),
  calendarLink: (id: string, pid: string) => api.post<{ url: string }>(`${base(id)}/participants/${pid}/calendar-link`),
  feedback: (id: string, mid: string, body: FeedbackInput) => api.post<Feedback>(`${base(id)}/meetings/${mid}/feedback`, body),

  /** Downloads use the session cookie; these are same-origin URLs for links. */
  icalUrl: (id: string, pid: string) => `/api/v1${base(id)}/participants/${pid}/agenda.ics`,
  pdfUrl: (id: string, pid: string) => `/api/v1${base(id)}/participants/${pid}/agenda.pdf`,
};
