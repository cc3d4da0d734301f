import { DomainError } from '../errors';

/** Opaque keyset cursor: base64url of a JSON tuple of the last row's sort key and id. */
export function encodeCursor(key: [string, string]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(v[1])
    ) {
      return [v[0], v[1]];
    }
  } catch {
    // fall through to the domain error
  }
  throw new DomainError('invalid', 'bad_cursor', {}, [{ path: 'cursor', key: 'bad_cursor' }]);
}
