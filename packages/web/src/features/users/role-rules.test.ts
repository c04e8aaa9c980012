// @vitest-environment happy-dom
import type { Role } from '@fengqiao/shared';
import type { RuleObject } from 'antd/es/form';
import { describe, expect, it } from 'vitest';
import { passwordRules, roleRules, USERNAME_PATTERN, usernameRules } from './role-rules';

/** Runs a rule's validator the way antd's form does. */
function validate(rules: ReturnType<typeof roleRules>, value: unknown) {
  const withValidator = rules.find((r): r is RuleObject => typeof r === 'object' && 'validator' in r);
  return withValidator?.validator?.({} as never, value, () => undefined);
}

describe('the user form’s role and password rules', () => {
  it('takes a login name that starts with a lower-case letter, 3 to 40 characters long', () => {
    for (const ok of ['zhang.san', 'officer01', 'a_b-c', `a${'b'.repeat(39)}`])
      expect(USERNAME_PATTERN.test(ok)).toBe(true);
    for (const bad of ['ab', '1officer', 'Zhang', '张三', 'a b c', `a${'b'.repeat(40)}`])
      expect(USERNAME_PATTERN.test(bad)).toBe(false);
    expect(usernameRules()[0]).toMatchObject({ required: true });
  });

  it('requires at least one role', () => {
    expect(roleRules()[0]).toMatchObject({ required: true, type: 'array', min: 1 });
  });

  it('refuses an admin role held with another role (三权分立), with the conflict as the message', async () => {
    await expect(validate(roleRules(), ['system_admin', 'audit_admin'] satisfies Role[])).rejects.toThrow();
    await expect(validate(roleRules(), ['system_admin'] satisfies Role[])).resolves.toBeUndefined();
    await expect(validate(roleRules(), undefined)).resolves.toBeUndefined();
  });

  it('asks only for a password; its strength is the server’s rule', () => {
    expect(passwordRules()).toEqual([expect.objectContaining({ required: true })]);
    expect(passwordRules()).toHaveLength(1);
  });
});
