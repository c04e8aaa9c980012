import { describe, expect, it } from 'vitest';
import { findRoleConflict, permissionsOf, ROLES, type Role, requiresTotp } from './roles.js';

describe('role policy', () => {
  const can = (role: Role) => new Set(permissionsOf([role]));

  it('gives field roles read access to the tree and nothing administrative', () => {
    for (const role of ['auxiliary', 'grid_worker', 'mediator', 'volunteer', 'department_staff'] as Role[]) {
      expect([...can(role)]).toEqual(['org.read']);
    }
    for (const role of ['station_chief', 'command_room', 'community_officer'] as Role[]) {
      expect([...can(role)].sort()).toEqual(['org.read', 'user.read']);
    }
  });

  it('splits the three admin powers', () => {
    expect(can('system_admin').has('user.write')).toBe(true);
    expect(can('system_admin').has('user.assign_roles')).toBe(false);
    expect(can('system_admin').has('audit.read')).toBe(false);
    expect(can('security_admin').has('user.assign_roles')).toBe(true);
    expect(can('security_admin').has('user.write')).toBe(false);
    expect(can('security_admin').has('audit.read')).toBe(false);
    expect([...can('audit_admin')].sort()).toEqual(['audit.export', 'audit.read']);
  });

  it('nobody but the audit admin reads the audit log', () => {
    for (const role of ROLES) expect(can(role).has('audit.read')).toBe(role === 'audit_admin');
  });

  it('refuses to combine admin roles, or an admin role with business roles', () => {
    expect(findRoleConflict(['system_admin', 'audit_admin'])).toContain('三权分立');
    expect(findRoleConflict(['security_admin', 'station_chief'])).toContain('业务角色');
    expect(findRoleConflict(['community_officer', 'mediator'])).toBeNull();
  });

  it('requires TOTP for admin roles only', () => {
    expect(requiresTotp(['audit_admin'])).toBe(true);
    expect(requiresTotp(['station_chief', 'command_room'])).toBe(false);
  });
});
