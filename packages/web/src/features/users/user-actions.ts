import type { Permission, User } from '@fengqiao/shared';
import { isFuture } from '../../lib/format';

export type UserAction = 'edit' | 'toggleDisabled' | 'resetPassword' | 'unlock';

/** What the caller may do to one account: the row's buttons, and whether the 操作 column shows at all. */
export function userActionsOf(
  user: Pick<User, 'id' | 'lockedUntil'>,
  caller: { can: (permission: Permission) => boolean; selfId: string | undefined },
): UserAction[] {
  const { can, selfId } = caller;
  const actions: UserAction[] = [];
  if (can('user.write') || can('user.assign_roles')) actions.push('edit');
  if (can('user.write') && user.id !== selfId) actions.push('toggleDisabled');
  if (can('user.write')) actions.push('resetPassword');
  if (can('user.unlock') && isFuture(user.lockedUntil)) actions.push('unlock');
  return actions;
}
