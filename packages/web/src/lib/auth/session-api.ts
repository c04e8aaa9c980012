import type { Me } from '@fengqiao/shared';
import { request } from '../api-client';

export function logout(): Promise<void> {
  return request<void>('/auth/logout', { method: 'POST', body: {}, redirectOn401: false });
}

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return request<Me>('/auth/me', { signal, redirectOn401: false });
}
