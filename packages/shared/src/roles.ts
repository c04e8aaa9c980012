import { zhCN } from './messages/zh-CN.js';

/** Role codes (DOMAIN.md). The three admin roles are separated (GB/T 22239 三权分立). */
export const ROLES = [
  'station_chief',
  'command_room',
  'community_officer',
  'auxiliary',
  'grid_worker',
  'mediator',
  'volunteer',
  'department_staff',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  station_chief: { zh: '所长', en: 'Station chief' },
  command_room: { zh: '综合指挥室', en: 'Command room' },
  community_officer: { zh: '社区民警', en: 'Community officer' },
  auxiliary: { zh: '辅警', en: 'Auxiliary police' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  mediator: { zh: '调解员', en: 'Mediator' },
  volunteer: { zh: '义警', en: 'Volunteer' },
  department_staff: { zh: '部门人员', en: 'Department staff' },
  system_admin: { zh: '系统管理员', en: 'System admin' },
  security_admin: { zh: '安全管理员', en: 'Security admin' },
  audit_admin: { zh: '审计管理员', en: 'Audit admin' },
};

export const PERMISSIONS = [
  'org.read',
  'org.write',
  'user.read',
  'user.write',
  'user.assign_roles',
  'user.unlock',
  'token.manage',
  'audit.read',
  'audit.export',
  'household.read',
  'household.write',
  'household.import',
  'household.export',
  /** 门牌打印: plates carry the full address of their door, so fetching them is audited. */
  'household.door_plate',
  /** 查看完整信息: unmask one resident's ID number, phone and address, audited. */
  'resident.unmask',
  /** See 重点关注 and the records of children under 14 in full. */
  'resident.sensitive',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const FIELD_STAFF: Permission[] = ['org.read'];
const HOUSEHOLD_FIELD_WORK: Permission[] = ['household.read', 'household.write', 'household.door_plate'];

/**
 * What each role may do. System admin runs accounts and the org tree; security admin grants roles
 * and unlocks accounts; audit admin only reads the audit log. No admin role reads business data.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  station_chief: [
    'org.read',
    'user.read',
    'household.read',
    'household.export',
    'household.door_plate',
    'resident.unmask',
    'resident.sensitive',
  ],
  command_room: ['org.read', 'user.read', 'household.read', 'household.export'],
  community_officer: [
    'org.read',
    'user.read',
    ...HOUSEHOLD_FIELD_WORK,
    'household.import',
    'household.export',
    'resident.unmask',
    'resident.sensitive',
  ],
  auxiliary: [...FIELD_STAFF, ...HOUSEHOLD_FIELD_WORK],
  grid_worker: [...FIELD_STAFF, ...HOUSEHOLD_FIELD_WORK, 'household.import'],
  mediator: FIELD_STAFF,
  volunteer: FIELD_STAFF,
  department_staff: FIELD_STAFF,
  system_admin: ['org.read', 'org.write', 'user.read', 'user.write', 'token.manage'],
  security_admin: ['org.read', 'user.read', 'user.assign_roles', 'user.unlock', 'token.manage'],
  audit_admin: ['audit.read', 'audit.export'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  return [...set].sort();
}

/**
 * Admin roles must be held alone: one person cannot be two of the three. Returns the catalog key of
 * why these roles cannot be held together, or null when they can.
 */
export function roleConflictKey(
  roles: readonly Role[],
): 'role_conflict.separation_of_duties' | 'role_conflict.admin_with_business' | null {
  const admins = roles.filter((r) => ADMIN_ROLES.includes(r));
  if (admins.length > 1) return 'role_conflict.separation_of_duties';
  if (admins.length === 1 && roles.length > 1) return 'role_conflict.admin_with_business';
  return null;
}

/** Why these roles cannot be held together, in Chinese, or null when they can. */
export function findRoleConflict(roles: readonly Role[]): string | null {
  const key = roleConflictKey(roles);
  return key && zhCN[key];
}

export function requiresTotp(roles: readonly Role[]): boolean {
  return roles.some((r) => ADMIN_ROLES.includes(r));
}
