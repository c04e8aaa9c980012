import type { ApiTokenCreate, ApiTokenIssued } from '@fengqiao/shared';
import { invalid, notFound } from '../../http/app-error.js';
import { decodeCursor, toPage } from '../../http/cursor.js';
import { hashSecret, newSecret } from '../../lib/security/secret-hash.js';
import type { ServiceContext, SystemContext } from '../../security/context.js';
import { assertInScope, authorize } from '../../security/policy.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { findOrgUnit, scopePattern } from '../orgs/index.js';
import { findAccount } from '../users/index.js';
import { presentApiToken, presentIssuedToken } from './api-token.presenter.js';
import {
  countApiTokens,
  findApiTokenView,
  insertApiToken,
  listApiTokenViews,
  markApiTokenRevoked,
} from './api-token.repository.js';

export const TOKEN_PREFIX = 'fqt_';

/**
 * Issues a bearer token for a user, limited to a subtree of that user's own scope.
 * `issuer` is null when the CLI issues it on the server's own console.
 */
async function issueToken(
  ctx: SystemContext,
  input: ApiTokenCreate,
  issuer: { id: string; username: string; stationId: string | null; scopePath: string } | null,
  ip: string | null,
): Promise<ApiTokenIssued> {
  const owner = await findAccount(ctx.db, input.username);
  if (!owner || (issuer && !owner.scopePath.startsWith(issuer.scopePath))) {
    throw invalid('user_not_found', { username: input.username }, [
      { field: 'username', key: 'field.user_not_found' },
    ]);
  }
  const scope = input.scopeOrgId ? await findOrgUnit(ctx.db, input.scopeOrgId) : undefined;
  const scopePath = scope?.path ?? owner.scopePath;
  if ((input.scopeOrgId && !scope) || !scopePath.startsWith(owner.scopePath)) {
    throw invalid('scope_too_wide', undefined, [{ field: 'scopeOrgId', key: 'field.scope_too_wide' }]);
  }
  const token = newSecret(TOKEN_PREFIX);
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertApiToken(tx, {
      userId: owner.id,
      name: input.name,
      tokenHash: hashSecret(ctx.keys.token, token),
      scopeOrgId: scope?.id ?? owner.scopeOrgId,
      scopePath,
      createdBy: issuer?.id ?? null,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    });
    await recordAudit(tx, ctx.keys.audit, {
      actor: issuer,
      stationId: owner.stationId,
      action: 'token.create',
      objectType: 'api_token',
      objectId: inserted.id,
      result: 'ok',
      ip,
      detail: { name: input.name, username: owner.username, via: issuer ? 'api' : 'cli' },
    });
    return inserted;
  });
  return presentIssuedToken(token, row, owner.username);
}

export function createApiTokenAsSystem(ctx: SystemContext, input: ApiTokenCreate) {
  return issueToken(ctx, input, null, null);
}

export async function createApiToken(ctx: ServiceContext, input: ApiTokenCreate) {
  await authorize(ctx, 'token.manage', 'api_token');
  const { userId: id, username, stationId, scopePath } = ctx.actor;
  return issueToken(ctx, input, { id, username, stationId, scopePath }, ctx.ip);
}

export async function listApiTokens(ctx: ServiceContext, query: { limit?: number; cursor?: string }) {
  await authorize(ctx, 'token.manage', 'api_token');
  const limit = query.limit ?? 50;
  const pattern = scopePattern(ctx.actor.scopePath);
  const [rows, total] = await Promise.all([
    listApiTokenViews(ctx.db, pattern, query.cursor ? decodeCursor(query.cursor) : undefined, limit + 1),
    countApiTokens(ctx.db, pattern),
  ]);
  return { ...toPage(rows, limit, presentApiToken, (row) => row.token.id), ...total };
}

export async function revokeApiToken(ctx: ServiceContext, id: string): Promise<void> {
  await authorize(ctx, 'token.manage', 'api_token', id);
  const view = await findApiTokenView(ctx.db, id);
  await assertInScope(ctx, view?.ownerPath, 'token.manage', 'api_token', id, 'not_found.token');
  if (!view) throw notFound('not_found.token');
  await ctx.db.transaction(async (tx) => {
    await markApiTokenRevoked(tx, id);
    await recordAudit(tx, ctx.keys.audit, {
      actor: auditActorOf(ctx.actor),
      action: 'token.revoke',
      objectType: 'api_token',
      objectId: id,
      result: 'ok',
      ip: ctx.ip,
    });
  });
}
