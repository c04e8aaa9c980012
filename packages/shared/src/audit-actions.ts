import type { Permission } from './roles.js';

/** The filter groups of the audit log, in the order they are offered. */
export const AUDIT_ACTION_GROUPS = [
  'account',
  'register',
  'sensitive',
  'transfer',
  'org',
  'token',
  'system',
] as const;
export type AuditActionGroup = (typeof AUDIT_ACTION_GROUPS)[number];

export const AUDIT_ACTION_GROUP_LABELS: Record<AuditActionGroup, { zh: string; en: string }> = {
  account: { zh: '登录与账号', en: 'Sign-in and accounts' },
  register: { zh: '住户与人员', en: 'Households and residents' },
  sensitive: { zh: '查看敏感信息', en: 'Sensitive views' },
  transfer: { zh: '导入导出', en: 'Import and export' },
  org: { zh: '组织与网格', en: 'Units and grids' },
  token: { zh: '令牌', en: 'Tokens' },
  system: { zh: '系统', en: 'System' },
};

interface AuditActionInfo {
  group: AuditActionGroup;
  zh: string;
  en: string;
}

/**
 * Every action the server records, with its group and names. Refused attempts are recorded under
 * the permission they lacked, so every permission is an action too. `recordAudit` takes only these
 * keys, so a new action without a name does not compile.
 */
const ACTIONS = {
  'auth.login': { group: 'account', zh: '登录', en: 'Sign in' },
  'auth.logout': { group: 'account', zh: '退出登录', en: 'Sign out' },
  'auth.totp_enable': { group: 'account', zh: '启用两步验证', en: 'Enable two-step sign-in' },
  'user.read': { group: 'account', zh: '查看账号', en: 'View account' },
  'user.write': { group: 'account', zh: '管理账号', en: 'Manage accounts' },
  'user.create': { group: 'account', zh: '新建账号', en: 'Create account' },
  'user.update': { group: 'account', zh: '修改账号', en: 'Update account' },
  'user.password_reset': { group: 'account', zh: '重置密码', en: 'Reset password' },
  'user.unlock': { group: 'account', zh: '解锁账号', en: 'Unlock account' },
  'user.assign_roles': { group: 'account', zh: '分配角色', en: 'Assign roles' },
  'household.read': { group: 'register', zh: '查看住户档案', en: 'View household file' },
  'household.write': { group: 'register', zh: '编辑住户档案', en: 'Edit household files' },
  'household.search': { group: 'register', zh: '搜索住户', en: 'Search households' },
  'household.create': { group: 'register', zh: '新建住户', en: 'Create household' },
  'household.update': { group: 'register', zh: '修改住户', en: 'Update household' },
  'resident.create': { group: 'register', zh: '登记人员', en: 'Register resident' },
  'resident.update': { group: 'register', zh: '修改人员', en: 'Update resident' },
  'resident.search': { group: 'register', zh: '搜索人员', en: 'Search residents' },
  'resident.unmask': { group: 'sensitive', zh: '查看完整信息', en: 'View full details' },
  'resident.sensitive': { group: 'sensitive', zh: '查看重点人员', en: 'View protected records' },
  'household.door_plate': { group: 'sensitive', zh: '打印门牌', en: 'Print door plate' },
  'household.door_plates': { group: 'sensitive', zh: '批量打印门牌', en: 'Print door plates in bulk' },
  'household.import': { group: 'transfer', zh: '导入住户', en: 'Import households' },
  'household.export': { group: 'transfer', zh: '导出住户人员', en: 'Export the register' },
  'resident.export': { group: 'transfer', zh: '导出人员', en: 'Export residents' },
  'audit.export': { group: 'transfer', zh: '导出审计日志', en: 'Export audit log' },
  'org.read': { group: 'org', zh: '查看组织单位', en: 'View unit' },
  'org.write': { group: 'org', zh: '管理组织单位', en: 'Manage units' },
  'org.create': { group: 'org', zh: '新建组织单位', en: 'Create unit' },
  'org.update': { group: 'org', zh: '修改组织单位', en: 'Update unit' },
  'org.delete': { group: 'org', zh: '删除组织单位', en: 'Delete unit' },
  'token.manage': { group: 'token', zh: '管理令牌', en: 'Manage tokens' },
  'token.create': { group: 'token', zh: '签发令牌', en: 'Issue token' },
  'token.revoke': { group: 'token', zh: '吊销令牌', en: 'Revoke token' },
  'audit.read': { group: 'system', zh: '查看审计日志', en: 'View audit log' },
  'request.cross_site': { group: 'system', zh: '拒绝跨站请求', en: 'Cross-site request refused' },
  'seed.demo': { group: 'system', zh: '生成演示数据', en: 'Seed demo data' },
} as const satisfies Record<string, AuditActionInfo>;

export type AuditAction = keyof typeof ACTIONS | Permission;

/** Each action's group and names; covers every permission (a refusal is recorded under it). */
export const AUDIT_ACTIONS: Record<AuditAction, AuditActionInfo> = ACTIONS;

export const AUDIT_ACTION_KEYS = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditActionGroup(value: string): value is AuditActionGroup {
  return (AUDIT_ACTION_GROUPS as readonly string[]).includes(value);
}

/** The actions of one group, for the log's group filter. */
export function auditActionsOf(group: AuditActionGroup): AuditAction[] {
  return AUDIT_ACTION_KEYS.filter((a) => AUDIT_ACTIONS[a].group === group);
}
