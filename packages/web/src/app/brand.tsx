import SafetyCertificateFilled from '@ant-design/icons-svg/es/asn/SafetyCertificateFilled';
import { useTranslation } from 'react-i18next';
import { SvgIcon } from '../lib/components/svg-icon';

/** The product mark at the top of the side menu. */
export function Brand({ collapsed }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="fq-brand">
      <SvgIcon icon={SafetyCertificateFilled} className="fq-brand-logo" />
      {collapsed ? null : <strong className="fq-brand-name">{t('app.shortName')}</strong>}
    </div>
  );
}
