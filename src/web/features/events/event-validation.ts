import type { z } from 'zod';
import type { Locale } from '../../../contracts/common';
import type { MessageKey, TFunction } from '../../i18n/i18n';
import { validate, type Validated } from '../../lib/validation';

/**
 * The events contracts speak in their own message keys ("invalid", "event_venue_required");
 * the shared validator knows only those under `fields.`, so these are worded here, in the
 * events namespace, and the rest goes through the shared wording.
 */
const EVENT_MESSAGES: Record<string, MessageKey> = {
  invalid: 'events.errors.invalid',
  event_venue_required: 'events.errors.venueRequired',
};

/** The contract says only "invalid" for its cross-field rules; where it is, says which rule. */
function invalidAt(path: string): MessageKey {
  if (path.startsWith('grid.sessions')) return 'events.errors.sessionOrder';
  if (/^grid\.breaks\.\d+$/.test(path)) return 'events.errors.breakOrder';
  if (path === 'tables') return 'events.errors.tableNamesUnique';
  return 'events.errors.invalid';
}

export function validateEvent<S extends z.ZodType>(schema: S, input: unknown, locale: Locale, t: TFunction): Validated<z.output<S>> {
  const result = validate(schema, input, locale, t);
  if (!result.errors) return result;
  const errors = Object.fromEntries(
    Object.entries(result.errors).map(([path, message]) => [path, message === 'invalid' ? t(invalidAt(path)) : EVENT_MESSAGES[message] ? t(EVENT_MESSAGES[message]) : message]),
  );
  return { data: null, errors };
}
