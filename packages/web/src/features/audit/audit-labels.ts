import {
  AUDIT_ACTION_GROUP_LABELS,
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditActionGroup,
  auditActionsOf,
} from '@fengqiao/shared/rules';
import type { Language } from '../../lib/i18n';

function pick(label: { zh: string; en: string }, lang: Language): string {
  return lang === 'en' ? label.en : label.zh;
}

/** An action's name (登录, 查看完整信息, …); a code the server has not named shows as it is. */
export function auditActionLabel(action: string, lang: Language): string {
  const known = AUDIT_ACTIONS[action as AuditAction];
  return known ? pick(known, lang) : action;
}

export function auditGroupLabel(group: AuditActionGroup, lang: Language): string {
  return pick(AUDIT_ACTION_GROUP_LABELS[group], lang);
}

/** The group filter's choices, in the order the log offers them. */
export function auditGroupOptions(lang: Language): { value: AuditActionGroup; label: string }[] {
  return AUDIT_ACTION_GROUPS.map((group) => ({ value: group, label: auditGroupLabel(group, lang) }));
}

const OBJECT_TYPE_LABELS: Record<string, { zh: string; en: string }> = {
  user: { zh: '账号', en: 'Account' },
  household: { zh: '住户', en: 'Household' },
  resident: { zh: '人员', en: 'Resident' },
  org_unit: { zh: '组织单位', en: 'Unit' },
  api_token: { zh: '令牌', en: 'Token' },
  import_job: { zh: '导入任务', en: 'Import job' },
  audit_log: { zh: '审计日志', en: 'Audit log' },
};

/** What the log shows for an object: its type, and its name where the server could name it. */
export function auditObjectLabel(
  event: { objectType: string | null; objectName: string | null },
  lang: Language,
): string {
  if (!event.objectType) return '—';
  const known = OBJECT_TYPE_LABELS[event.objectType];
  const type = known ? pick(known, lang) : event.objectType;
  return event.objectName ? `${type} · ${event.objectName}` : type;
}

/** The action filter's choices: each group's actions by name, the code as value. */
export function auditActionOptions(lang: Language) {
  return AUDIT_ACTION_GROUPS.map((group) => ({
    label: auditGroupLabel(group, lang),
    title: group,
    options: auditActionsOf(group).map((action) => ({
      value: action,
      label: auditActionLabel(action, lang),
    })),
  }));
}
