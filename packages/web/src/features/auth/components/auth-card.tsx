import SafetyCertificateFilled from '@ant-design/icons-svg/es/asn/SafetyCertificateFilled';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SvgIcon } from '../../../lib/components/svg-icon';
import '../auth.css';
import { LanguageToggle } from './language-toggle';

/**
 * The centred card with the product title used by the login and TOTP enrollment pages. Plain
 * elements and CSS: the sign-in page loads before (and without) antd.
 */
export function AuthCard({ children, width = 400 }: { children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <div className="fq-login-bg fq-auth-page">
      <div className="fq-auth-top">
        <LanguageToggle />
      </div>
      <header className="fq-auth-brand">
        <SvgIcon icon={SafetyCertificateFilled} className="fq-auth-logo" />
        <h1>{t('app.name')}</h1>
        <p>{t('app.subtitle')}</p>
      </header>
      <main className="fq-auth-card" style={{ maxWidth: width }}>
        {children}
      </main>
      <p className="fq-auth-footer">{t('login.footer')}</p>
    </div>
  );
}
