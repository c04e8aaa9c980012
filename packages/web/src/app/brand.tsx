import { SafetyCertificateFilled } from '@ant-design/icons';
import { Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';

/** The product mark at the top of the side menu. */
export function Brand({ collapsed }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex align="center" gap={8} style={{ height: 64, padding: '0 20px', flexShrink: 0 }}>
      <SafetyCertificateFilled style={{ fontSize: 24, color: token.colorPrimary }} />
      {collapsed ? null : (
        <Typography.Text strong style={{ fontSize: 18, color: token.colorPrimary }}>
          {t('app.shortName')}
        </Typography.Text>
      )}
    </Flex>
  );
}
