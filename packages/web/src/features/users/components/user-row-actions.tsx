import type { User } from '@fengqiao/shared';
import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth/auth-context';
import { useUnlockUser, useUpdateUser } from '../queries';
import { userActionsOf } from '../user-actions';

export interface UserRowActionsProps {
  user: User;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

/** Edit, disable/enable, reset password and unlock, each shown only with its permission. */
export function UserRowActions({ user, onEdit, onResetPassword }: UserRowActionsProps) {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const { message } = App.useApp();
  const allowed = new Set(userActionsOf(user, { can, selfId: me?.user.id }));
  const update = useUpdateUser();
  const unlock = useUnlockUser();

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      message.success(done);
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <Space size={0} wrap>
      {allowed.has('edit') ? (
        <Button type="link" size="small" onClick={() => onEdit(user)} data-testid="user-edit">
          {t('common.edit')}
        </Button>
      ) : null}
      {allowed.has('toggleDisabled') ? (
        <Popconfirm
          title={t('common.confirmTitle')}
          description={t(user.disabled ? 'users.enableConfirm' : 'users.disableConfirm', {
            name: user.displayName,
          })}
          okButtonProps={{ danger: !user.disabled }}
          onConfirm={() =>
            run(
              () => update.mutateAsync({ id: user.id, body: { disabled: !user.disabled } }),
              t('users.updated'),
            )
          }
        >
          <Button type="link" size="small" danger={!user.disabled} data-testid="user-toggle-disabled">
            {user.disabled ? t('users.enable') : t('users.disable')}
          </Button>
        </Popconfirm>
      ) : null}
      {allowed.has('resetPassword') ? (
        <Button
          type="link"
          size="small"
          onClick={() => onResetPassword(user)}
          data-testid="user-reset-password"
        >
          {t('users.resetPassword')}
        </Button>
      ) : null}
      {allowed.has('unlock') ? (
        <Popconfirm
          title={t('common.confirmTitle')}
          description={t('users.unlockConfirm', { name: user.displayName })}
          onConfirm={() => run(() => unlock.mutateAsync(user.id), t('users.unlocked'))}
        >
          <Button type="link" size="small" data-testid="user-unlock">
            {t('users.unlock')}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}
