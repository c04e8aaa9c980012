// @vitest-environment happy-dom
import { computeIdCardCheckChar } from '@fengqiao/shared/rules';
import type { Rule, RuleObject } from 'antd/es/form';
import { describe, expect, it } from 'vitest';
import { idCardRules, nameRules, phoneRules } from './resident-rules';

function validate(rules: Rule[], value: unknown) {
  const withValidator = rules.find((r): r is RuleObject => typeof r === 'object' && 'validator' in r);
  return withValidator?.validator?.({} as never, value, () => undefined);
}

const FIRST17 = '33068119850312123';
const VALID_ID = FIRST17 + computeIdCardCheckChar(FIRST17);

describe('the resident form’s rules', () => {
  it('accepts a valid GB 11643 number and refuses a wrong check digit or length', async () => {
    await expect(validate(idCardRules(), VALID_ID)).resolves.toBeUndefined();
    const wrongCheck = FIRST17 + (VALID_ID.endsWith('1') ? '2' : '1');
    await expect(validate(idCardRules(), wrongCheck)).rejects.toThrow();
    await expect(validate(idCardRules(), '3306811985')).rejects.toThrow();
    expect(idCardRules()[0]).toMatchObject({ required: true, whitespace: true });
  });

  it('leaves an empty number to the required rule', async () => {
    await expect(validate(idCardRules(), '  ')).resolves.toBeUndefined();
  });

  it('accepts an empty phone or a mainland mobile number, refuses anything else', async () => {
    await expect(validate(phoneRules(), '')).resolves.toBeUndefined();
    await expect(validate(phoneRules(), '13912345678')).resolves.toBeUndefined();
    await expect(validate(phoneRules(), '12345')).rejects.toThrow();
  });

  it('requires a name that is not only spaces', () => {
    expect(nameRules()).toEqual([expect.objectContaining({ required: true, whitespace: true })]);
  });
});
