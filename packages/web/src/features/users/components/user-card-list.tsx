import type { User } from '@fengqiao/shared';
import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoleTags } from './role-tags';
import { UserRowActions, type UserRowActionsProps } from './user-row-actions';
import { UserStatusTag } from './user-status-tag';

type Handlers = Omit<UserRowActionsProps, 'user'>;

/** The users list on a phone: one card per account, with its actions at hand. */
export function UserCardList({
  users,
  loading,
  ...handlers
}: { users: User[]; loading: boolean } & Handlers) {
  const { t } = useTranslation();
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="users-table" style={{ minHeight: loading ? 80 : undefined }}>
        {!users.length && !loading ? <Empty description={t('users.empty')} /> : null}
        {users.map((user) => (
          <Card key={user.id} size="small" styles={{ body: { padding: 12 } }} data-testid="user-card">
            <Flex justify="space-between" align="baseline" gap={8} wrap>
              <Typography.Text strong>{user.displayName}</Typography.Text>
              <UserStatusTag user={user} />
            </Flex>
            <Typography.Text type="secondary">
              {user.username} · {user.orgUnitName}
            </Typography.Text>
            <div style={{ marginTop: 4 }}>
              <RoleTags roles={user.roles} />
            </div>
            <div style={{ marginTop: 4, marginLeft: -7 }}>
              <UserRowActions user={user} {...handlers} />
            </div>
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}
