import { z } from 'zod';
import { SchedulingInputError, compileInstance } from './compile-instance';
import type { Schedule, SchedulingInstance } from './instance';

/** Ids may be written as strings or whole numbers (a .dzn-derived schedule uses numbers). */
const Id = z.union([z.string().min(1).max(200), z.number().int()]).transform(String);
const Ids = z.array(Id);

const SlotJson = z.union([Id.transform((id) => ({ id })), z.object({ id: Id, session: z.string().min(1).optional() }).strict()]);

/** The Ponte instance file (docs/scheduling-format.md). */
export const SchedulingInstanceJson = z
  .object({
    slots: z.array(SlotJson).min(1),
    tables: z.number().int().min(0),
    interpreters: z
      .array(z.object({ id: Id, languages: z.array(z.string().min(1)).min(1), available: Ids.optional() }).strict())
      .default([]),
    participants: z.array(
      z
        .object({
          id: Id,
          languages: z.array(z.string().min(1)),
          available: Ids.optional(),
          forbidden: Ids.optional(),
          maxMeetings: z.number().int().min(0).optional(),
        })
        .strict(),
    ),
    requests: z.array(
      z
        .object({
          id: Id,
          a: Id,
          b: Id,
          weight: z.number().finite().min(0).default(1),
          mandatory: z.boolean().optional(),
          fixedSlot: Id.optional(),
          session: z.string().min(1).optional(),
        })
        .strict(),
    ),
    precedences: z.array(z.object({ before: Id, after: Id }).strict()).default([]),
    breakSpread: z.number().int().min(0).optional(),
  })
  .strict();

export const ScheduleJson = z.object({
  meetings: z.array(
    z.object({
      request: Id,
      slot: Id,
      table: z.number().int(),
      interpreter: Id.nullable().optional().transform((x) => x ?? null),
    }),
  ),
  unscheduled: Ids.default([]),
});

/** JSON text → parsed value, or an error naming line and column. */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const at = syntaxErrorOffset(text);
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new SchedulingInputError(`${what}, line ${line}, column ${column}`, `malformed JSON (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
}

/**
 * Offset of the first character JSON.parse cannot accept. Engines word (and place) positions
 * differently, so search for the shortest prefix that fails for a reason other than ending early.
 */
function syntaxErrorOffset(text: string): number {
  const failsHard = (k: number): boolean => {
    try {
      JSON.parse(text.slice(0, k));
      return false;
    } catch (err) {
      const message = err instanceof Error ? err.message : '';
      const pos = /at position (\d+)/.exec(message);
      if (pos) return Number(pos[1]) < k;
      return !/end of JSON|Unterminated|Unexpected end/i.test(message);
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsHard(mid + 1)) hi = mid;
    else lo = mid + 1;
  }
  return Math.min(lo, text.length);
}

function formatIssue(issue: z.core.$ZodIssue): SchedulingInputError {
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return new SchedulingInputError(path || '(root)', issue.message);
}

/** Parses and checks a Ponte instance (references included). Throws SchedulingInputError. */
export function parseInstanceJson(text: string): SchedulingInstance {
  const parsed = SchedulingInstanceJson.safeParse(parseJsonText(text, 'instance'));
  if (!parsed.success) throw formatIssue(parsed.error.issues[0]!);
  const instance: SchedulingInstance = parsed.data;
  compileInstance(instance);
  return instance;
}

export function parseScheduleJson(text: string): Schedule {
  const parsed = ScheduleJson.safeParse(parseJsonText(text, 'schedule'));
  if (!parsed.success) throw formatIssue(parsed.error.issues[0]!);
  return parsed.data;
}
