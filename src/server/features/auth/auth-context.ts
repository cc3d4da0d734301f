import type { Locale } from '../../../contracts/common';

/** Who is calling, as resolved from the session cookie. Null for anonymous callers. */
export interface Viewer {
  userId: string;
  email: string;
  displayName: string;
  locale: Locale;
  roles: Array<'admin' | 'organiser'>;
}

export const isAdmin = (v: Viewer | null): boolean => Boolean(v?.roles.includes('admin'));
