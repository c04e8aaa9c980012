import type { ApiToken, ApiTokenIssued } from '@fengqiao/shared';
import type { ApiTokenRow, ApiTokenView } from './api-token.repository.js';

/** The one place a token's response shape is built: its hash never leaves. */
export function presentApiToken({ token, username }: Pick<ApiTokenView, 'token' | 'username'>): ApiToken {
  return {
    id: token.id,
    name: token.name,
    userId: token.userId,
    username,
    scopeOrgId: token.scopeOrgId,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

/** A token just issued, with its secret: the only answer that carries one. */
export function presentIssuedToken(secret: string, token: ApiTokenRow, username: string): ApiTokenIssued {
  return { token: secret, apiToken: presentApiToken({ token, username }) };
}
