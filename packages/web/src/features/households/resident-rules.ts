import { ID_CARD_PROBLEM_KEYS, normalizeMobile, parseIdCard } from '@fengqiao/shared/rules';
import type { Rule } from 'antd/es/form';
import { i18n } from '../../lib/i18n';
import { serverMessage } from '../../lib/i18n/server-message';

/** Required, and a valid GB 11643 number (checked again, authoritatively, by the server). */
export function idCardRules(): Rule[] {
  return [
    { required: true, whitespace: true, message: i18n.t('households.idCardRequired') },
    {
      validator: async (_rule, value: string | undefined) => {
        if (!value?.trim()) return;
        const parsed = parseIdCard(value);
        if (!parsed.ok && parsed.problem !== 'type') {
          throw new Error(serverMessage(ID_CARD_PROBLEM_KEYS[parsed.problem]));
        }
      },
    },
  ];
}

export function phoneRules(): Rule[] {
  return [
    {
      validator: async (_rule, value: string | undefined) => {
        if (value?.trim() && !normalizeMobile(value)) throw new Error(serverMessage('invalid_phone'));
      },
    },
  ];
}

export function nameRules(): Rule[] {
  return [{ required: true, whitespace: true, message: i18n.t('households.nameRequired') }];
}
