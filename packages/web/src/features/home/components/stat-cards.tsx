import ApartmentOutlined from '@ant-design/icons-svg/es/asn/ApartmentOutlined';
import BorderOutlined from '@ant-design/icons-svg/es/asn/BorderOutlined';
import HomeOutlined from '@ant-design/icons-svg/es/asn/HomeOutlined';
import { useTranslation } from 'react-i18next';
import { SvgIcon } from '../../../lib/components/svg-icon';

export interface ScopeCounts {
  stations: number;
  communities: number;
  grids: number;
}

/** Counts of units in the selected part of the scope, drawn like antd's small Card and Statistic. */
export function StatCards({
  counts,
  levels,
  loading,
}: {
  counts: ScopeCounts;
  /** The levels worth a card: those at and below the caller's scope. */
  levels: readonly (keyof ScopeCounts)[];
  loading: boolean;
}) {
  const { t } = useTranslation();
  const cards = [
    { key: 'stations', title: t('home.stations'), value: counts.stations, icon: HomeOutlined },
    { key: 'communities', title: t('home.communities'), value: counts.communities, icon: ApartmentOutlined },
    { key: 'grids', title: t('home.grids'), value: counts.grids, icon: BorderOutlined },
  ] as const;
  return (
    <ul className="fq-stat-cards">
      {cards
        .filter((card) => levels.includes(card.key))
        .map((card) => (
          <li key={card.key} className="fq-home-card fq-stat-card" aria-busy={loading}>
            {loading ? (
              <div className="fq-skeleton" aria-hidden="true">
                <i />
                <i />
              </div>
            ) : (
              <div data-testid={`stat-${card.key}`}>
                <div className="fq-stat-title">{card.title}</div>
                <div className="fq-stat-value">
                  <SvgIcon icon={card.icon} className="fq-stat-icon" />
                  <span>{card.value.toLocaleString('en-US')}</span>
                </div>
              </div>
            )}
          </li>
        ))}
    </ul>
  );
}
