/**
 * Domain errors carry a message key, never an HTTP status: services stay independent of the
 * transport, and the HTTP layer maps each kind to a status and translates the key.
 */
export type DomainErrorKind =
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'conflict'
  | 'invalid'
  | 'rate_limited';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Key under `problems.` in src/server/i18n/*.json. */
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    /** Field errors for 'invalid': path → message key under `fields.`. */
    readonly fields: Array<{ path: string; key: string }> = [],
  ) {
    super(key);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', 'not_found', { what });
export const forbidden = () => new DomainError('forbidden', 'forbidden');
export const unauthenticated = () => new DomainError('unauthenticated', 'unauthenticated');
export const conflict = (key: string, params: Record<string, string | number> = {}) =>
  new DomainError('conflict', key, params);
export const invalid = (fields: Array<{ path: string; key: string }>) =>
  new DomainError('invalid', 'validation', {}, fields);

/** zod issues → field errors whose keys the HTTP layer translates ('invalid' when generic). */
export function issuesToFields(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  return issues.map((i) => ({
    path: i.path.map(String).join('.'),
    key: /^[a-z_]+$/.test(i.message) ? i.message : 'invalid',
  }));
}
