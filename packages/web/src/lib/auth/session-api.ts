import type { Me, Session } from '@fengqiao/shared';
import { request } from '../api-client';

export function logout(): Promise<void> {
  return request<void>('/auth/logout', { method: 'POST', body: {}, redirectOn401: false });
}

/** Who is signed in here, or null: signed out is an answer (200), not a 401 in the console. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  return (await request<Session>('/auth/session', { signal, redirectOn401: false })).me;
}
