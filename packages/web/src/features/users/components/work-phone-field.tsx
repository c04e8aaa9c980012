import { WORK_PHONE_PATTERN } from '@fengqiao/shared/rules';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

const workPhone = new RegExp(WORK_PHONE_PATTERN);

/** 警务电话: optional; printed on door plates and shown to whoever scans one. */
export function WorkPhoneField({ disabled, testId }: { disabled?: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="workPhone"
      label={t('users.workPhone')}
      extra={t('users.workPhoneHelp')}
      rules={[{ pattern: workPhone, message: t('users.workPhoneInvalid') }]}
      normalize={(value: string) => value.replace(/\s/g, '')}
    >
      <Input
        maxLength={20}
        inputMode="tel"
        disabled={disabled}
        placeholder="13805750001 / 0575-87012345"
        data-testid={testId}
      />
    </Form.Item>
  );
}
