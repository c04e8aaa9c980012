import { PlusOutlined } from '@ant-design/icons';
import type { Role, User } from '@fengqiao/shared';
import { ROLES } from '@fengqiao/shared/rules';
import { App, Button, Card, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../lib/auth/auth-context';
import { CursorPagerBar } from '../../../lib/components/cursor-pager-bar';
import { ErrorAlert } from '../../../lib/components/error-alert';
import { PageHeader } from '../../../lib/components/page-header';
import { useLanguage } from '../../../lib/i18n/use-language';
import { roleLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope/org-scope-context';
import { usePageTitle } from '../../../lib/page-title';
import { PasswordResetModal } from '../components/password-reset-modal';
import { UserCreateModal } from '../components/user-create-modal';
import { UserEditModal } from '../components/user-edit-modal';
import { UserTable } from '../components/user-table';
import { useUserList } from '../queries';

/** 用户管理: search, role and org filters, cursor paging, create/edit/disable/reset/unlock. */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  const lang = useLanguage();
  const { can } = useAuth();
  const scope = useOrgScope();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const orgUnitId = scope.selectedId;

  const pager = useUserList({ q: q || undefined, role, orgUnitId });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          can('user.write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="user-create"
            >
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            onSearch={(value) => setQ(value.trim())}
            style={{ width: 280, maxWidth: '100%' }}
            data-testid="users-search"
          />
          <Select<Role>
            allowClear
            placeholder={t('users.roleFilter')}
            value={role}
            onChange={(value) => setRole(value)}
            options={ROLES.map((r) => ({ value: r, label: roleLabel(r, lang) }))}
            style={{ width: 200, maxWidth: '100%' }}
            data-testid="users-role-filter"
          />
        </Flex>
        {pager.error ? <ErrorAlert error={pager.error} onRetry={pager.retry} /> : null}
        <UserTable
          users={pager.items}
          loading={pager.loading}
          onEdit={setEditing}
          onResetPassword={setResetting}
        />
        <CursorPagerBar pager={pager} testId="users-pager" />
      </Card>
      <UserCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          message.success(t('users.created'));
        }}
      />
      <UserEditModal
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success(t('users.updated'));
        }}
      />
      <PasswordResetModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          setResetting(null);
          message.success(t('users.passwordReset'));
        }}
      />
    </>
  );
}

export default UsersPage;
