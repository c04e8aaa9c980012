import { LockOutlined } from '@ant-design/icons';
import { Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A person's name; a child's record shown reduced gets a lock and the reason. */
export function ResidentName({ name, restricted }: { name: string; restricted: boolean }) {
  const { t } = useTranslation();
  if (!restricted) return <span>{name}</span>;
  return (
    <Tooltip title={t('households.restricted')}>
      <Flex gap={4} align="center" data-testid="resident-restricted">
        <LockOutlined style={{ color: '#d46b08' }} aria-label={t('households.restricted')} />
        <span>{name}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('households.restricted')}
        </Typography.Text>
      </Flex>
    </Tooltip>
  );
}
