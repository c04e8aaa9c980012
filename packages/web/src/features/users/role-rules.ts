import { type Role, roleConflictKey } from '@fengqiao/shared/rules';
import type { FormRule as Rule } from 'antd';
import { i18n } from '../../lib/i18n';
import { serverMessage } from '../../lib/i18n/server-message';

/** A login name: a lower-case letter, then 2–39 letters, digits, `_`, `.` or `-`. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,39}$/;

export function usernameRules(): Rule[] {
  return [
    { required: true, message: i18n.t('users.usernameRequired') },
    { pattern: USERNAME_PATTERN, message: serverMessage('invalid_username') },
  ];
}

/** Roles are required and the three admin roles are held alone (三权分立). */
export function roleRules(): Rule[] {
  return [
    { required: true, type: 'array', min: 1, message: i18n.t('users.rolesRequired') },
    {
      validator: async (_rule, value: Role[] | undefined) => {
        const conflict = roleConflictKey(value ?? []);
        if (conflict) throw new Error(serverMessage(conflict));
      },
    },
  ];
}

/** The complexity rule is the server's (it answers 422 weak_password); here only presence. */
export function passwordRules(): Rule[] {
  return [{ required: true, message: i18n.t('users.passwordRequired') }];
}
