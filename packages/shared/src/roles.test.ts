import { describe, expect, it } from 'vitest';
import { findRoleConflict, permissionsOf, ROLES, type Role, requiresTotp } from './roles.js';

describe('role policy', () => {
  const can = (role: Role) => new Set(permissionsOf([role]));

  it('gives field roles read access to the tree and nothing administrative', () => {
    for (const role of ['mediator', 'volunteer', 'department_staff'] as Role[]) {
      expect([...can(role)]).toEqual(['org.read']);
    }
    for (const role of ['station_chief', 'command_room', 'community_officer'] as Role[]) {
      expect(can(role).has('user.read')).toBe(true);
      expect(can(role).has('user.write')).toBe(false);
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

  it('lets field staff keep households but only the officer and the chief unmask or see sensitive records', () => {
    for (const role of ['community_officer', 'grid_worker', 'auxiliary'] as Role[]) {
      expect(can(role).has('household.write')).toBe(true);
    }
    const unmaskers = ROLES.filter((r) => can(r).has('resident.unmask'));
    expect(unmaskers.sort()).toEqual(['community_officer', 'station_chief']);
    expect(ROLES.filter((r) => can(r).has('resident.sensitive')).sort()).toEqual([
      'community_officer',
      'station_chief',
    ]);
    for (const role of ['system_admin', 'security_admin', 'audit_admin'] as Role[]) {
      expect([...can(role)].some((p) => p.startsWith('household') || p.startsWith('resident'))).toBe(false);
    }
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
