import type { MeetingRequest, Participant, SchedulingInstance } from './instance';

/** Small instances for tests: `buildInstance({ participants: [...] })` fills in the rest. */
export function buildInstance(over: Partial<SchedulingInstance> = {}): SchedulingInstance {
  return {
    slots: ['1', '2', '3', '4'].map((id) => ({ id })),
    tables: 2,
    interpreters: [],
    participants: [],
    requests: [],
    precedences: [],
    ...over,
  };
}

export const person = (id: string, languages: string[] = ['en'], extra: Partial<Participant> = {}): Participant => ({ id, languages, ...extra });

export const request = (id: string, a: string, b: string, extra: Partial<MeetingRequest> = {}): MeetingRequest => ({ id, a, b, weight: 1, ...extra });
