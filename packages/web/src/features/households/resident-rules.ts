import type { Rule } from 'antd/es/form';
import { i18n } from '../../lib/i18n';
import { checkIdCard, type IdCardProblem, isValidPhone } from './id-card';

const ID_MESSAGES: Record<IdCardProblem, string> = {
  length: 'households.idCardLength',
  format: 'households.idCardFormat',
  region: 'households.idCardRegion',
  birthDate: 'households.idCardBirthDate',
  checksum: 'households.idCardChecksum',
};

/** Required, and a valid GB 11643 number (checked again, authoritatively, by the server). */
export function idCardRules(): Rule[] {
  return [
    { required: true, whitespace: true, message: i18n.t('households.idCardRequired') },
    {
      validator: async (_rule, value: string | undefined) => {
        if (!value?.trim()) return;
        const problem = checkIdCard(value);
        if (problem) throw new Error(i18n.t(ID_MESSAGES[problem] as 'households.idCardLength'));
      },
    },
  ];
}

export function phoneRules(): Rule[] {
  return [
    {
      validator: async (_rule, value: string | undefined) => {
        if (value?.trim() && !isValidPhone(value)) throw new Error(i18n.t('households.phoneInvalid'));
      },
    },
  ];
}

export function nameRules(): Rule[] {
  return [{ required: true, whitespace: true, message: i18n.t('households.nameRequired') }];
}
