import type { LoginBody, Me } from '@fengqiao/shared';
import { request } from '../../lib/api-client';

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

export function login(body: LoginBody): Promise<Me> {
  return request<Me>('/auth/login', { method: 'POST', body, redirectOn401: false });
}

export function setupTotp(): Promise<TotpSetup> {
  return request<TotpSetup>('/auth/totp/setup', { method: 'POST', body: {} });
}

export function enableTotp(totp: string): Promise<void> {
  return request<void>('/auth/totp/enable', { method: 'POST', body: { totp } });
}
