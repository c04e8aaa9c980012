import type { HouseholdSummary } from '@fengqiao/shared';
import { useTranslation } from 'react-i18next';
import { householdQrUrl } from '../api';

/** One printable plate: QR code (links to /h/<code>), masked address, grid. */
export function DoorPlate({
  household,
  onImageDone,
}: {
  household: HouseholdSummary;
  onImageDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="fq-plate" data-testid="door-plate">
      <div className="fq-plate-head">{t('plates.plateTitle')}</div>
      <img
        className="fq-plate-qr"
        src={householdQrUrl(household.id)}
        alt={t('households.qr')}
        onLoad={onImageDone}
        onError={onImageDone}
      />
      <div className="fq-plate-address">{household.addressMasked}</div>
      <div className="fq-plate-grid">
        {household.gridName
          ? t('plates.gridLine', { grid: household.gridName })
          : t('plates.noGridLine', { community: household.community })}
      </div>
      <div className="fq-plate-hint">{t('plates.scanHint')}</div>
    </div>
  );
}
