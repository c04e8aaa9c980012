import type { ServiceContext } from '../../security/context.js';
import { scopePattern } from '../orgs/index.js';
import { listApiTokenNamesIn } from './api-token.repository.js';

/** Tokens whose owner is in the caller's scope by their name, for the audit log. */
export async function nameApiTokensForAudit(
  ctx: ServiceContext,
  ids: string[],
): Promise<Map<string, string>> {
  const rows = await listApiTokenNamesIn(ctx.db, scopePattern(ctx.actor.scopePath), ids);
  return new Map(rows.map((r) => [r.id, r.name]));
}
