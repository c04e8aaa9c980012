import { useTranslation } from 'react-i18next';

/**
 * The spinner shown while a screen's code loads, before antd is there (it is not in the entry, so
 * the sign-in page stays light); drawn like antd's Spin. Inside the app, FullPageSpin is antd's own.
 */
export function BootSpin() {
  const { t } = useTranslation();
  return (
    <div className="fq-boot-spin" role="status" aria-live="polite">
      <span className="fq-boot-spin-dots" aria-hidden="true">
        <i />
        <i />
        <i />
        <i />
      </span>
      <span>{t('app.loading')}</span>
    </div>
  );
}
