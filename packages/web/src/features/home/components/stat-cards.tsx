import { ApartmentOutlined, BorderOutlined, HomeOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ScopeCounts {
  stations: number;
  communities: number;
  grids: number;
}

/** Counts of units in the selected part of the scope. */
export function StatCards({ counts, loading }: { counts: ScopeCounts; loading: boolean }) {
  const { t } = useTranslation();
  const cards = [
    { key: 'stations', title: t('home.stations'), value: counts.stations, icon: <HomeOutlined /> },
    {
      key: 'communities',
      title: t('home.communities'),
      value: counts.communities,
      icon: <ApartmentOutlined />,
    },
    { key: 'grids', title: t('home.grids'), value: counts.grids, icon: <BorderOutlined /> },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((card) => (
        <Col key={card.key} xs={8}>
          <Card size="small" loading={loading}>
            <Statistic
              title={card.title}
              value={card.value}
              prefix={card.icon}
              data-testid={`stat-${card.key}`}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
