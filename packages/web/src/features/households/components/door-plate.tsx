import type { DoorPlate as DoorPlateData } from '@fengqiao/shared';
import { useTranslation } from 'react-i18next';

/** The QR code arrives as SVG text; an image of it keeps it inert (no markup enters the page). */
function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** One printable plate: QR code (links to /h/<code>), the door's address, grid, officer and phone. */
export function DoorPlate({ plate }: { plate: DoorPlateData }) {
  const { t } = useTranslation();
  return (
    <div className="fq-plate" data-testid="door-plate" data-household-id={plate.householdId}>
      <div className="fq-plate-head">{t('plates.plateTitle')}</div>
      <img className="fq-plate-qr" src={svgDataUrl(plate.qrSvg)} alt={t('households.qr')} />
      <div className="fq-plate-address" data-testid="door-plate-address">
        {plate.address}
      </div>
      <div className="fq-plate-grid">
        {plate.gridName
          ? t('plates.gridLine', { grid: plate.gridName })
          : t('plates.noGridLine', { community: plate.community })}
      </div>
      <div className="fq-plate-contact" data-testid="door-plate-contact">
        {plate.officerName ? t('plates.officerLine', { name: plate.officerName }) : t('plates.noOfficer')}
        {plate.officerPhone ? ` · ${t('plates.phoneLine', { phone: plate.officerPhone })}` : ''}
      </div>
      <div className="fq-plate-hint">{t('plates.scanHint')}</div>
    </div>
  );
}
