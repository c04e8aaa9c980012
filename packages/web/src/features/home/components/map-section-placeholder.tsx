import { useTranslation } from 'react-i18next';
import { BootSpin } from '../../../lib/components/boot-spin';

/** The map card's frame, in its place while the map section (antd, then MapLibre) loads. */
export function MapSectionPlaceholder() {
  const { t } = useTranslation();
  return (
    <section className="fq-home-card fq-home-map-placeholder" aria-busy="true">
      <h2 className="fq-home-card-title">{t('home.mapTitle')}</h2>
      <BootSpin />
    </section>
  );
}
