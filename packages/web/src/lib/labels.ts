import type { OrgKind, Role } from '@fengqiao/shared';
import { ORG_KIND_LABELS, ROLE_LABELS } from '@fengqiao/shared/rules';
import type { Language } from './i18n';

function pick(label: { zh: string; en: string } | undefined, lang: Language, fallback: string): string {
  if (!label) return fallback;
  return lang === 'en' ? label.en : label.zh;
}

export function roleLabel(role: Role | string, lang: Language): string {
  return pick(ROLE_LABELS[role as Role], lang, role);
}

export function orgKindLabel(kind: OrgKind | string, lang: Language): string {
  return pick(ORG_KIND_LABELS[kind as OrgKind], lang, kind);
}
