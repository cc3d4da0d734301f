import { z } from 'zod';
import type { FastifySchemaCompiler } from 'fastify';
import type { Locale } from '../../contracts/common';
import { serverCatalogs, translate } from '../i18n/messages';

const zodLocales = { en: z.locales.en(), it: z.locales.it(), zh: z.locales.zhCN() } as const;

/** Carries what is needed to re-run validation in the caller's language in the error handler. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly schema: z.ZodType,
    readonly input: unknown,
    readonly part: string,
  ) {
    super('request validation failed');
    this.name = 'RequestValidationError';
  }
}

/**
 * Fastify validator for zod contracts. Validation runs without the request's locale, so a
 * failure keeps the schema and input; `fieldErrors` translates later, on the rare failing path.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(schema, data, httpPart ?? 'body') };
  };

export interface FieldError {
  path: string;
  message: string;
  code: string;
}

const fieldKeys = new Set(Object.keys(serverCatalogs.en.fields));

/** Validates `input` against `schema` with messages in `locale`; [] when valid. */
export function fieldErrors(schema: z.ZodType, input: unknown, locale: Locale, prefix = ''): FieldError[] {
  const result = schema.safeParse(input, { error: zodLocales[locale].localeError });
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)];
    const message = fieldKeys.has(issue.message) ? translate(locale, `fields.${issue.message}`) : issue.message;
    const code = issue.code === 'custom' && fieldKeys.has(issue.message) ? issue.message : issue.code;
    // An unknown key is an error of that key, so a form can show it beside the field.
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...base, k]) : [base];
    return paths.map((p) => ({ path: p.filter(Boolean).join('.'), message, code }));
  });
}
