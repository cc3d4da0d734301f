/**
 * Problems of the event day (constraint violations, publication, feedback, rescheduling) whose
 * texts live in the server catalogue's `eventDay` namespace, not under `problems.`, so this
 * feature's messages stay in one place. The events routes install `eventErrorHandler`, which
 * renders these in the caller's language and hands every other error to the shared handler.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { pickText, type Locale } from '../../../contracts/common';
import type { ViolationCode } from '../../domain/events/meeting-constraints';
import { DomainError, type DomainErrorKind } from '../../errors';
import { problemErrorHandler } from '../../http/problem';
import { translate } from '../../i18n/messages';

/** A name to show in any language: an organisation's names, or a plain name (interpreters). */
export interface ShownName {
  names?: Record<string, string>;
  plain: string;
}

export interface NamedViolation {
  code: ViolationCode;
  /** The request field the violation is about, for the problem's `errors[].path`. */
  path: string;
  name?: ShownName;
  /** In a swap: the meeting whose new place breaks the rule (the live check reports it). */
  meetingId?: string;
}

export const showName = (n: ShownName | undefined, locale: Locale) => (n ? pickText(n.names, locale) || n.plain : '');

export function violationMessage(v: NamedViolation, locale: Locale): string {
  return translate(locale, `eventDay.violations.${v.code}`, { name: showName(v.name, locale) });
}

/** An event-day problem keyed under `eventDay.problems.`. */
export class EventDayProblem extends DomainError {
  constructor(kind: DomainErrorKind, key: string, params: Record<string, string | number> = {}) {
    super(kind, key, params);
    this.name = 'EventDayProblem';
  }
}

/** A meeting placement refused because it breaks hard constraints (409). */
export class MeetingConstraintError extends DomainError {
  constructor(readonly violations: NamedViolation[]) {
    super('conflict', `meeting_${violations[0]!.code}`);
    this.name = 'MeetingConstraintError';
  }
}

const STATUS: Record<DomainErrorKind, number> = { invalid: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, rate_limited: 429 };

function send(reply: FastifyReply, request: FastifyRequest, status: number, key: string, title: string, detail: string, errors?: Array<{ path: string; code: string; message: string }>) {
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `https://ponte.dev/problems/${key.replace(/_/g, '-')}`,
      title,
      status,
      detail,
      instance: request.url.split('?')[0],
      ...(errors ? { errors } : {}),
    });
}

export function eventErrorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const locale = request.locale;
  if (error instanceof MeetingConstraintError) {
    const errors = error.violations.map((v) => ({ path: v.path, code: v.code, message: violationMessage(v, locale) }));
    return send(reply, request, 409, error.key, translate(locale, 'eventDay.problems.meeting_constraint.title'), errors.map((e) => e.message).join(' '), errors);
  }
  if (error instanceof EventDayProblem) {
    return send(reply, request, STATUS[error.kind], error.key, translate(locale, `eventDay.problems.${error.key}.title`), translate(locale, `eventDay.problems.${error.key}.detail`, error.params));
  }
  return problemErrorHandler(error, request, reply);
}
