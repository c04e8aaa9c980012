import type { Role, User, UserCreate, UserUpdate } from '@fengqiao/shared';
import { api, type Page } from '../../lib/api-client';

export interface UserQuery {
  limit?: number;
  cursor?: string;
  q?: string;
  role?: Role;
  orgUnitId?: string | null;
}

const path = (id: string) => `/users/${encodeURIComponent(id)}`;

export function listUsers(query: UserQuery, signal?: AbortSignal): Promise<Page<User>> {
  return api.get('/users', { ...query }, signal);
}

export function fetchUser(id: string, signal?: AbortSignal): Promise<User> {
  return api.get(path(id), undefined, signal);
}

export function createUser(body: UserCreate): Promise<User> {
  return api.post('/users', body);
}

export function updateUser(id: string, body: UserUpdate): Promise<User> {
  return api.patch(path(id), body);
}

export function resetUserPassword(id: string, password: string): Promise<void> {
  return api.post(`${path(id)}/password`, { password });
}

export function unlockUser(id: string): Promise<void> {
  return api.post(`${path(id)}/unlock`);
}
