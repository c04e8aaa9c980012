import type { Problem } from '@fengqiao/shared';
import { currentLanguage, i18n } from './i18n';

export const API_BASE = '/api/v1';

/** An HTTP error carrying the server's RFC 9457 problem (or one made up for network/HTTP failures). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }
}

type Listener = (error: ApiError) => void;
let onUnauthorized: Listener | null = null;
let onEnrollmentRequired: Listener | null = null;

/** The auth provider registers what happens on a 401 (back to the login page) or a missing TOTP. */
export function setAuthListeners(listeners: { unauthorized: Listener; enrollmentRequired: Listener }): void {
  onUnauthorized = listeners.unauthorized;
  onEnrollmentRequired = listeners.enrollmentRequired;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Set false for the login and me calls: a 401 there is an answer, not an expired session. */
  redirectOn401?: boolean;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (proxy error page, empty body)
  }
  if (isProblem(body)) {
    return new ApiError({ ...body, code: body.code ?? 'http_error', status: body.status ?? res.status });
  }
  return new ApiError({
    type: 'about:blank',
    title: i18n.t('errors.http', { status: res.status }),
    status: res.status,
    code: 'http_error',
  });
}

function networkError(): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: i18n.t('errors.network'),
    status: 0,
    code: 'network_error',
  });
}

/** Sends a request and returns the raw response; throws ApiError on non-2xx. */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const { method = 'GET', query, body, signal, redirectOn401 = true } = options;
  // The server's problem details come back in the UI's language.
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw networkError();
  }
  if (res.ok) return res;
  const error = await toApiError(res);
  if (error.status === 401 && redirectOn401) onUnauthorized?.(error);
  if (error.status === 403 && error.code === 'totp_enrollment_required') onEnrollmentRequired?.(error);
  throw error;
}

/** Sends a request and parses the JSON answer (undefined for 204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T = void>(path: string) => request<T>(path, { method: 'DELETE' }),
};

/** What to show the user for any error: the problem's detail, else its title. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title;
  if (error instanceof Error && error.message) return error.message;
  return i18n.t('errors.unknown');
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** The list's total in the caller's scope, where the server counts it; an estimate when not exact. */
  total?: number;
  totalExact?: boolean;
}
