import { type IdCardProblem, normalizeMobile, parseIdCard } from '@fengqiao/shared/rules';
import type { Rule } from 'antd/es/form';
import { i18n } from '../../lib/i18n';

const ID_MESSAGES: Record<IdCardProblem, string> = {
  length: 'households.idCardLength',
  format: 'households.idCardFormat',
  region: 'households.idCardRegion',
  birthDate: 'households.idCardBirthDate',
  futureBirthDate: 'households.idCardBirthDate',
  checksum: 'households.idCardChecksum',
};

/** Required, and a valid GB 11643 number (checked again, authoritatively, by the server). */
export function idCardRules(): Rule[] {
  return [
    { required: true, whitespace: true, message: i18n.t('households.idCardRequired') },
    {
      validator: async (_rule, value: string | undefined) => {
        if (!value?.trim()) return;
        const parsed = parseIdCard(value);
        if (!parsed.ok && parsed.problem !== 'type') {
          throw new Error(i18n.t(ID_MESSAGES[parsed.problem] as 'households.idCardLength'));
        }
      },
    },
  ];
}

export function phoneRules(): Rule[] {
  return [
    {
      validator: async (_rule, value: string | undefined) => {
        if (value?.trim() && !normalizeMobile(value)) throw new Error(i18n.t('households.phoneInvalid'));
      },
    },
  ];
}

export function nameRules(): Rule[] {
  return [{ required: true, whitespace: true, message: i18n.t('households.nameRequired') }];
}
