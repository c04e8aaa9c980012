import type { User } from '@fengqiao/shared';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, isFuture } from '../../../lib/format';

/** 正常 / 停用 / 锁定至 …. */
export function UserStatusTag({ user }: { user: User }) {
  const { t } = useTranslation();
  if (user.disabled) return <Tag color="red">{t('users.statusDisabled')}</Tag>;
  if (isFuture(user.lockedUntil)) {
    return <Tag color="orange">{t('users.statusLocked', { until: formatDateTime(user.lockedUntil) })}</Tag>;
  }
  return <Tag color="green">{t('users.statusActive')}</Tag>;
}
