import { ADMIN_ROLES, type Role } from '@fengqiao/shared/rules';
import { Flex, Tag } from 'antd';
import { useLanguage } from '../../../lib/i18n/use-language';
import { roleLabel } from '../../../lib/labels';

/** Role labels as tags; the three admin roles in a different colour. */
export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const lang = useLanguage();
  return (
    <Flex wrap gap={4}>
      {roles.map((role) => (
        <Tag key={role} color={ADMIN_ROLES.includes(role) ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {roleLabel(role, lang)}
        </Tag>
      ))}
    </Flex>
  );
}
