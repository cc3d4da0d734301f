import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../contracts/common';
import { DomainError, type DomainErrorKind } from '../errors';
import { serverCatalogs, translate } from '../i18n/messages';
import { RequestValidationError, fieldErrors, type FieldError } from './validation';

const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

const fieldKeys = new Set(Object.keys(serverCatalogs.en.fields));

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  key: string,
  params: Record<string, unknown> = {},
  errors?: FieldError[],
) {
  const locale = request.locale;
  const body = {
    type: `https://ponte.dev/problems/${key.replace(/_/g, '-')}`,
    title: translate(locale, `problems.${key}.title`),
    status,
    detail: translate(locale, `problems.${key}.detail`, params),
    instance: request.url.split('?')[0],
    ...(errors ? { errors } : {}),
  };
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

function translateFieldKey(locale: Locale, key: string): string {
  return fieldKeys.has(key) ? translate(locale, `fields.${key}`) : translate(locale, `problems.${key}.detail`);
}

/** Maps every error to RFC 9457 problem+json in the caller's language. */
export function problemErrorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const locale = request.locale;
  if (error instanceof RequestValidationError) {
    const prefix = error.part === 'body' ? '' : error.part;
    return sendProblem(reply, request, 400, 'validation', {}, fieldErrors(error.schema, error.input, locale, prefix));
  }
  if (error instanceof DomainError) {
    const errors = error.fields.length
      ? error.fields.map((f) => ({ path: f.path, code: f.key, message: translateFieldKey(locale, f.key) }))
      : undefined;
    const params = { ...error.params };
    if (typeof params.what === 'string') params.what = translate(locale, `entities.${params.what}`);
    return sendProblem(reply, request, STATUS[error.kind], error.key, params, errors);
  }
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return sendProblem(reply, request, 413, 'body_too_large', { limit: `${Math.round(request.server.initialConfig.bodyLimit! / 1024)} KiB` });
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(reply, request, 415, 'unsupported_media_type');
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (fe.statusCode === 400 && error instanceof SyntaxError)) {
    return sendProblem(reply, request, 400, 'bad_json');
  }
  if (fe.statusCode === 429) return sendProblem(reply, request, 429, 'rate_limited');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return sendProblem(reply, request, fe.statusCode, fe.statusCode === 404 ? 'route_not_found' : 'validation', {
      method: request.method,
      url: request.url,
    });
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, request, 500, 'internal');
}
