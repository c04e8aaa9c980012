import type { User } from '@fengqiao/shared';
import { Empty, Grid, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../lib/auth/auth-context';
import { formatDateTime } from '../../../lib/format';
import { userActionsOf } from '../user-actions';
import { RoleTags } from './role-tags';
import { UserCardList } from './user-card-list';
import { UserRowActions, type UserRowActionsProps } from './user-row-actions';
import { UserStatusTag } from './user-status-tag';

type Handlers = Omit<UserRowActionsProps, 'user'>;

/** The users list (one page); on a phone, a card per account. */
export function UserTable({ users, loading, ...handlers }: { users: User[]; loading: boolean } & Handlers) {
  const { t } = useTranslation();
  const compact = Grid.useBreakpoint().md === false;
  const { can, me } = useAuth();
  if (compact) return <UserCardList users={users} loading={loading} {...handlers} />;
  const columns: ColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', fixed: 'left' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      render: (_v, user) => <RoleTags roles={user.roles} />,
    },
    { title: t('users.orgUnit'), dataIndex: 'orgUnitName' },
    { title: t('users.scope'), dataIndex: 'scopeOrgName' },
    { title: t('users.workPhone'), dataIndex: 'workPhone', render: (phone: string | null) => phone ?? '—' },
    {
      title: t('users.status'),
      key: 'status',
      render: (_v, user) => <UserStatusTag user={user} />,
    },
    {
      title: t('users.totp'),
      dataIndex: 'totpEnabled',
      render: (on: boolean) =>
        on ? <Tag color="green">{t('users.totpOn')}</Tag> : <Tag>{t('users.totpOff')}</Tag>,
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (at: string | null) => formatDateTime(at, t('common.never')),
    },
  ];
  // A read-only caller (指挥室) has no action on any row: no empty 操作 column.
  if (users.some((user) => userActionsOf(user, { can, selfId: me?.user.id }).length > 0)) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v, user) => <UserRowActions user={user} {...handlers} />,
    });
  }
  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('users.empty')} /> }}
      data-testid="users-table"
    />
  );
}
