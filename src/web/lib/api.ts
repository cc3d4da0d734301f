import type { Problem } from '../../contracts/common';
import { currentLocale } from '../i18n/i18n';

/** A failed API call, carrying the server's problem details (already in the reader's language). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
}

function readCookie(name: string): string | null {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
}

let csrfFromSession: string | null = null;
/** The session endpoint also returns the token; kept for browsers that hide the cookie. */
export function rememberCsrfToken(token: string | null) {
  csrfFromSession = token;
}

type Query = Record<string, string | number | undefined | null | readonly string[]>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A body sent as it is (a file's bytes) rather than as JSON. */
class RawBody {
  constructor(readonly blob: Blob) {}
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-ponte-locale': currentLocale() };
  if (body instanceof RawBody) headers['content-type'] = body.blob.type;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie('ponte_csrf') ?? csrfFromSession;
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body instanceof RawBody ? body.blob : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ type: 'about:blank#network', title: '', status: 0 });
  }
  if (response.status === 204) return undefined as T;
  if (response.ok) return (await response.json()) as T;
  let problem: Problem = { type: 'about:blank', title: response.statusText, status: response.status };
  try {
    problem = { ...((await response.json()) as Problem), status: response.status };
  } catch {
    // Not JSON (a proxy error page): keep the status line.
  }
  throw new ApiError(problem);
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** PUT of a file's bytes with its own content type (logo uploads). */
  putFile: <T>(path: string, file: Blob) => request<T>('PUT', path, new RawBody(file)),
};
