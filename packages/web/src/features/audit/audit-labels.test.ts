import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_KEYS, auditActionsOf, PERMISSIONS } from '@fengqiao/shared/rules';
import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditActionOptions, auditGroupOptions, auditObjectLabel } from './audit-labels';

describe('the audit log’s action names and groups', () => {
  it('names every action the server records, in Chinese and English, never by its code', () => {
    for (const action of AUDIT_ACTION_KEYS) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const label = auditActionLabel(action, lang);
        expect(label, `${action} (${lang})`).not.toBe(action);
        expect(label.length).toBeGreaterThan(0);
      }
      expect(auditActionLabel(action, 'zh-CN')).toMatch(/\p{Script=Han}/u);
    }
    expect(auditActionLabel('auth.login', 'zh-CN')).toBe('登录');
    expect(auditActionLabel('resident.unmask', 'zh-CN')).toBe('查看完整信息');
    expect(auditActionLabel('resident.unmask', 'en')).toBe('View full details');
  });

  it('gives no two actions the same name, so the action filter never offers one name twice', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const names = AUDIT_ACTION_KEYS.map((a) => auditActionLabel(a, lang));
      expect(new Set(names).size).toBe(names.length);
    }
    const offered = auditActionOptions('zh-CN').flatMap((g) => g.options.map((o) => o.value));
    expect(offered.sort()).toEqual([...AUDIT_ACTION_KEYS].sort());
  });

  it('names refusals too: each permission is an action (a denial is recorded under it)', () => {
    for (const permission of PERMISSIONS) expect(AUDIT_ACTION_KEYS).toContain(permission);
  });

  it('puts every action in exactly one of the seven groups, each group holding some', () => {
    const grouped = AUDIT_ACTION_GROUPS.flatMap((g) => auditActionsOf(g));
    expect(grouped.sort()).toEqual([...AUDIT_ACTION_KEYS].sort());
    for (const group of AUDIT_ACTION_GROUPS) expect(auditActionsOf(group).length).toBeGreaterThan(0);
    expect(auditActionsOf('sensitive')).toContain('resident.unmask');
    expect(auditActionsOf('account')).toContain('auth.login');
    expect(auditGroupOptions('zh-CN').map((o) => o.label)).toEqual([
      '登录与账号',
      '住户与人员',
      '查看敏感信息',
      '导入导出',
      '组织与网格',
      '令牌',
      '系统',
    ]);
  });

  it('shows an unknown code as it is rather than hiding it', () => {
    expect(auditActionLabel('test.write', 'zh-CN')).toBe('test.write');
  });

  it('shows an object by its type and name, and only its type when it is out of the caller’s scope', () => {
    expect(auditObjectLabel({ objectType: 'user', objectName: '张三（zhangsan）' }, 'zh-CN')).toBe(
      '账号 · 张三（zhangsan）',
    );
    expect(auditObjectLabel({ objectType: 'household', objectName: null }, 'zh-CN')).toBe('住户');
    expect(auditObjectLabel({ objectType: 'org_unit', objectName: null }, 'en')).toBe('Unit');
    expect(auditObjectLabel({ objectType: null, objectName: null }, 'zh-CN')).toBe('—');
  });
});
