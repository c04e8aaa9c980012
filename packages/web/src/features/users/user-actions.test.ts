// @vitest-environment happy-dom
import { type Permission, permissionsOf, type Role } from '@fengqiao/shared/rules';
import { describe, expect, it } from 'vitest';
import { userActionsOf } from './user-actions';

const callerWith = (role: Role, selfId = 'me') => {
  const held = new Set<Permission>(permissionsOf([role]));
  return { can: (permission: Permission) => held.has(permission), selfId };
};
const unlocked = { id: 'u1', lockedUntil: null };
const locked = { id: 'u1', lockedUntil: new Date(Date.now() + 60_000).toISOString() };

describe('what a caller may do to an account', () => {
  it('gives a read-only role nothing, so the 操作 column can go', () => {
    expect(userActionsOf(locked, callerWith('command_room'))).toEqual([]);
  });

  it('gives the system admin edit, disable and reset, but not disabling themselves', () => {
    expect(userActionsOf(unlocked, callerWith('system_admin'))).toEqual([
      'edit',
      'toggleDisabled',
      'resetPassword',
    ]);
    expect(userActionsOf(unlocked, callerWith('system_admin', 'u1'))).toEqual(['edit', 'resetPassword']);
  });

  it('gives the security admin unlock only while the account is locked', () => {
    expect(userActionsOf(locked, callerWith('security_admin'))).toEqual(['edit', 'unlock']);
    expect(userActionsOf(unlocked, callerWith('security_admin'))).toEqual(['edit']);
  });
});
