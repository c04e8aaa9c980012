import type { ApiToken, ApiTokenCreate } from '@fengqiao/shared';
import { api, type Page } from '../../lib/api-client';

export interface CreatedToken {
  token: string;
  apiToken: ApiToken;
}

export function listTokens(cursor: string | undefined, signal?: AbortSignal): Promise<Page<ApiToken>> {
  return api.get('/api-tokens', { limit: 50, cursor }, signal);
}

export function createToken(body: ApiTokenCreate): Promise<CreatedToken> {
  return api.post('/api-tokens', body);
}

export function revokeToken(id: string): Promise<void> {
  return api.delete(`/api-tokens/${encodeURIComponent(id)}`);
}
