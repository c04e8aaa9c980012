import { ROLES, type Role } from '@fengqiao/shared/rules';
import { Select } from 'antd';
import { useLanguage } from '../../../lib/i18n/use-language';
import { roleLabel } from '../../../lib/labels';

export interface RoleSelectProps {
  value?: Role[];
  onChange?: (value: Role[]) => void;
  disabled?: boolean;
  testId?: string;
}

/** Multi-select of roles with their Chinese (or English) labels. */
export function RoleSelect({ value, onChange, disabled, testId }: RoleSelectProps) {
  const lang = useLanguage();
  return (
    <Select<Role[]>
      mode="multiple"
      value={value}
      onChange={onChange}
      disabled={disabled}
      options={ROLES.map((role) => ({ value: role, label: roleLabel(role, lang) }))}
      optionFilterProp="label"
      allowClear
      data-testid={testId}
    />
  );
}
