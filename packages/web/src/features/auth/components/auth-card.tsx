import { SafetyCertificateFilled } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../app/language-switch';

/** The centred card with the product title used by the login and TOTP enrollment pages. */
export function AuthCard({ children, width = 400 }: { children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" className="fq-login-bg" style={{ padding: '24px 16px' }}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 960 }}>
        <LanguageSwitch size="small" />
      </Flex>
      <Flex vertical align="center" style={{ margin: '6vh 0 24px', textAlign: 'center' }}>
        <SafetyCertificateFilled style={{ fontSize: 44, color: '#fff' }} />
        <Typography.Title level={2} style={{ color: '#fff', margin: '12px 0 4px' }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgb(255 255 255 / 85%)' }}>{t('app.subtitle')}</Typography.Text>
      </Flex>
      <Card style={{ width: '100%', maxWidth: width, boxShadow: '0 8px 24px rgb(15 47 92 / 18%)' }}>
        {children}
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12, textAlign: 'center' }}>
        {t('login.footer')}
      </Typography.Text>
    </Flex>
  );
}
