import { z } from 'zod';
import type { Locale } from '../../contracts/common';
import en from '../i18n/en.json';
import type { MessageKey, TFunction } from '../i18n/i18n';
import { ApiError } from './api';

/** Field path ("title.it", "sectors.0") → message in the reader's language. */
export type FieldErrors = Record<string, string>;

const zodLocales = { en: z.locales.en(), it: z.locales.it(), zh: z.locales.zhCN() } as const;
const FIELD_KEYS = new Set(Object.keys(en.fields));

/**
 * Contract messages are keys under `fields.`. The commonest zod issues get Ponte's own wording
 * (zod's translations read like a type checker: "期望 string >=1 字符"); the rest keep zod's
 * localised message.
 */
function messageOf(issue: z.core.$ZodIssue, t: TFunction): string {
  if (FIELD_KEYS.has(issue.message)) return t(`fields.${issue.message}` as MessageKey);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === '') return t('validation.required');
      if (issue.expected === 'number') return t('validation.number');
      break;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 || issue.input === '' ? t('validation.required') : t('validation.tooShort', { count: Number(issue.minimum) });
      if (issue.origin === 'number') return t('validation.tooSmall', { limit: Number(issue.minimum) });
      break;
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { count: Number(issue.maximum) });
      if (issue.origin === 'number') return t('validation.tooBig', { limit: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.tooMany', { count: Number(issue.maximum) });
      break;
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'url') return t('validation.url');
      if (issue.format === 'date') return t('validation.date');
      break;
  }
  if (issue.code === 'invalid_type' && issue.expected === 'int') return t('validation.integer');
  return issue.message;
}

export type Validated<T> = { data: T; errors: null } | { data: null; errors: FieldErrors };

/** Runs a contract schema in the browser, with the same messages the server would send. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, locale: Locale, t: TFunction): Validated<z.output<S>> {
  const result = schema.safeParse(input, { error: zodLocales[locale].localeError, reportInput: true });
  if (result.success) return { data: result.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '_form';
    errors[path] ??= messageOf(issue, t);
  }
  return { data: null, errors };
}

/** The field errors of a server problem, keyed like `validate`'s. */
export function problemFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const errors: FieldErrors = {};
  for (const e of error.problem.errors) errors[e.path || '_form'] ??= e.message;
  return errors;
}

/** The first error at `path` or below it (`title` also shows `title.it`). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const nested = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return nested ? errors[nested] : undefined;
}

/**
 * A problem about a list sent whole, narrowed to the one item a form edits: `facts.2.unit`
 * becomes `unit`, so the error shows beside that field. Errors about other items are dropped.
 */
export function problemForItem(error: unknown, itemPath: string): unknown {
  if (!(error instanceof ApiError) || !error.problem.errors) return error;
  const prefix = `${itemPath}.`;
  const errors = error.problem.errors
    .filter((e) => e.path === itemPath || e.path.startsWith(prefix))
    .map((e) => ({ ...e, path: e.path.slice(prefix.length) }));
  return new ApiError({ ...error.problem, errors });
}
