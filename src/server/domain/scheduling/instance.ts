/**
 * The meeting-scheduling instance as the scheduler sees it (issue 4, items 5–8). Ids are strings;
 * slot order is the order of `slots`. Both the Ponte JSON format (instance-json.ts) and the UdG
 * MiniZinc format (dzn.ts) turn into this shape.
 */
export interface Slot {
  id: string;
  /** Slots of one session (e.g. "morning"); a request may be restricted to one session. */
  session?: string;
}

export interface Interpreter {
  id: string;
  languages: string[];
  /** Slot ids; absent = every slot. */
  available?: string[];
}

export interface Participant {
  id: string;
  /** Empty = not declared: no meeting of this participant is assumed to need an interpreter. */
  languages: string[];
  /** Slot ids; absent = every slot. */
  available?: string[];
  /** Slot ids the participant cannot meet in, on top of `available`. */
  forbidden?: string[];
  maxMeetings?: number;
}

export interface MeetingRequest {
  id: string;
  a: string;
  b: string;
  weight: number;
  mandatory?: boolean;
  /** Pinned: the meeting is held in this slot or the instance is infeasible. */
  fixedSlot?: string;
  /** Only slots of this session. */
  session?: string;
}

/** `before` must be held in a strictly earlier slot than `after` (when both are held). */
export interface Precedence {
  before: string;
  after: string;
}

export interface SchedulingInstance {
  slots: Slot[];
  tables: number;
  interpreters: Interpreter[];
  participants: Participant[];
  requests: MeetingRequest[];
  precedences: Precedence[];
  /** Fairness of the UdG benchmark: break counts of any two participants differ by at most this. */
  breakSpread?: number;
}

/** One held meeting. `table` is 1-based; `interpreter` is null when the two sides share a language. */
export interface ScheduledMeeting {
  request: string;
  slot: string;
  table: number;
  interpreter: string | null;
}

export interface Schedule {
  meetings: ScheduledMeeting[];
  unscheduled: string[];
}

/** True when both sides declare languages and share none: the meeting needs an interpreter. */
export function needsInterpreter(a: Participant, b: Participant): boolean {
  if (a.languages.length === 0 || b.languages.length === 0) return false;
  return !a.languages.some((l) => b.languages.includes(l));
}

/** An interpreter can serve a meeting when they speak a language of each side. */
export function interpreterServes(i: Interpreter, a: Participant, b: Participant): boolean {
  return i.languages.some((l) => a.languages.includes(l)) && i.languages.some((l) => b.languages.includes(l));
}
