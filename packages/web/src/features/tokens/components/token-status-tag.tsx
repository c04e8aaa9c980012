import type { ApiToken } from '@fengqiao/shared';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

export function isTokenActive(token: ApiToken): boolean {
  return !token.revokedAt && !(token.expiresAt && dayjs(token.expiresAt).isBefore(dayjs()));
}

/** 有效 / 已吊销 / 已过期. */
export function TokenStatusTag({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  if (token.revokedAt) return <Tag color="red">{t('tokens.statusRevoked')}</Tag>;
  if (!isTokenActive(token)) return <Tag>{t('tokens.statusExpired')}</Tag>;
  return <Tag color="green">{t('tokens.statusActive')}</Tag>;
}
