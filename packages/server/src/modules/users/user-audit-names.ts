import type { ServiceContext } from '../../security/context.js';
import { listUserNamesIn } from './user.repository.js';

/** Accounts in the caller's scope by their display name and login name, for the audit log. */
export async function nameUsersForAudit(ctx: ServiceContext, ids: string[]): Promise<Map<string, string>> {
  const rows = await listUserNamesIn(ctx.db, ctx.actor.scopePath, ids);
  return new Map(rows.map((r) => [r.id, `${r.displayName}（${r.username}）`]));
}
